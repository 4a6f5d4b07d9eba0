import { AsyncLocalStorage } from 'node:async_hooks'

import { createClient, type Client, type InStatement, type ResultSet, type Transaction } from '@libsql/client'
import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

/**
 * Payload transactions on SQLite, so that a save lands whole or not at all.
 *
 * Without them (db-sqlite's default) every statement of a save commits on its own: the main row,
 * then its `_rels`, array and block rows, then the `_v` version. A save that fails part-way
 * (a constraint in a sub-table, a lock from another process) leaves the document half-written,
 * and two concurrent saves of one document interleave their "delete rows, insert rows" steps.
 *
 * Turning db-sqlite's transactions on as they are does not work with @libsql/client 0.14 on a file:
 * - `client.transaction()` hands its connection to the transaction and opens a new one for the next
 *   statement, without the adapter's `PRAGMA busy_timeout`, so the next writer fails at once with
 *   SQLITE_BUSY. The transaction's connection is never closed.
 * - libsql runs SQLite synchronously on the Node thread: a second in-process transaction waiting in
 *   SQLite's busy handler blocks the event loop, so the transaction it waits for can never commit
 *   (a 5 s stall, then SQLITE_BUSY).
 * - A `BEGIN` that failed with SQLITE_BUSY (another process holding the lock) leaves the connection
 *   broken: the next transaction on it cannot commit and keeps the write lock
 *   (tursodatabase/libsql-client-ts#352).
 *
 * So here: every Payload transaction runs on one dedicated writer connection (with the adapter's
 * pragmas), one at a time, queued in Node instead of in SQLite's busy handler. Writes outside a
 * transaction (the job runner, scripts) queue behind it too; reads use the main connection and,
 * with WAL, go on while a save is open. A writer connection that failed to begin or end a
 * transaction is closed and replaced. Waiting longer than the busy timeout for the queue fails
 * with SQLITE_BUSY, like SQLite itself, which the API answers with a 503. A write outside the
 * transaction made by the request that holds it joins the transaction (see `flow`); a new
 * transaction started while the same request's own is open (a hook calling the Local API without
 * `req`) cannot be served by SQLite's single writer: it fails after the timeout (a 503) instead
 * of waiting forever. Code that must open a transaction by hand on the main connection (the backup
 * restore) holds the queue through `withExclusiveWrites`.
 *
 * Migrations keep running outside transactions: the generated ones rebuild tables between
 * `PRAGMA foreign_keys=OFF/ON`, which SQLite ignores inside a transaction (a `DROP TABLE` would
 * then cascade to the child tables).
 *
 * MongoDB is untouched: it has transactions of its own when it runs as a replica set.
 */

type SqliteAdapter = BaseDatabaseAdapter & {
  client: Client
  clientConfig: Parameters<typeof createClient>[0]
  busyTimeout: number
  wal: false | { journalSizeLimit: number; synchronous: string }
}

/** What the API maps to a 503 (see src/hooks/databaseUnavailable.ts), as SQLite's own busy error. */
function busyError(waitedMs: number): Error {
  return Object.assign(
    new Error(`SQLITE_BUSY: database is locked (a save in this process held it for ${waitedMs} ms)`),
    { code: 'SQLITE_BUSY' },
  )
}

/** A first-come, first-served lock held for a whole write transaction or one write statement. */
class WriteQueue {
  private held = false
  private waiters: Array<() => void> = []

  acquire(timeoutMs: number): Promise<() => void> {
    if (!this.held) {
      this.held = true
      return Promise.resolve(this.releaser())
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer)
        resolve(this.releaser())
      }
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== grant)
        reject(busyError(timeoutMs))
      }, timeoutMs)
      this.waiters.push(grant)
    })
  }

  private releaser() {
    let released = false
    return () => {
      if (released) return
      released = true
      const next = this.waiters.shift()
      if (next) next()
      else this.held = false
    }
  }
}

function isWrite(statement: InStatement): boolean {
  const sql = typeof statement === 'string' ? statement : statement.sql
  return /^\s*(insert|update|delete|replace|create|drop|alter)\b/i.test(sql)
}

/** One Payload transaction on the writer connection. */
type OpenTransaction = {
  open: boolean
  commitError?: unknown
  execute: (...args: unknown[]) => Promise<ResultSet>
}

/**
 * The transaction the current request or Local API call opened. Payload itself writes outside its
 * transaction while that is open (forgot-password stamps the user with `transactionID: undefined`
 * and waits for it): on SQLite that write cannot wait for the transaction, which waits for it, so
 * it joins the transaction instead. Writes from any other flow queue.
 */
