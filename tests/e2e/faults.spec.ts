/* eslint-disable @typescript-eslint/no-explicit-any -- REST answers are arbitrary JSON whose shape each test asserts */
import fs from 'node:fs'

import { createClient } from '@libsql/client'
import { expect, test } from '@playwright/test'

import { simpleContent } from './api'
import { ownServer, type OwnServer } from './ownServer'

/**
 * Faults, on a production server of its own (tests/e2e/ownServer.ts), never the shared one:
 *  - the database locked by another process: cached reader pages go on, writes answer a clear
 *    503 within seconds, and service resumes by itself when the lock goes;
 *  - the database file moved away (or replaced) under the running server: pages go on, saves
 *    answer 503 and write nothing (they would land in a file that is gone), and saving resumes
 *    when the file is back, with nothing lost across a restart;
 *  - `kill -9` of the server in the middle of a burst of saves, then a restart on the same
 *    database: every acknowledged save is there with its values, nothing is half-written.
 */
test.describe.configure({ mode: 'serial' })

const ARTICLE = '/blog/ai-engineer-vs-ml-engineer'
const ARTICLE_TITLE = 'AI Engineer vs ML Engineer'

let server: OwnServer
let token: string

type Answer = { status: number; body: any; ms: number }
async function call(method: string, path: string, body?: unknown, timeoutMs = 30_000): Promise<Answer> {
  const started = Date.now()
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  })
  const text = await response.text()
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {
    // HTML page
  }
  return { status: response.status, body: parsed, ms: Date.now() - started }
}

async function login() {
  const answer = await call('POST', '/api/users/login', {
    email: process.env.ADMIN_EMAIL,
    password: process.env.ADMIN_PASSWORD,
  })
  expect(answer.status).toBe(200)
  token = answer.body.token
}

const note = (message: string) => {
  console.log(`[faults] ${message}`)
  test.info().annotations.push({ type: 'measured', description: message })
}

test.beforeAll(async () => {
  test.setTimeout(540_000)
  server = await ownServer('faults')
  note(`own server ready in ${await server.start()} ms`)
  await login()
})

test.afterAll(async () => {
  await server?.dispose()
})

