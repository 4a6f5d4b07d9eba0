import { spawn } from 'node:child_process'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, Category, SalaryTable } from '@payload-types'
import { isDatabaseUnavailable } from '@/hooks/databaseUnavailable'

import { bootDemo } from '../helpers/demo'
import { SEED_SLUG } from '../helpers/fixtures'
import { shutdown } from '../helpers/payload'

/**
 * A save lands whole or not at all (SQLite): the row, its relations, arrays and the new version are
 * one transaction. Saves to the same document queue instead of failing, reads go on while a save is
 * open, and a lock held by another process answers 503 and then clears by itself.
 */

let ctx: Awaited<ReturnType<typeof bootDemo>>
let payload: Payload
let article: Article
let table: SalaryTable

type RawClient = {
  execute: (sql: { sql: string; args: unknown[] } | string) => Promise<{ rows: Record<string, unknown>[] }>
}
const raw = () => (payload.db as unknown as { client: RawClient }).client

/** Everything stored for an article, as the database holds it: row, relation rows, hasMany texts, versions. */
async function storedArticle(id: string) {
  const rows = async (sql: string) => (await raw().execute({ sql, args: [id] })).rows.map((row) => JSON.stringify(row))
  return {
    draft: await payload.findByID({ collection: 'articles', id, depth: 0, draft: true }),
    published: await payload.findByID({ collection: 'articles', id, depth: 0 }),
    rels: await rows('SELECT * FROM articles_rels WHERE parent_id = ? ORDER BY path, "order", id'),
    texts: await rows('SELECT * FROM articles_texts WHERE parent_id = ? ORDER BY path, "order", id'),
    versions: (
      await payload.findVersions({
        collection: 'articles',
        where: { parent: { equals: id } },
        limit: 0,
        sort: 'createdAt',
      })
    ).docs.map((version) => ({
      id: version.id,
      title: version.version.title,
      latest: (version as { latest?: boolean }).latest,
    })),
  }
}

async function storedTable(id: string) {
  return {
    draft: await payload.findByID({ collection: 'salary-tables', id, depth: 0, draft: true }),
    published: await payload.findByID({ collection: 'salary-tables', id, depth: 0 }),
    versions: (await payload.countVersions({ collection: 'salary-tables', where: { parent: { equals: id } } }))
      .totalDocs,
  }
}

beforeAll(async () => {
  ctx = await bootDemo()
  payload = ctx.payload
  article = (await payload.find({ collection: 'articles', where: { slug: { equals: SEED_SLUG } }, depth: 0, limit: 1 }))
    .docs[0]
  table = (await payload.find({ collection: 'salary-tables', depth: 0, limit: 1 })).docs[0]
})

afterAll(async () => shutdown(ctx?.payload))

describe('a save that fails part-way', () => {
  it('leaves a salary table, its rows and versions as they were when a row cannot be stored', async () => {
    const before = await storedTable(table.id)
    expect(before.draft.rows.length).toBeGreaterThan(2)

    // Two rows with the same id pass validation (role and tier differ) but not the rows table's key,
    // which is written after the table's own row and after its old rows were deleted.
    const rows = before.draft.rows.map((row, index) => (index < 2 ? { ...row, id: 'same-row-id' } : row))
    const response = await ctx.api.rest('PATCH', `/salary-tables/${table.id}?depth=0`, {
      token: ctx.adminToken,
      body: { title: 'Half-saved table', rows },
    })
    expect(response.status).toBeGreaterThanOrEqual(400)

    expect(await storedTable(table.id)).toEqual(before)
  })

  it('rolls back every save of a Local API transaction when a later one fails: the article, its relations, texts and version', async () => {
    const other = (
      await payload.find({ collection: 'articles', where: { id: { not_equals: article.id } }, depth: 0, limit: 1 })
    ).docs[0]
    const articleBefore = await storedArticle(article.id)
    expect(articleBefore.versions.length).toBeGreaterThan(0)
    const tableBefore = await storedTable(table.id)

    const transactionID = await payload.db.beginTransaction()
    expect(transactionID).toBeTruthy()
    const req = { transactionID: transactionID ?? undefined }
    try {
      const saved = await payload.update({
        collection: 'articles',
        id: article.id,
        data: { title: 'Saved first, then undone', relatedPosts: [other.id], hiddenChanges: ['some-key'] },
        req,
        depth: 0,
      })
      expect(saved.relatedPosts).toEqual([other.id])
      // The save is visible inside its transaction only.
      expect((await storedArticle(article.id)).draft.title).toBe(articleBefore.draft.title)
      const rows = tableBefore.draft.rows.map((row) => ({ ...row, id: 'same-row-id' }))
      await expect(
        payload.update({ collection: 'salary-tables', id: table.id, data: { rows }, req, depth: 0 }),
      ).rejects.toThrow()
    } finally {
      await payload.db.rollbackTransaction(transactionID ?? '')
    }

    expect(await storedArticle(article.id)).toEqual(articleBefore)
    expect(await storedTable(table.id)).toEqual(tableBefore)
  })
})

