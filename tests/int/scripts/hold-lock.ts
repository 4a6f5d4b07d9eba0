/**
 * Run by tests/int/database-lock.test.ts as a process of its own (`node --import tsx`): takes the
 * database lock LOCK_NAME in the SQLite file LOCK_DB_URL, says `held <pid>`, and keeps it (renewing
 * it) until it is killed.
 */
import { acquireDatabaseLock } from '../../../src/db/lock'

const adapter = { name: 'sqlite', clientConfig: { url: process.env.LOCK_DB_URL as string } }
await acquireDatabaseLock(adapter, process.env.LOCK_NAME as string, { ttlMs: Number(process.env.LOCK_TTL_MS) })
console.log(`held ${process.pid}`)
setInterval(() => undefined, 60_000)