const flow = new AsyncLocalStorage<{ transaction?: OpenTransaction }>()

/** The open transaction of each Payload transaction id, to report a failed COMMIT. */
const transactions = new Map<string, OpenTransaction>()

type State = {
  queue: WriteQueue
  migrating: number
  writer: Client | null
  current: OpenTransaction | null
  /** Held by withExclusiveWrites: the main connection's writes are that caller's, and do not queue. */
  exclusive: boolean
}

/** Each wrapped adapter's queue, for withExclusiveWrites. */
const states = new WeakMap<object, State>()

const queueTimeout = (adapter: SqliteAdapter) => Math.max(adapter.busyTimeout, 1000)

async function openWriter(adapter: SqliteAdapter): Promise<Client> {
  const writer = createClient(adapter.clientConfig)
  // Per-connection settings, as db-sqlite's connect() gives its own connection.
  if (adapter.busyTimeout > 0) await writer.execute(`PRAGMA busy_timeout = ${adapter.busyTimeout}`)
  await writer.execute('PRAGMA foreign_keys = ON')
  if (adapter.wal) {
    await writer.execute(`PRAGMA journal_size_limit = ${adapter.wal.journalSizeLimit}`)
    await writer.execute(`PRAGMA synchronous = ${adapter.wal.synchronous}`)
  }
  return writer
}

function discardWriter(state: State, writer: Client) {
  if (state.writer === writer) state.writer = null
  try {
    writer.close()
  } catch {
    // Already unusable; nothing more to release.
  }
}

const closedError = () => Object.assign(new Error('The transaction is closed'), { code: 'TRANSACTION_CLOSED' })

/** Replaces the client's `transaction()` and queues its writes outside transactions. */
function installOnClient(adapter: SqliteAdapter, state: State) {
  const client = adapter.client as Client & { [installed]?: true }
  if (client[installed]) return
  client[installed] = true
  const timeout = () => queueTimeout(adapter)

  client.transaction = async (): Promise<Transaction> => {
    const release = await state.queue.acquire(timeout())
    let writer: Client
    try {
      writer = state.writer ?? (state.writer = await openWriter(adapter))
      try {
        await writer.execute('BEGIN IMMEDIATE')
      } catch (error) {
        discardWriter(state, writer)
        throw error
      }
    } catch (error) {
      release()
      throw error
    }
    let closed = false
    let failed = false
    const ensureOpen = () => {
      if (closed) throw closedError()
    }
    const record: OpenTransaction = {
      open: true,
      execute: (...args) => {
        ensureOpen()
        return (writer.execute as (...rest: unknown[]) => Promise<ResultSet>)(...args)
      },
    }
    state.current = record
    const end = async (sql: 'COMMIT' | 'ROLLBACK') => {
      if (closed) throw closedError()
      try {
        await writer.execute(sql)
        closed = true
      } catch (error) {
        failed = true
        if (sql === 'COMMIT') {
          // Drizzle rolls back next; the transaction stays open for it.
          record.commitError = error
          throw error
        }
        closed = true
        throw error
      } finally {
        if (closed) {
          record.open = false
          // A connection that failed to end a transaction may keep a statement open (libsql-client-ts#352).
          if (failed) discardWriter(state, writer)
          if (state.current === record) state.current = null
          release()
        }
      }
    }
    return {
      execute: record.execute as Transaction['execute'],
      batch: async (statements: InStatement[]) => {
        const results: ResultSet[] = []
        for (const statement of statements) {
          ensureOpen()
          results.push(await writer.execute(statement))
        }
        return results
      },
      executeMultiple: async () => {
        throw new Error('executeMultiple is not supported inside a queued SQLite transaction')
      },
      commit: () => end('COMMIT'),
      rollback: async () => {
        if (!closed) await end('ROLLBACK')
      },
      close: () => {
        if (!closed) void end('ROLLBACK').catch(() => undefined)
      },
      get closed() {
        return closed
      },
    }
  }

  // Writes outside a transaction wait for the open transaction instead of SQLite's busy handler,
  // except while withExclusiveWrites holds the queue: they are then its caller's.
  const queued = async <Result>(write: boolean, run: () => Promise<Result>): Promise<Result> => {
    if (state.exclusive || !write) return run()
    const release = await state.queue.acquire(timeout())
    try {
      return await run()
    } finally {
      release()
    }
  }
  const { execute, batch, migrate, executeMultiple } = {
    execute: client.execute.bind(client) as (...args: unknown[]) => Promise<ResultSet>,
    batch: client.batch.bind(client),
    migrate: client.migrate.bind(client),
    executeMultiple: client.executeMultiple.bind(client),
  }
  client.execute = ((...args: unknown[]) => {
    const write = isWrite(args[0] as InStatement)
    const own = flow.getStore()?.transaction
    if (write && !state.exclusive && own?.open) return own.execute(...args)
    return queued(write, () => execute(...args))
  }) as Client['execute']
  client.batch = (statements, mode) => queued(true, () => batch(statements, mode))
  client.migrate = (statements) => queued(true, () => migrate(statements))
  client.executeMultiple = (sql) => queued(true, () => executeMultiple(sql))
}

