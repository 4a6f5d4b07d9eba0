import type { AfterErrorHook } from 'payload'

import { isDatabaseFileGone } from '@/db/databaseFile'

/**
 * Errors that mean "the database cannot be reached right now", as opposed to a bad request or a
 * bug: SQLite's file locked by another process (after the adapter's busy timeout), missing or
 * unreadable, or no MongoDB server to talk to. The adapters wrap the driver's error, so the whole
 * `cause` chain is inspected.
 */
const SQLITE_CODES = /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|READONLY|NOTADB|FULL)/
const MONGO_NAMES = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
])

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>()
  let current = error as { code?: unknown; name?: unknown; cause?: unknown; message?: unknown } | undefined
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current)
    if (typeof current.code === 'string' && SQLITE_CODES.test(current.code)) return true
    if (typeof current.name === 'string' && MONGO_NAMES.has(current.name)) return true
    if (
      typeof current.message === 'string' &&
      /database is locked|unable to open database file|Client must be connected/i.test(current.message)
    )
      return true
    current = current.cause as typeof current
  }
  return false
}

export const DATABASE_UNAVAILABLE_MESSAGE =
  'The database is unavailable at the moment. Nothing was changed; please try again in a few seconds.'

/**
 * Turns "database unreachable" into a 503 with a message a client can act on (and a Retry-After),
 * instead of Payload's generic 500 "Something went wrong.". Any other error is left as it is.
 */
export const databaseUnavailable: AfterErrorHook = ({ error, req }) => {
  // A missing database file (src/db/databaseFile.ts) is already a 503 with its own message; it
  // may come back any moment. A replaced one waits for a restart: no Retry-After.
  if (isDatabaseFileGone(error)) {
    if (error.state === 'missing')
      req.responseHeaders = new Headers({ ...Object.fromEntries(req.responseHeaders ?? []), 'Retry-After': '5' })
    return
  }
  if (!isDatabaseUnavailable(error)) return
  req.responseHeaders = new Headers({ ...Object.fromEntries(req.responseHeaders ?? []), 'Retry-After': '5' })
  return { status: 503, response: { errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE }] } }
}
