import type { Endpoint } from 'payload'

import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '@/hooks/databaseUnavailable'
import { databaseFileMessage, databaseFileState } from '@/db/databaseFile'

/** Longest a health check waits for the database: a probe must answer quickly either way. */
const PROBE_TIMEOUT_MS = 3000

/**
 * `GET /api/health`: 200 when the database answers a trivial query, 503 when it does not, or when
 * its file is no longer the one the server opened (saves are refused then: src/db/databaseFile.ts).
 * For load balancers, uptime monitors and the fault tests. Open to anyone; it reveals nothing else.
 */
export const health: Endpoint = {
  path: '/health',
  method: 'get',
  handler: async (req) => {
    const started = Date.now()
    const file = databaseFileState(req.payload.db)
    if (file !== 'ok') {
      return Response.json(
        { status: 'unavailable', database: file, message: databaseFileMessage(file), ms: Date.now() - started },
        {
          status: 503,
          headers: { 'Cache-Control': 'no-store', ...(file === 'missing' ? { 'Retry-After': '5' } : {}) },
        },
      )
    }
    let timer: NodeJS.Timeout | undefined
    try {
      await Promise.race([
        req.payload.db.count({ collection: 'categories', req }),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('database probe timed out')), PROBE_TIMEOUT_MS)
        }),
      ])
      return Response.json(
        { status: 'ok', database: 'ok', ms: Date.now() - started },
        { headers: { 'Cache-Control': 'no-store' } },
      )
    } catch (error) {
      const known =
        isDatabaseUnavailable(error) || (error instanceof Error && error.message === 'database probe timed out')
      if (!known) req.payload.logger.error({ err: error, msg: 'Health check failed' })
      return Response.json(
        {
          status: 'unavailable',
          database: 'unreachable',
          message: DATABASE_UNAVAILABLE_MESSAGE,
          ms: Date.now() - started,
        },
        { status: 503, headers: { 'Cache-Control': 'no-store', 'Retry-After': '5' } },
      )
    } finally {
      clearTimeout(timer)
    }
  },
}
