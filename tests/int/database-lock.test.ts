import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { root, start, stop, sleep, type Started } from '../../scripts/lib/process.mjs'
import { acquireDatabaseLock, withDatabaseLock } from '@/db/lock'

/**
 * The lock in the database (src/db/lock.ts) that keeps migrations and job claims to one process at
 * a time when several serve one database: another process holds it here (a real process, a real
 * SQLite file), and is then killed with SIGKILL, as a crashed instance would be.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'valenx-lock-'))
const url = `file:${path.join(dir, 'locks.db')}`
/** Each object is a process's adapter as the lock sees it: its own connection, its own holder name. */
const adapter = () => ({ name: 'sqlite', clientConfig: { url } })
const TTL_MS = 1500

const children: Started[] = []
afterAll(async () => {
  await Promise.all(children.map((child) => stop(child, { signal: 'SIGKILL' })))
  fs.rmSync(dir, { recursive: true, force: true })
})

async function holdInAnotherProcess(name: string): Promise<Started> {
  const child = start(process.execPath, ['--import', 'tsx', path.join(root, 'tests/int/scripts/hold-lock.ts')], {
    env: { ...process.env, LOCK_DB_URL: url, LOCK_NAME: name, LOCK_TTL_MS: String(TTL_MS) },
    name: 'lock holder',
  })
  children.push(child)
  for (const deadline = Date.now() + 60_000; !child.output?.includes('held'); await sleep(50)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the holder did not start:\n${child.output}`)
  }
  return child
}

describe('the database lock', () => {
  it('is refused while another process holds it, naming that process, and renewed for as long as it does', async () => {
    const child = await holdInAnotherProcess('migrations')
    // Three times the lock's lifetime: the holder's renewals keep it.
    const started = Date.now()
    const refused = await acquireDatabaseLock(adapter(), 'migrations', { ttlMs: TTL_MS, waitMs: TTL_MS * 3 }).then(
      () => null,
      (error: Error) => error,
    )
    expect(refused?.message).toMatch(
      new RegExp(`^Gave up waiting \\d+ s for the database lock "migrations", held by .+:${child.pid}:`),
    )
    expect(Date.now() - started).toBeGreaterThanOrEqual(TTL_MS * 3)
    // Another lock is another row: free.
    await withDatabaseLock(adapter(), 'job-claims', async () => undefined, { waitMs: 1000 })
  })

  it('is free again soon after its holder is killed with SIGKILL', async () => {
    const child = await holdInAnotherProcess('killed')
    await stop(child, { signal: 'SIGKILL' })
    // No release ran: the row expires once the holder stops renewing it.
    const release = await acquireDatabaseLock(adapter(), 'killed', { ttlMs: TTL_MS, waitMs: 30_000 })
    await release()
  })

  it('lets one holder in at a time', async () => {
    const log: string[] = []
    const work = (who: string) => async () => {
      log.push(`${who} in`)
      await sleep(200)
      log.push(`${who} out`)
    }
    await Promise.all(['a', 'b', 'c'].map((who) => withDatabaseLock(adapter(), 'serial', work(who), { ttlMs: TTL_MS })))
    // Never two inside at once: every "in" is followed by its own "out".
    for (let index = 0; index < log.length; index += 2) expect(log[index + 1]).toBe(log[index].replace('in', 'out'))
  })
})
