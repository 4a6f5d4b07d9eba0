import fs from 'node:fs'

import { APIError, type BaseDatabaseAdapter, type DatabaseAdapterObj } from 'payload'

/**
 * An SQLite file moved away or deleted while the server runs does not stop the server: on Linux it
 * keeps its open handle to the unlinked file, reads go on, and saves "succeed" into a file nobody
 * can reach any more, lost for good at the next restart. So before every write the configured path
 * is compared with the file the server opened (device and inode, recorded at connect):
 *  - missing: writes are refused with a 503 until the file is put back, then resume by themselves;
 *  - a different file at the path (a copy restored over it, a new empty database): writes are
 *    refused until a restart. Switching files under a running server would mix the two: pages
 *    cached from the old file, scheduled jobs and sessions read from it. The operator who swapped
 *    the file decides when the server moves over, by restarting it (or puts the original back).
 * Reads are left alone: they come from the open file and readers keep their pages.
 *
 * The check is one `stat` per write, in the adapter's write methods, so it covers every collection,
 * global, version, login, preference, lock and job. MongoDB has no file: it is not wrapped.
 */

export type DatabaseFileState = 'ok' | 'missing' | 'replaced'

const MESSAGES: Record<Exclude<DatabaseFileState, 'ok'>, string> = {
  missing:
    'The database file is missing: it was moved or deleted while the server was running. Nothing was saved, as it would have been lost. Saving resumes by itself once the file is back in place.',
  replaced:
    'The database file was replaced by a different file while the server was running. Nothing was saved. Restart the server to use the new file (or put the original file back).',
}

export class DatabaseFileGone extends APIError {
  readonly state: Exclude<DatabaseFileState, 'ok'>
  constructor(state: Exclude<DatabaseFileState, 'ok'>) {
    super(MESSAGES[state], 503, undefined, true)
    this.name = 'DatabaseFileGone'
    this.state = state
  }
}

export const isDatabaseFileGone = (error: unknown): error is DatabaseFileGone =>
  typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'DatabaseFileGone'

/** Every method of Payload's adapter interface that changes the database. */
const WRITE_METHODS = [
  'create',
  'createGlobal',
  'createGlobalVersion',
  'createVersion',
  'deleteMany',
  'deleteOne',
  'deleteVersions',
  'updateGlobal',
  'updateGlobalVersion',
  'updateJobs',
  'updateMany',
  'updateOne',
  'updateVersion',
  'upsert',
] as const satisfies readonly (keyof BaseDatabaseAdapter)[]

const checks = new WeakMap<object, () => DatabaseFileState>()

/** The state of the database file behind `db` (always 'ok' for an adapter without one). */
export function databaseFileState(db: object): DatabaseFileState {
  return checks.get(db)?.() ?? 'ok'
}

/** The message a client gets for a state other than 'ok'. */
export const databaseFileMessage = (state: Exclude<DatabaseFileState, 'ok'>) => MESSAGES[state]

const identity = (file: string): fs.Stats | undefined => {
  try {
    return fs.statSync(file)
  } catch {
    return undefined
  }
}

/** Wraps an SQLite adapter so that its writes refuse to go to a file that is no longer at `file`. */
export function guardDatabaseFile(adapterObj: DatabaseAdapterObj, file: string): DatabaseAdapterObj {
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args)
      let opened: fs.Stats | undefined
      let last: DatabaseFileState = 'ok'

      const state = (): DatabaseFileState => {
        if (!opened) return 'ok'
        const now = identity(file)
        const current: DatabaseFileState = !now
          ? 'missing'
          : now.ino === opened.ino && now.dev === opened.dev
            ? 'ok'
            : 'replaced'
        if (current !== last) {
          // Once per change, so the operator sees when it went and when it came back.
          if (current === 'ok') adapter.payload.logger.info(`The database file ${file} is back: saving resumes.`)
          else
            adapter.payload.logger.error(
              `The database file ${file} is ${current === 'missing' ? 'missing' : 'a different file now'}: every save is refused. ${MESSAGES[current]}`,
            )
          last = current
        }
        return current
      }
      checks.set(adapter, state)

      const connect = adapter.connect
      if (connect) {
        adapter.connect = async function (this: BaseDatabaseAdapter, ...rest: Parameters<typeof connect>) {
          await connect.apply(this, rest)
          // The adapter opens (or creates) the file while connecting; that file is the one to keep.
          opened ??= identity(file)
        }
      }
      const methods = adapter as unknown as Record<string, (...rest: unknown[]) => unknown>
      for (const name of WRITE_METHODS) {
        const original = methods[name]
        if (typeof original !== 'function') continue
        methods[name] = function (this: unknown, ...rest: unknown[]) {
          const current = state()
          if (current !== 'ok') return Promise.reject(new DatabaseFileGone(current))
          return original.apply(this, rest)
        }
      }
      return adapter
    },
  }
}