test('database locked by another process: cached pages stay up, writes answer 503 quickly, service resumes alone', async () => {
  test.setTimeout(120_000)
  // Readers have seen these pages, so they are in the server's cache.
  for (const path of ['/', '/blog', ARTICLE]) expect((await call('GET', path)).status).toBe(200)
  const faq = (await call('GET', '/api/faqs?limit=1&depth=0')).body.docs[0]

  // Another process takes the write lock and holds it (a long migration, a backup tool, a stuck job).
  const intruder = createClient({ url: `file:${server.dbFile}` })
  await intruder.execute('BEGIN IMMEDIATE')
  await intruder.execute("UPDATE categories SET title = title WHERE id = 'none'")
  try {
    for (const path of [ARTICLE, '/blog', '/']) {
      const page = await call('GET', path, undefined, 10_000)
      expect(page.status, path).toBe(200)
      if (path === ARTICLE) expect(page.body).toContain(ARTICLE_TITLE)
      note(`locked: GET ${path} ${page.status} in ${page.ms} ms`)
    }

    const save = await call('PATCH', `/api/faqs/${faq.id}`, { question: 'Written while the database was locked' })
    note(`locked: PATCH /api/faqs/:id ${save.status} in ${save.ms} ms: ${JSON.stringify(save.body)}`)
    expect(save.status).toBe(503)
    expect(save.body.errors[0].message).toMatch(/database is unavailable/i)
    expect(save.ms).toBeLessThan(15_000)

    const create = await call('POST', '/api/faqs', { question: 'Also refused', answer: simpleContent('No.') })
    note(`locked: POST /api/faqs ${create.status} in ${create.ms} ms`)
    expect(create.status).toBe(503)

    // Reads do not need the write lock (WAL): the admin API and the health check still answer.
    const read = await call('GET', `/api/faqs/${faq.id}?depth=0`, undefined, 15_000)
    note(
      `locked: GET /api/faqs/:id ${read.status} in ${read.ms} ms; health ${(await call('GET', '/api/health')).status}`,
    )
    expect(read.status).toBe(200)
    expect(read.body.question).toBe(faq.question)
  } finally {
    await intruder.execute('ROLLBACK').catch(() => undefined)
    intruder.close()
  }

  const released = Date.now()
  let resumed: Answer | undefined
  while (Date.now() - released < 30_000) {
    resumed = await call('PATCH', `/api/faqs/${faq.id}`, { question: `${faq.question} (after the lock)` })
    if (resumed.status === 200) break
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  note(`lock released: first successful save ${Date.now() - released} ms later, no restart`)
  expect(resumed?.status).toBe(200)
  const stored = await call('GET', `/api/faqs/${faq.id}?depth=0`)
  expect(stored.body.question).toBe(`${faq.question} (after the lock)`)
  expect((await call('GET', '/api/faqs?where[question][equals]=Also%20refused')).body.totalDocs).toBe(0)
  expect((await call('GET', '/api/health')).status).toBe(200)
})

test('database file moved away: pages stay up, saves answer 503 and write nothing, saving resumes when it is back, nothing lost on restart', async () => {
  test.setTimeout(240_000)
  for (const path of ['/', '/blog', ARTICLE]) expect((await call('GET', path)).status).toBe(200)
  const faq = (await call('GET', '/api/faqs?limit=1&depth=0')).body.docs[0]
  const away = `${server.dbFile}.away`

  fs.renameSync(server.dbFile, away)
  try {
    for (const path of [ARTICLE, '/blog']) {
      const page = await call('GET', path, undefined, 10_000)
      note(`file moved away: GET ${path} ${page.status} in ${page.ms} ms`)
      expect(page.status, path).toBe(200)
      if (path === ARTICLE) expect(page.body).toContain(ARTICLE_TITLE)
    }
    const save = await call('PATCH', `/api/faqs/${faq.id}`, { question: 'Written into a file that is gone' }, 15_000)
    note(`file moved away: PATCH /api/faqs/:id ${save.status} in ${save.ms} ms: ${JSON.stringify(save.body)}`)
    expect(save.status).toBe(503)
    expect(save.body.errors[0].message).toMatch(/database file is missing/i)
    expect(save.body.errors[0].message).not.toContain(server.dataDir)
    expect(save.ms).toBeLessThan(5_000)
    expect((await call('POST', '/api/faqs', { question: 'Also refused', answer: simpleContent('No.') })).status).toBe(
      503,
    )

    const health = await call('GET', '/api/health')
    note(`file moved away: health ${health.status} ${JSON.stringify(health.body)}`)
    expect(health.status).toBe(503)
    expect(health.body.database).toBe('missing')
  } finally {
    fs.renameSync(away, server.dbFile)
  }

  // Back in place: the very next save goes through, no restart.
  const question = `${faq.question} (after the file came back)`
  const resumed = await call('PATCH', `/api/faqs/${faq.id}`, { question })
  expect(resumed.status).toBe(200)
  expect((await call('GET', '/api/health')).status).toBe(200)

  // A different file at the path (a copy put in its place) is refused until a restart.
  fs.renameSync(server.dbFile, away)
  fs.copyFileSync(away, server.dbFile)
  try {
    const refused = await call('PATCH', `/api/faqs/${faq.id}`, { question: 'Into the copy' })
    note(`file replaced by a copy: PATCH ${refused.status}: ${JSON.stringify(refused.body)}`)
    expect(refused.status).toBe(503)
    expect(refused.body.errors[0].message).toMatch(/replaced .* Restart the server/i)
  } finally {
    fs.renameSync(away, server.dbFile)
  }

  // The save made after the file came back is in the file, not only in the server's memory.
  await server.stop()
  note(`restart after the move: first page 200 after ${await server.start()} ms`)
  await login()
  const stored = await call('GET', `/api/faqs/${faq.id}?depth=0`)
  expect(stored.body.question).toBe(question)
  expect((await call('GET', '/api/faqs?where[question][equals]=Also%20refused')).body.totalDocs).toBe(0)
})

type Row = { role: string; tier: string; base: number; equity: number; bonus: number; source: string }
const rowsFor = (label: string, count: number): Row[] =>
  Array.from({ length: count }, (_, index) => ({
    role: `${label} role ${index + 1}`,
    tier: 'Tier A',
    base: 100_000 + index * 1_000 + (label.length % 97),
    equity: 10_000 + index,
    bonus: 5_000 + index,
    source: 'Fault test',
  }))
const figures = (rows: Row[]) =>
  rows.map(({ role, tier, base, equity, bonus, source }) => ({ role, tier, base, equity, bonus, source }))

test('kill -9 in the middle of a burst of saves: every acknowledged save survives whole, the server restarts cleanly', async () => {
  test.setTimeout(300_000)
  // Tables that the burst will update.
  const existing: { id: string; title: string; rows: Row[] }[] = []
  for (let i = 0; i < 10; i++) {
    const title = `Fault table ${i} (before)`
    const rows = rowsFor(title, 4)
    const created = await call('POST', '/api/salary-tables', {
      title,
      currency: 'USD',
      asOf: '2026-01-01T00:00:00.000Z',
      rows,
      _status: 'published',
    })
    expect(created.status).toBe(201)
    existing.push({ id: created.body.doc.id, title, rows })
  }

  type Op = {
    kind: 'faq' | 'table' | 'update'
    path: string
    method: 'POST' | 'PATCH'
    body: any
    status?: number
    id?: string
  }
  const ops: Op[] = []
  for (let i = 0; i < 20; i++) {
    ops.push({
      kind: 'faq',
      method: 'POST',
      path: '/api/faqs',
      body: { question: `Burst question ${i}?`, answer: simpleContent(`Burst answer ${i}.`), _status: 'published' },
    })
    const title = `Burst table ${i}`
    ops.push({
      kind: 'table',
      method: 'POST',
      path: '/api/salary-tables',
      body: { title, currency: 'USD', asOf: '2026-02-01T00:00:00.000Z', rows: rowsFor(title, 6), _status: 'published' },
    })
    if (i < 10) {
      const target = existing[i]
      const title2 = `Fault table ${i} (updated)`
      ops.push({
        kind: 'update',
        method: 'PATCH',
        path: `/api/salary-tables/${target.id}`,
        id: target.id,
        body: { title: title2, rows: rowsFor(title2, 5), _status: 'published' },
      })
    }
  }

  let acknowledged = 0
  let killedAt = -1
  const killAfter = 20
  let next = 0
  const worker = async () => {
    while (next < ops.length) {
      const op = ops[next++]
      try {
        const answer = await call(op.method, op.path, op.body, 60_000)
        op.status = answer.status
        if (answer.status >= 200 && answer.status < 300) {
          op.id ??= answer.body.doc.id
          acknowledged++
          if (acknowledged === killAfter && killedAt < 0) {
            killedAt = Date.now()
            await server.stop('SIGKILL')
          }
        }
      } catch {
        op.status = 0 // no answer: the server died under it
      }
    }
  }
  await Promise.all(Array.from({ length: 8 }, worker))
  expect(killedAt).toBeGreaterThan(0)
  const acked = ops.filter((op) => op.status && op.status >= 200 && op.status < 300)
  const failed = ops.filter((op) => op.status !== undefined && !(op.status >= 200 && op.status < 300))
  note(
    `burst: ${ops.length} saves, ${acked.length} acknowledged, ${failed.length} without success (killed with SIGKILL after ${killAfter} acknowledgements)`,
  )
  expect(acked.length).toBeGreaterThanOrEqual(killAfter)
  expect(failed.length).toBeGreaterThan(0)

  const restartMs = await server.start()
  note(`restart on the same database: first page 200 after ${restartMs} ms`)
  expect(server.log()).not.toMatch(/Migrating:|cannot connect/)
  for (const path of ['/', '/blog', ARTICLE, '/sitemap.xml']) expect((await call('GET', path)).status, path).toBe(200)
  await login()

  // Every acknowledged save, with exactly the values it sent.
  for (const op of acked) {
    const collection = op.kind === 'faq' ? 'faqs' : 'salary-tables'
    const stored = await call('GET', `/api/${collection}/${op.id}?depth=0&draft=true`)
    expect(stored.status, `${op.kind} ${op.id}`).toBe(200)
    if (op.kind === 'faq') {
      expect(stored.body.question).toBe(op.body.question)
      expect(stored.body.answer).toEqual(op.body.answer)
    } else {
      expect(stored.body.title).toBe(op.body.title)
      expect(figures(stored.body.rows)).toEqual(op.body.rows)
      expect(stored.body.rows.every((row: any) => row.total === row.base + row.equity + row.bonus)).toBe(true)
    }
    expect(stored.body._status).toBe('published')
  }

  // Nothing half-written: every table is whole (all its rows, as one of the saves sent them), and every document has its version.
  const sent = new Map<string, unknown[]>()
  for (const table of existing) sent.set(table.title, figures(table.rows))
  for (const op of ops) if (op.kind !== 'faq') sent.set(op.body.title, op.body.rows)
  const tables = (await call('GET', '/api/salary-tables?limit=500&depth=0&draft=true')).body.docs as any[]
  let checked = 0
  for (const table of tables) {
    const expected = sent.get(table.title)
    if (!expected) continue // the demo table
    expect(figures(table.rows), table.title).toEqual(expected)
    checked++
  }
  for (const collection of ['salary-tables', 'faqs']) {
    const docs = (await call('GET', `/api/${collection}?limit=500&depth=0&draft=true`)).body.docs as any[]
    const versions = (await call('GET', `/api/${collection}/versions?limit=2000&depth=0`)).body.docs as any[]
    const parents = new Set(versions.map((version) => version.parent))
    const ids = new Set(docs.map((doc) => doc.id))
    expect(
      docs.filter((doc) => !parents.has(doc.id)).map((doc) => doc.id),
      `${collection} without a version`,
    ).toEqual([])
    expect(
      versions.filter((version) => !ids.has(version.parent)).length,
      `${collection} versions without a document`,
    ).toBe(0)
    for (const version of versions.filter((v) => v.latest)) {
      const doc = docs.find((d) => d.id === version.parent)
      if (collection === 'salary-tables') expect(figures(version.version.rows)).toEqual(figures(doc.rows))
      else expect(version.version.question).toBe(doc.question)
    }
  }
  const unacknowledgedFound = ops.filter(
    (op) => !acked.includes(op) && op.kind !== 'update' && tables.some((t) => t.title === op.body.title),
  ).length
  note(
    `after restart: ${acked.length}/${acked.length} acknowledged saves found intact; ${checked} burst tables whole; ${unacknowledgedFound} unacknowledged creates also landed (whole)`,
  )
})
