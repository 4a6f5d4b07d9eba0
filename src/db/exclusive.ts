import type { DatabaseAdapterObj } from 'payload'

import { withDatabaseLock } from './lock'

/**
 * What must happen in one process at a time when several serve one database (`npm run serve`
 * behind a load balancer, the app replicas in docker-compose.yml), held with a lock in the
 * database itself (./lock.ts).
 *
 * Migrations: every production server applies pending migrations when it connects (Payload's
 * `prodMigrations`), and so do `npm start` and `npm run migrate`. Two at once would both apply the
 * same migration; with the lock the second waits, then finds nothing left to apply.
 *
 * Job claims: Payload marks the due jobs it is about to run `processing` in `updateJobs`, as a
 * read followed by writes, so two instances running due jobs at the same moment could both claim,
 * and both run, the same scheduled publish, unless the claim is exclusive. On SQLite it is: the
 * claim runs in a transaction (`BEGIN IMMEDIATE`, src/db/sqliteTransactions.ts), which holds the
 * database's write lock from its first statement, reads included, so a second instance's claim
 * starts after the first one's commit and finds the job taken. On MongoDB the claim has no
 * transaction (Payload passes none for mongoose), so it takes the `job-claims` lock instead. Either
 * way every due job runs on exactly one instance, whichever claims it first, and the run,
 * revalidation included, happens there, inside its request (src/config/jobRunner.ts). (A claim
 * inside a transaction must not take the lock: on SQLite the lock's own statement would wait for
 * that very transaction's write lock.)
 */
export function withExclusiveMigrationsAndJobClaims(adapterObj: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args)

      const migrate = adapter.migrate.bind(adapter)
      adapter.migrate = (options) => withDatabaseLock(adapter, 'migrations', () => migrate(options))

      const updateJobs = adapter.updateJobs.bind(adapter)
      adapter.updateJobs = async (options) => {
        const claim = options.data?.processing === true
        if (!claim || (await options.req?.transactionID)) return updateJobs(options)
        return withDatabaseLock(adapter, 'job-claims', () => updateJobs(options), { waitMs: 60_000 })
      }
      return adapter
    },
  }
}
