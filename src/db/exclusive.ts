import type { DatabaseAdapterObj } from 'payload'

import { acquireDatabaseLock, withDatabaseLock } from './lock'

/**
 * What must happen in one process at a time when several serve one database (`npm run serve`
 * behind a load balancer, the app replicas in docker-compose.yml), held with a lock in the
 * database itself (./lock.ts).
 *
 * Migrations: every production server applies pending migrations when it connects (Payload's
 * `prodMigrations`), and so do `npm start` and `npm run migrate`. Two at once would both apply the
 * same migration; with the lock the second waits, then finds nothing left to apply.
 *
 * Job claims: Payload marks the due jobs it is about to run `processing` in `updateJobs`, but as a
 * read followed by writes (db-sqlite and db-mongodb alike), so two instances running due jobs at
 * the same moment can both claim, and both run, the same scheduled publish. Each claim takes the
 * lock until its transaction commits, so a second instance's claim reads the first one's result
 * and finds the job taken: every due job runs on exactly one instance, whichever claims it first.
 * The run itself, revalidation included, happens on that instance, inside its request
 * (src/config/jobRunner.ts).
 */
export function withExclusiveMigrationsAndJobClaims(adapterObj: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args)

      const migrate = adapter.migrate.bind(adapter)
      adapter.migrate = (options) => withDatabaseLock(adapter, 'migrations', () => migrate(options))

      const updateJobs = adapter.updateJobs.bind(adapter)
      const commit = adapter.commitTransaction.bind(adapter)
      const rollback = adapter.rollbackTransaction.bind(adapter)
      const heldUntilCommit = new Map<string | number, () => Promise<void>>()
      const releaseFor = async (transactionId: unknown) => {
        const id = (await transactionId) as string | number | undefined
        const release = id === undefined ? undefined : heldUntilCommit.get(id)
        if (id !== undefined) heldUntilCommit.delete(id)
        await release?.()
      }
      adapter.updateJobs = async (options) => {
        if (options.data?.processing !== true) return updateJobs(options)
        const release = await acquireDatabaseLock(adapter, 'job-claims', { waitMs: 60_000 })
        const transactionId = (await options.req?.transactionID) as string | number | undefined
        try {
          const claimed = await updateJobs(options)
          if (transactionId === undefined) await release()
          else heldUntilCommit.set(transactionId, release)
          return claimed
        } catch (error) {
          await release()
          throw error
        }
      }
      adapter.commitTransaction = async (transactionId) => {
        try {
          await commit(transactionId)
        } finally {
          await releaseFor(transactionId)
        }
      }
      adapter.rollbackTransaction = async (transactionId) => {
        try {
          await rollback(transactionId)
        } finally {
          await releaseFor(transactionId)
        }
      }
      return adapter
    },
  }
}
