import type { DatabaseAdapterObj, PayloadRequest } from 'payload'

/**
 * Work that must only happen once a save is in the database: revalidating the cached pages.
 *
 * Payload runs `afterChange` hooks inside the save's transaction, before it commits. A reader whose
 * request arrived between a revalidation and the commit would re-render from the old data, and that
 * page would then be cached until the next change. So work registered here waits for the commit, and
 * is dropped if the transaction rolls back (nothing changed). Outside a transaction (MongoDB without a
 * replica set, scripts) it runs at once.
 */
type TransactionId = string | number
type Work = () => void | Promise<void>
const waiting = new Map<TransactionId, Work[]>()

/** Runs one piece of work; a failure is logged, never thrown into the save that committed. */
async function runSafely(work: Work) {
  try {
    await work()
  } catch (error) {
    console.error('Work after a commit failed:', error)
  }
}

async function runAll(id: TransactionId) {
  const work = waiting.get(id)
  waiting.delete(id)
  for (const item of work ?? []) await runSafely(item)
}

/**
 * Runs `work` once the request's transaction commits; the commit (and so the save's response) waits
 * for it. Without a transaction it runs now, and the returned promise is its end.
 */
export async function afterCommit(req: Pick<PayloadRequest, 'transactionID'> | undefined, work: Work): Promise<void> {
  const id = req?.transactionID
  if (!id) return runSafely(work)
  if (id instanceof Promise) {
    // A transaction still being opened: its id is known before the save can commit.
    void id.then((resolved) => (resolved ? queue(resolved, work) : runSafely(work)))
    return
  }
  queue(id, work)
}

function queue(id: TransactionId, work: Work) {
  const list = waiting.get(id)
  if (list) list.push(work)
  else waiting.set(id, [work])
}

/** Wraps an adapter so that its commits and rollbacks release the work waiting on them. */
export function withAfterCommit(adapterObj: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args)
      const commit = adapter.commitTransaction?.bind(adapter)
      const rollback = adapter.rollbackTransaction?.bind(adapter)
      if (commit) {
        adapter.commitTransaction = async (transactionId) => {
          const id = await transactionId
          try {
            await commit(transactionId)
          } catch (error) {
            if (id) waiting.delete(id)
            throw error
          }
          if (id) await runAll(id)
        }
      }
      if (rollback) {
        adapter.rollbackTransaction = async (transactionId) => {
          const id = await transactionId
          if (id) waiting.delete(id)
          await rollback(transactionId)
        }
      }
      return adapter
    },
  }
}
