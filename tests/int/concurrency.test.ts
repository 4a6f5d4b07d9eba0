import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, SalaryTable } from '@payload-types'
import { salaryTableToCsv } from '@/salary-tables/csv'

import { bootDemo } from '../helpers/demo'
import { SEED_SLUG } from '../helpers/fixtures'
import { shutdown } from '../helpers/payload'

/**
 * Concurrent editors, through the real REST handlers: a save that starts from an older version
 * than the stored one is refused with a 409 naming who changed it, and nothing of it is written.
 * Saves that state no starting version (scripts, the seed, the CSV import) keep working, and an
 * editor's own later saves (autosave racing "Publish") never block them.
 */

let ctx: Awaited<ReturnType<typeof bootDemo>>
let tableId: string
let editors: { ana: string; ben: string }
let author: string

async function signUp(email: string, name: string, role: 'editor' | 'author') {
  const password = `${role}-password-123`
  await ctx.payload.create({ collection: 'users', data: { email, password, name, role }, overrideAccess: true })
  return ctx.api.login(email, password)
}

beforeAll(async () => {
  ctx = await bootDemo()
  tableId = String((await ctx.payload.find({ collection: 'salary-tables', limit: 1, depth: 0 })).docs[0].id)
  editors = {
    ana: await signUp('ana@test.valenx', 'Ana Editor', 'editor'),
    ben: await signUp('ben@test.valenx', 'Ben Editor', 'editor'),
  }
  author = await signUp('author@test.valenx', 'Avery Author', 'author')
})

afterAll(async () => shutdown(ctx?.payload))

/** What an editor's screen holds after opening the table: the latest version, drafts included. */
const open = async (token: string) =>
  (await ctx.api.rest<SalaryTable>('GET', `/salary-tables/${tableId}?draft=true&depth=0`, { token })).body
const stored = async () =>
  (await ctx.payload.findByID({ collection: 'salary-tables', id: tableId, depth: 0, draft: true })) as SalaryTable
const versionCount = async () =>
  (await ctx.payload.countVersions({ collection: 'salary-tables', where: { parent: { equals: tableId } } })).totalDocs
const withBase = (table: SalaryTable, base: number) =>
  table.rows.map((row, index) => (index === 0 ? { ...row, base } : row))