export type Execute = (sql: string) => Promise<ResultSet>

/**
 * Runs `work` with this process's write queue held, for a transaction `work` opens by hand on the
 * adapter's main connection with `execute` (the backup restore, which needs foreign keys off, and
 * SQLite only allows that outside a transaction, so Payload's cannot serve it). Every adapter write
 * made meanwhile goes to the main connection as part of that transaction; Payload transactions and
 * other writes wait, as they would for a save, and fail with SQLITE_BUSY after the busy timeout.
 */
export async function withExclusiveWrites<T>(db: object, work: (execute: Execute) => Promise<T>): Promise<T> {
  const adapter = db as SqliteAdapter
  const state = states.get(adapter)
  if (!state) throw new Error('withExclusiveWrites needs the SQLite adapter made by withQueuedSqliteTransactions.')
  installOnClient(adapter, state)
  const release = await state.queue.acquire(queueTimeout(adapter))
  state.exclusive = true
  try {
    return await work((sql) => adapter.client.execute(sql))
  } finally {
    state.exclusive = false
    release()
  }
}

const installed = Symbol('valenx.queuedTransactions')

/**
 * Wraps db-sqlite's adapter (created with `transactionOptions` so Payload opens transactions)
 * with the queue described above.
 */
export function withQueuedSqliteTransactions(adapterObj: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args) as unknown as SqliteAdapter
      const state: State = {
        queue: new WriteQueue(),
        migrating: 0,
        writer: null,
        current: null,
        exclusive: false,
      }
      states.set(adapter, state)

      const destroy = adapter.destroy
      adapter.destroy = async function (this: SqliteAdapter) {
        if (state.writer) discardWriter(state, state.writer)
        await destroy?.call(this)
      }

      const connect = adapter.connect
      adapter.connect = async function (this: SqliteAdapter, options) {
        await connect?.call(this, options)
        installOnClient(this, state)
      }

      for (const name of ['migrate', 'migrateDown', 'migrateFresh', 'migrateRefresh', 'migrateReset'] as const) {
        const original = adapter[name] as (...args: unknown[]) => Promise<void>
        ;(adapter as unknown as Record<string, unknown>)[name] = async function (
          this: SqliteAdapter,
          ...rest: unknown[]
        ) {
          state.migrating++
          try {
            return await original.apply(this, rest)
          } finally {
            state.migrating--
          }
        }
      }

      const begin = adapter.beginTransaction
      adapter.beginTransaction = async function (this: SqliteAdapter, options) {
        if (state.migrating > 0) return null
        // Entered before the first await, so the caller's flow (the operation) carries it too.
        const marker: { transaction?: OpenTransaction } = {}
        flow.enterWith(marker)
        installOnClient(this, state)
        const id = await begin.call(this, options)
        if (id !== null && state.current) {
          transactions.set(String(id), state.current)
          marker.transaction = state.current
        }
        return id
      }

      const commit = adapter.commitTransaction
      adapter.commitTransaction = async function (this: SqliteAdapter, incoming) {
        const id = incoming instanceof Promise ? await incoming : incoming
        const record = transactions.get(String(id))
        transactions.delete(String(id))
        await commit.call(this, id)
        // Payload's drizzle layer swallows a failed COMMIT (the rows are rolled back): say so.
        if (record?.commitError) throw record.commitError
      }

      const rollback = adapter.rollbackTransaction
      adapter.rollbackTransaction = async function (this: SqliteAdapter, incoming) {
        const id = incoming instanceof Promise ? await incoming : incoming
        transactions.delete(String(id))
        await rollback.call(this, id)
      }

      return adapter as unknown as ReturnType<DatabaseAdapterObj['init']>
    },
  }
}
