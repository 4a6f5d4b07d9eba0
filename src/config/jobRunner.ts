import crypto from 'node:crypto'

import type { PayloadRequest } from 'payload'

/**
 * Who runs the due jobs (scheduled publishing).
 *
 * Payload's own timer (`autoRun`) runs them outside any request. Next revalidates its cache only
 * from inside a request, so a scheduled article would go live in the database while the cached blog
 * index never listed it (tests/e2e/scheduled.spec.ts). The production server's app process
 * (src/server/appProcess.mjs) therefore calls Payload's `/api/payload-jobs/run` every ten seconds
 * instead, with a secret it makes up at start and hands over in `VALENX_JOB_RUNNER_SECRET`; the
 * jobs then run inside a request like any save. Anywhere else (`next dev`, scripts) Payload's timer runs them.
 */
export const jobsRunOverHttp = () => Boolean(process.env.VALENX_JOB_RUNNER_SECRET)

export function isJobRunner(req: Pick<PayloadRequest, 'headers'>): boolean {
  const secret = process.env.VALENX_JOB_RUNNER_SECRET
  const given = req.headers?.get('authorization')?.replace(/^Bearer /, '')
  if (!secret || !given || given.length !== secret.length) return false
  return crypto.timingSafeEqual(Buffer.from(given), Buffer.from(secret))
}
