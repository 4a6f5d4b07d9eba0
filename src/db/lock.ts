import crypto from 'node:crypto'
import os from 'node:os'

import { createClient, type Client, type Config } from '@libsql/client'

/**
 * A lock in the database itself, shared by every process that serves it: the instances of one
 * deployment may run on one machine (SQLite) or many (MongoDB), and the database is the one thing
 * they all reach. Used for the two things that must happen in one process at a time: applying
 * migrations and claiming due jobs where no transaction does it already (src/db/exclusive.ts).
 *
 * A lock is a row (SQLite) or document (MongoDB) named after what it guards, with its holder and an
 * expiry. Taking it is one atomic statement that succeeds only when the lock is free or expired;
 * the holder renews it while its work runs, so a holder killed with `kill -9` frees it within
 * `ttlMs`. It is not created by a migration: it guards the migrations themselves, so it must exist
 * before any has run, and it is none of Payload's schema (`CREATE TABLE IF NOT EXISTS`, idempotent).
 */
export type LockOptions = {
  /** How long the lock outlives a holder that stopped renewing it (default 30 s). */
  ttlMs?: number
  /** How long to wait for a lock someone else holds before giving up with an error (default 10 min). */
  waitMs?: number
}

type LockStore = {
  acquire: (name: string, holder: string, ttlMs: number) => Promise<boolean>
  renew: (name: string, holder: string, ttlMs: number) => Promise<boolean>
  release: (name: string, holder: string) => Promise<void>
  /** Who holds it now, for the error message of a caller that gave up. */
  holder: (name: string) => Promise<string | null>
}

/** The adapter's fields a store needs: db-sqlite's client config, or mongoose's connection. */
type LockableAdapter = {
  name?: string
  clientConfig?: Config
  connection?: { db?: unknown }
}

const SQLITE_TABLE = 'valenx_locks'

/**
 * SQLite: a table of its own, on a connection of its own, so that a lock statement never joins a
 * transaction of this process (src/db/sqliteTransactions.ts) and commits at once.
 */
function sqliteStore(config: Config): LockStore {
  let client: Promise<Client> | undefined
  const connection = () =>
    (client ??= (async () => {
      const opened = createClient(config)
      await opened.execute('PRAGMA busy_timeout = 5000')
      await opened.execute(
        `CREATE TABLE IF NOT EXISTS ${SQLITE_TABLE} (name TEXT PRIMARY KEY NOT NULL, holder TEXT NOT NULL, expires_at INTEGER NOT NULL)`,
      )
      return opened
    })())
  return {
    acquire: async (name, holder, ttlMs) => {
      const now = Date.now()
      const result = await (
        await connection()
      ).execute({
        sql: `INSERT INTO ${SQLITE_TABLE} (name, holder, expires_at) VALUES (?, ?, ?)
              ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
              WHERE ${SQLITE_TABLE}.expires_at < ? OR ${SQLITE_TABLE}.holder = excluded.holder
              RETURNING holder`,
        args: [name, holder, now + ttlMs, now],
      })
      return result.rows.length === 1
    },
    renew: async (name, holder, ttlMs) => {
      const result = await (
        await connection()
      ).execute({
        sql: `UPDATE ${SQLITE_TABLE} SET expires_at = ? WHERE name = ? AND holder = ?`,
        args: [Date.now() + ttlMs, name, holder],
      })
      return result.rowsAffected === 1
    },
    release: async (name, holder) => {
      await (
        await connection()
      ).execute({ sql: `DELETE FROM ${SQLITE_TABLE} WHERE name = ? AND holder = ?`, args: [name, holder] })
    },
    holder: async (name) => {
      const result = await (
        await connection()
      ).execute({ sql: `SELECT holder FROM ${SQLITE_TABLE} WHERE name = ?`, args: [name] })
      return (result.rows[0]?.holder as string | undefined) ?? null
    },
  }
}

type LockDocument = { _id: string; holder: string; expiresAt: Date }
type MongoLocks = {
  findOneAndUpdate: (filter: object, update: object, options: object) => Promise<unknown>
  updateOne: (filter: object, update: object) => Promise<{ matchedCount: number }>
  deleteOne: (filter: object) => Promise<unknown>
  findOne: (filter: object) => Promise<LockDocument | null>
}