describe('concurrent saves', () => {
  it('stores 20 saves to 20 documents and 20 saves to one document, all of them, without waiting on locks', async () => {
    const categories: Category[] = []
    for (let index = 0; index < 20; index++) {
      categories.push(
        await payload.create({
          collection: 'categories',
          data: { title: `Concurrent ${index}`, slug: `concurrent-${index}` },
          depth: 0,
        }),
      )
    }
    const versionsBefore = (await storedTable(table.id)).versions

    const started = Date.now()
    const results = await Promise.allSettled([
      ...categories.map((category, index) =>
        payload.update({
          collection: 'categories',
          id: category.id,
          data: { description: `description ${index}` },
          depth: 0,
        }),
      ),
      ...Array.from({ length: 20 }, (_, index) =>
        payload.update({ collection: 'salary-tables', id: table.id, data: { notes: `note ${index}` }, depth: 0 }),
      ),
    ])
    const elapsed = Date.now() - started

    expect(results.filter((result) => result.status === 'rejected')).toEqual([])
    // Each save waits in the queue for the ones before it, not in SQLite's 5 s busy timeout.
    expect(elapsed).toBeLessThan(15_000)
    for (const [index, category] of categories.entries()) {
      expect((await payload.findByID({ collection: 'categories', id: category.id, depth: 0 })).description).toBe(
        `description ${index}`,
      )
    }
    const after = await storedTable(table.id)
    expect(after.versions).toBe(versionsBefore + 20)
    expect(after.draft.rows).toEqual(table.rows)
    const notes = (
      await payload.findVersions({
        collection: 'salary-tables',
        where: { parent: { equals: table.id } },
        limit: 20,
        sort: '-createdAt',
      })
    ).docs.map((version) => version.version.notes)
    expect(new Set(notes)).toEqual(new Set(Array.from({ length: 20 }, (_, index) => `note ${index}`)))
  })
})

describe('reads during a save', () => {
  it('answer at once with the last committed content while a save is open, and show the save once it is committed', async () => {
    const category = (await payload.find({ collection: 'categories', depth: 0, limit: 1 })).docs[0]
    const transactionID = await payload.db.beginTransaction()
    try {
      await payload.update({
        collection: 'categories',
        id: category.id,
        data: { title: 'Renamed in an open save' },
        req: { transactionID: transactionID ?? undefined },
        depth: 0,
      })

      const started = Date.now()
      expect((await payload.findByID({ collection: 'categories', id: category.id, depth: 0 })).title).toBe(
        category.title,
      )
      const response = await ctx.api.rest('GET', `/categories/${category.id}?depth=0`)
      expect(response.status).toBe(200)
      expect(response.body.title).toBe(category.title)
      expect(Date.now() - started).toBeLessThan(1_000)
    } finally {
      await payload.db.commitTransaction(transactionID ?? '')
    }
    expect((await payload.findByID({ collection: 'categories', id: category.id, depth: 0 })).title).toBe(
      'Renamed in an open save',
    )
  })
})

describe('a lock held by another process', () => {
  it('answers 503 after the busy timeout, writes nothing, and saves work again once the lock is gone', async () => {
    const before = await storedTable(table.id)
    const url = process.env.DATABASE_URI ?? ''
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { createClient } from '@libsql/client'
const client = createClient({ url: ${JSON.stringify(url)} })
const tx = await client.transaction('write')
console.log('locked')
setTimeout(async () => { await tx.rollback(); process.exit(0) }, 12000)`,
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    )
    const exited = new Promise((resolve) => holder.on('exit', resolve))
    await new Promise<void>((resolve) =>
      holder.stdout.on('data', (chunk) => String(chunk).includes('locked') && resolve()),
    )

    const started = Date.now()
    const refused = await ctx.api.rest('PATCH', `/salary-tables/${table.id}?depth=0`, {
      token: ctx.adminToken,
      body: { notes: 'while locked' },
    })
    expect(refused.status).toBe(503)
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_000)
    await expect(
      payload.update({ collection: 'salary-tables', id: table.id, data: { notes: 'while locked' }, depth: 0 }),
    ).rejects.toSatisfy(isDatabaseUnavailable)

    await exited
    expect(await storedTable(table.id)).toEqual(before)
    for (const notes of ['after the lock', 'and again']) {
      const saved = await ctx.api.rest('PATCH', `/salary-tables/${table.id}?depth=0`, {
        token: ctx.adminToken,
        body: { notes },
      })
      expect(saved.status).toBe(200)
      expect((await payload.findByID({ collection: 'salary-tables', id: table.id, depth: 0, draft: true })).notes).toBe(
        notes,
      )
    }
  }, 60_000)
})