const save = (token: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
  ctx.api.rest('PATCH', `/salary-tables/${tableId}?depth=0`, { token, body, headers })

describe('two editors saving the same salary table', () => {
  it('refuses the second save from the same starting version with a 409 naming who changed it, and keeps the first', async () => {
    const anaView = await open(editors.ana)
    const benView = await open(editors.ben)
    expect(benView.updatedAt).toBe(anaView.updatedAt)

    const first = await save(editors.ana, { rows: withBase(anaView, 201_000), updatedAt: anaView.updatedAt })
    expect(first.status).toBe(200)
    const versionsAfterFirst = await versionCount()

    const second = await save(editors.ben, { rows: withBase(benView, 199_000), updatedAt: benView.updatedAt })
    expect(second.status).toBe(409)
    const message: string = second.body.errors[0].message
    expect(message).toMatch(
      /^This salary table was changed by Ana Editor at \d{1,2} \w{3} \d{4}, \d{2}:\d{2}:\d{2} UTC since you opened it\. Reload to see their changes, then apply yours again\.$/,
    )
    expect(second.body.errors[0].data.changedBy.name).toBe('Ana Editor')
    // Also whole at the top level, where the admin's notice reads it without splitting it at colons.
    expect(second.body.message).toBe(message)

    // Nothing of the refused save was written: the figures, the version history, the timestamp.
    const after = await stored()
    expect(after.rows[0].base).toBe(201_000)
    expect(after.rows[0].total).toBe(201_000 + (after.rows[0].equity ?? 0) + (after.rows[0].bonus ?? 0))
    expect(after.updatedAt).toBe(first.body.doc.updatedAt)
    expect(await versionCount()).toBe(versionsAfterFirst)

    // Reloading and applying the change again works.
    const reloaded = await open(editors.ben)
    const third = await save(editors.ben, { rows: withBase(reloaded, 199_000), updatedAt: reloaded.updatedAt })
    expect(third.status).toBe(200)
    expect((await stored()).rows[0].base).toBe(199_000)
  })

  it('reads the starting version from If-Unmodified-Since as well', async () => {
    const view = await open(editors.ana)
    const seenAt = new Date(Date.parse(view.updatedAt) - 5_000).toUTCString()
    await save(editors.ben, { notes: 'Checked against the 2024 survey.' })
    const stale = await save(editors.ana, { notes: 'Stale notes.' }, { 'if-unmodified-since': seenAt })
    expect(stale.status).toBe(409)
    expect(stale.body.errors[0].message).toMatch(/changed by Ben Editor/)
    const fresh = await save(
      editors.ana,
      { notes: 'Fresh notes.' },
      { 'if-unmodified-since': new Date().toUTCString() },
    )
    expect(fresh.status).toBe(200)
    expect((await stored()).notes).toBe('Fresh notes.')
  })

  it('lets an editor save twice from the same starting version: their own save is not news to them', async () => {
    const view = await open(editors.ana)
    expect((await save(editors.ana, { notes: 'First thought.', updatedAt: view.updatedAt })).status).toBe(200)
    expect((await save(editors.ana, { notes: 'Second thought.', updatedAt: view.updatedAt })).status).toBe(200)
    expect((await stored()).notes).toBe('Second thought.')
  })

  it('refuses a stale save even when the refusing editor saved last, if someone else saved in between', async () => {
    const view = await open(editors.ana)
    expect((await save(editors.ben, { notes: 'Ben was here.' })).status).toBe(200)
    expect((await save(editors.ana, { notes: 'Ana, from another tab.' })).status).toBe(200)
    const stale = await save(editors.ana, { notes: 'Ana, from the first tab.', updatedAt: view.updatedAt })
    expect(stale.status).toBe(409)
    expect(stale.body.errors[0].message).toMatch(/changed by Ben Editor/)
  })

  it('keeps saves that state no starting version working: REST without updatedAt, the Local API, the CSV import', async () => {
    expect((await save(editors.ben, { notes: 'No version stated.' })).status).toBe(200)
    await ctx.payload.update({ collection: 'salary-tables', id: tableId, data: { notes: 'From a script.' } })
    expect((await stored()).notes).toBe('From a script.')
    const table = await stored()
    const csv = salaryTableToCsv({ ...table, rows: withBase(table, 205_000) })
    const imported = await ctx.api.rest('POST', `/salary-tables/${tableId}/import`, {
      token: editors.ana,
      body: { csv },
    })
    expect(imported.status, JSON.stringify(imported.body)).toBe(200)
    expect(imported.body.applied).toBe(true)
    expect((await stored()).rows[0].base).toBe(205_000)
  })

  it('restores an older version (a deliberate overwrite) without a conflict', async () => {
    const { docs } = await ctx.payload.findVersions({
      collection: 'salary-tables',
      where: { parent: { equals: tableId } },
      sort: 'updatedAt',
      limit: 1,
    })
    const oldest = docs[0].version as { rows: { base: number }[]; notes?: string | null }
    // The table has moved on since that version: the restore is what brings its figures back.
    expect((await stored()).rows[0].base).not.toBe(oldest.rows[0].base)
    const restored = await ctx.api.rest('POST', `/salary-tables/versions/${docs[0].id}`, { token: editors.ben })
    expect(restored.status, JSON.stringify(restored.body)).toBe(200)
    const now = await stored()
    expect(now.rows.map((row) => row.base)).toEqual(oldest.rows.map((row) => row.base))
    expect(now.notes ?? null).toBe(oldest.notes ?? null)
  })

  it('refuses a stale draft save too', async () => {
    const view = await open(editors.ana)
    expect(
      (
        await ctx.api.rest('PATCH', `/salary-tables/${tableId}?draft=true`, {
          token: editors.ben,
          body: { notes: 'Draft by Ben.', _status: 'draft' },
        })
      ).status,
    ).toBe(200)
    const stale = await ctx.api.rest('PATCH', `/salary-tables/${tableId}?draft=true`, {
      token: editors.ana,
      body: { notes: 'Draft by Ana.', _status: 'draft', updatedAt: view.updatedAt },
    })
    expect(stale.status).toBe(409)
    expect((await stored()).notes).toBe('Draft by Ben.')
  })
})

describe('articles: drafts and autosave', () => {
  let articleId: string
  const openArticle = async (token: string) =>
    (await ctx.api.rest<Article>('GET', `/articles/${articleId}?draft=true&depth=0`, { token })).body
  const autosave = (token: string, body: Record<string, unknown>) =>
    ctx.api.rest('PATCH', `/articles/${articleId}?autosave=true&draft=true&depth=0`, {
      token,
      body: { ...body, _status: 'draft' },
    })

  beforeAll(async () => {
    articleId = String(
      (await ctx.payload.find({ collection: 'articles', where: { slug: { equals: SEED_SLUG } }, limit: 1, depth: 0 }))
        .docs[0].id,
    )
  })

  it("never refuses an editor's autosave because of their own earlier autosave, even one the form has not caught up with", async () => {
    const view = await openArticle(editors.ana)
    let updatedAt = view.updatedAt
    for (let i = 1; i <= 4; i += 1) {
      const response = await autosave(editors.ana, { excerpt: `Autosaved excerpt ${i}.`, updatedAt })
      expect(response.status, `autosave ${i}`).toBe(200)
      updatedAt = response.body.doc.updatedAt
    }
    // The admin does not wait for a pending autosave before publishing: the form may still hold
    // the version it opened. Only Ana saved since, so her publish goes through.
    const publish = await ctx.api.rest('PATCH', `/articles/${articleId}?depth=0`, {
      token: editors.ana,
      body: { excerpt: 'Published excerpt.', _status: 'published', updatedAt: view.updatedAt },
    })
    expect(publish.status).toBe(200)
    expect((await openArticle(editors.ana)).excerpt).toBe('Published excerpt.')
  })

  it("refuses another editor's autosave and publish from before that change", async () => {
    const anaView = await openArticle(editors.ana)
    const benView = await openArticle(editors.ben)
    expect((await autosave(editors.ana, { excerpt: 'Ana is drafting.', updatedAt: anaView.updatedAt })).status).toBe(
      200,
    )
    const benAutosave = await autosave(editors.ben, { excerpt: 'Ben is drafting.', updatedAt: benView.updatedAt })
    expect(benAutosave.status).toBe(409)
    expect(benAutosave.body.errors[0].message).toMatch(
      /^This article was changed by Ana Editor at .+ since you opened it\./,
    )
    const benPublish = await ctx.api.rest('PATCH', `/articles/${articleId}`, {
      token: editors.ben,
      body: { excerpt: 'Ben publishes.', _status: 'published', updatedAt: benView.updatedAt },
    })
    expect(benPublish.status).toBe(409)
    expect((await openArticle(editors.ana)).excerpt).toBe('Ana is drafting.')
  })

  it('applies to authors drafting their own articles as well', async () => {
    const authorId = (
      await ctx.payload.find({ collection: 'users', where: { email: { equals: 'author@test.valenx' } }, depth: 0 })
    ).docs[0].id
    await ctx.payload.update({ collection: 'articles', id: articleId, data: { authors: [authorId] }, draft: true })
    const authorView = await openArticle(author)
    expect(
      (
        await autosave(editors.ben, {
          excerpt: 'Ben edits the draft.',
          updatedAt: (await openArticle(editors.ben)).updatedAt,
        })
      ).status,
    ).toBe(200)
    const stale = await autosave(author, { excerpt: 'The author, from before.', updatedAt: authorView.updatedAt })
    expect(stale.status).toBe(409)
    expect(stale.body.errors[0].message).toMatch(/changed by Ben Editor/)
  })
})

describe('document locking in the admin', () => {
  it("refuses a save over another editor's live lock (423), as the admin's lock says", async () => {
    const ana = (
      await ctx.payload.find({ collection: 'users', where: { email: { equals: 'ana@test.valenx' } }, depth: 0 })
    ).docs[0]
    await ctx.payload.create({
      collection: 'payload-locked-documents',
      data: {
        document: { relationTo: 'salary-tables', value: tableId },
        globalSlug: null,
        user: { relationTo: 'users', value: ana.id },
      },
      overrideAccess: true,
    })
    const locked = await save(editors.ben, { notes: 'While Ana edits.' })
    expect(locked.status).toBe(423)
    expect((await save(editors.ana, { notes: 'Ana saves and releases the lock.' })).status).toBe(200)
    expect((await save(editors.ben, { notes: 'After Ana.' })).status).toBe(200)
  })
})