/**
 * MongoDB: a collection of its own. Taking the lock is an upsert whose filter matches only a free
 * or expired lock: when another holder's lock is live the filter matches nothing, the upsert tries
 * to insert a second document with the same _id, and the unique index on _id refuses it (E11000).
 * Reviewed, not run here: no MongoDB server on the test machines (`npm run test:mongo` needs one).
 */
function mongoStore(db: { collection: (name: string) => unknown }): LockStore {
  const locks = db.collection('valenx-locks') as MongoLocks
  return {
    acquire: async (name, holder, ttlMs) => {
      const now = new Date()
      try {
        await locks.findOneAndUpdate(
          { _id: name, $or: [{ expiresAt: { $lt: now } }, { holder }] },
          { $set: { holder, expiresAt: new Date(now.getTime() + ttlMs) } },
          { upsert: true },
        )
        return true
      } catch (error) {
        if ((error as { code?: number }).code === 11000) return false
        throw error
      }
    },
    renew: async (name, holder, ttlMs) =>
      (await locks.updateOne({ _id: name, holder }, { $set: { expiresAt: new Date(Date.now() + ttlMs) } }))
        .matchedCount === 1,
    release: async (name, holder) => {
      await locks.deleteOne({ _id: name, holder })
    },
    holder: async (name) => (await locks.findOne({ _id: name }))?.holder ?? null,
  }
}

const stores = new WeakMap<object, LockStore>()

function storeFor(adapter: LockableAdapter): LockStore {
  const known = stores.get(adapter)
  if (known) return known
  let store: LockStore
  if (adapter.name === 'sqlite' && adapter.clientConfig) store = sqliteStore(adapter.clientConfig)
  else if (adapter.name === 'mongoose' && adapter.connection?.db)
    store = mongoStore(adapter.connection.db as { collection: (name: string) => unknown })
  else throw new Error(`No database lock for the ${adapter.name ?? 'unknown'} adapter (or it is not connected yet).`)
  stores.set(adapter, store)
  return store
}

/** This process, as it appears in a lock: enough for an operator to find it. */
const processName = `${os.hostname()}:${process.pid}`

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Takes the lock `name` in the adapter's database, waiting (polling) while another process holds
 * it, and keeps renewing it every third of `ttlMs`; resolves with the function that releases it.
 */
export async function acquireDatabaseLock(
  adapter: object,
  name: string,
  { ttlMs = 30_000, waitMs = 600_000 }: LockOptions = {},
): Promise<() => Promise<void>> {
  const store = storeFor(adapter as LockableAdapter)
  const holder = `${processName}:${crypto.randomBytes(6).toString('hex')}`
  const deadline = Date.now() + waitMs
  let pause = 20
  // SQLite busy with another process's write for longer than the busy timeout: try again, as for a
  // lock someone holds.
  const tryAcquire = () =>
    store.acquire(name, holder, ttlMs).catch((error) => {
      if ((error as { code?: string }).code === 'SQLITE_BUSY') return false
      throw error
    })
  while (!(await tryAcquire())) {
    if (Date.now() >= deadline) {
      const current = await store.holder(name)
      throw new Error(
        `Gave up waiting ${Math.round(waitMs / 1000)} s for the database lock "${name}", held by ${current ?? 'nobody now'}.`,
      )
    }
    // Jittered, growing to 1 s: the waiters of one release do not all come back at once.
    await sleep(pause + Math.random() * pause)
    pause = Math.min(pause * 2, 1000)
  }
  const renewal = setInterval(
    () => void store.renew(name, holder, ttlMs).catch((error) => console.error(`Renewing the lock "${name}":`, error)),
    Math.max(1000, Math.floor(ttlMs / 3)),
  )
  renewal.unref()
  let released = false
  return async () => {
    if (released) return
    released = true
    clearInterval(renewal)
    await store.release(name, holder).catch((error) => console.error(`Releasing the lock "${name}":`, error))
  }
}

/** Runs `work` holding the lock `name` (acquireDatabaseLock), and releases it however `work` ends. */
export async function withDatabaseLock<T>(
  adapter: object,
  name: string,
  work: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const release = await acquireDatabaseLock(adapter, name, options)
  try {
    return await work()
  } finally {
    await release()
  }
}
