import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article } from '@payload-types'
import { block, link, paragraph, richText } from '@/seed/lexical'

import { SEED_SLUG } from '../helpers/fixtures'
import { bootDemo } from '../helpers/demo'
import { shutdown } from '../helpers/payload'
import { apiClient, type RestResponse } from '../helpers/rest'

/**
 * Bad input through the real REST handlers: every refusal is HTTP 400, names the offending field
 * and leaves the database as it was.
 */

let payload: Payload
let api: ReturnType<typeof apiClient>
let token: string
let seedArticle: Article

beforeAll(async () => {
  ;({ payload, api, adminToken: token } = await bootDemo())
  const { docs } = await payload.find({ collection: 'articles', where: { slug: { equals: SEED_SLUG } }, depth: 0 })
  seedArticle = docs[0]
})

afterAll(async () => {
  await shutdown(payload)
})

type FieldError = { path: string; message: string }

function fieldErrors(response: RestResponse): FieldError[] {
  return (response.body?.errors?.[0]?.data?.errors ?? []) as FieldError[]
}

/** HTTP 400 whose field errors name `path` (a string for an exact path, a RegExp for a nested one). */
function expectRefused(response: RestResponse, path: string | RegExp) {
  expect(response.status, JSON.stringify(response.body)).toBe(400)
  const paths = fieldErrors(response).map((error) => error.path)
  if (typeof path === 'string') expect(paths).toContain(path)
  else
    expect(
      paths.some((candidate) => path.test(candidate)),
      `paths: ${paths.join(', ')}`,
    ).toBe(true)
}

async function counts(collection: CollectionSlug) {
  const docs = (await payload.count({ collection, overrideAccess: true })).totalDocs
  const versions = (await payload.countVersions({ collection, overrideAccess: true })).totalDocs
  return { docs, versions }
}

/* ------------------------------------------------------------------------------------------------ */

const row = (overrides: Record<string, unknown> = {}) => ({
  role: 'AI Engineer',
  tier: 'FAANG+ (L5-L7)',
  base: 150_000,
  equity: 30_000,
  bonus: 10_000,
  source: 'Levels.fyi (2023)',
  ...overrides,
})

const table = (rows: Record<string, unknown>[]) => ({
  title: 'Validation table',
  currency: 'USD',
  period: '2024',
  asOf: '2026-06-01',
  rows,
  _status: 'published',
})

describe('salary tables', () => {
  const refusals: [string, Record<string, unknown>[], string | RegExp][] = [
    ['a negative amount', [row({ equity: -1 })], 'rows.0.equity'],
    ['an amount with cents', [row({ base: 1000.5 })], 'rows.0.base'],
    ['a missing role', [row(), row({ role: undefined, tier: 'Unicorn Startups' })], 'rows.1.role'],
    ['a missing tier', [row({ tier: '' })], 'rows.0.tier'],
    ['a missing source', [row({ source: undefined })], 'rows.0.source'],
    ['no rows at all', [], 'rows'],
    ['two rows with the same role and tier', [row(), row({ tier: 'faang+ (l5-l7) ', base: 1 })], 'rows'],
  ]

  for (const [name, rows, path] of refusals) {
    it(`refuses ${name} on create and on update, storing nothing`, async () => {
      const before = await counts('salary-tables')
      expectRefused(await api.rest('POST', '/salary-tables', { token, body: table(rows) }), path)
      expect(await counts('salary-tables')).toEqual(before)

      const [existing] = (await payload.find({ collection: 'salary-tables', depth: 0, limit: 1 })).docs
      const beforeUpdate = await counts('salary-tables')
      expectRefused(await api.rest('PATCH', `/salary-tables/${existing.id}`, { token, body: { rows } }), path)
      expect(await counts('salary-tables')).toEqual(beforeUpdate)
      const reread = await payload.findByID({ collection: 'salary-tables', id: existing.id, depth: 0 })
      expect(reread.rows).toEqual(existing.rows)
    })
  }

  it('refuses bad figures in a draft too, so nothing invalid waits to be published', async () => {
    const before = await counts('salary-tables')
    const draft = { ...table([row({ base: -5, bonus: 0.5 })]), _status: 'draft' }
    expectRefused(await api.rest('POST', '/salary-tables?draft=true', { token, body: draft }), 'rows.0.base')

    const [existing] = (await payload.find({ collection: 'salary-tables', depth: 0, limit: 1 })).docs
    const response = await api.rest('PATCH', `/salary-tables/${existing.id}?draft=true`, {
      token,
      body: { rows: [row({ bonus: 0.5 })] },
    })
    expectRefused(response, 'rows.0.bonus')
    expect(await counts('salary-tables')).toEqual(before)
  })

  it('ignores a total that contradicts its parts and stores base + equity + bonus', async () => {
    const created = await api.rest('POST', '/salary-tables', { token, body: table([row({ total: 1 })]) })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(created.body.doc.rows[0].total).toBe(190_000)

    const id = created.body.doc.id
    const updated = await api.rest('PATCH', `/salary-tables/${id}`, {
      token,
      body: { rows: [row({ base: 160_000, total: 999_999_999 })] },
    })
    expect(updated.status, JSON.stringify(updated.body)).toBe(200)
    expect(updated.body.doc.rows[0].total).toBe(200_000)
    const stored = await payload.findByID({ collection: 'salary-tables', id, depth: 0 })
    expect(stored.rows[0].total).toBe(200_000)
  })
})

/* ------------------------------------------------------------------------------------------------ */

let serial = 0
function articleInput(overrides: Record<string, unknown> = {}) {
  serial += 1
  return {
    title: `Validation article ${serial}`,
    excerpt: 'Checks what the API refuses.',
    category: seedArticle.category,
    content: richText(paragraph('A valid paragraph.')),
    _status: 'published',
    ...overrides,
  }
}

describe('articles', () => {
  async function expectArticleRefused(body: Record<string, unknown>, path: string | RegExp) {
    const before = await counts('articles')
    expectRefused(await api.rest('POST', '/articles', { token, body }), path)
    expect(await counts('articles')).toEqual(before)
    const title = body.title as string
    expect(
      (await payload.count({ collection: 'articles', where: { title: { equals: title } }, overrideAccess: true }))
        .totalDocs,
    ).toBe(0)
  }

  it('refuses a javascript: URL in a recommended-reading block', async () => {
    const content = richText(
      paragraph('Read on.'),
      block('recommendedReading', {
        label: 'Recommended Reading',
        linkType: 'external',
        url: 'javascript:alert(document.cookie)',
        title: 'Click me',
      }),
    )
    await expectArticleRefused(articleInput({ content }), /^content/)
  })

  it('refuses a javascript: URL in a link inside the text', async () => {
    const content = richText(paragraph('See ', link('javascript:alert(1)', 'this page'), '.'))
    await expectArticleRefused(articleInput({ content }), /^content/)
  })

  it('accepts an https URL in both places (the refusals above are about the scheme)', async () => {
    const content = richText(
      paragraph('See ', link('https://example.com/page', 'this page'), '.'),
      block('recommendedReading', {
        label: 'Recommended Reading',
        linkType: 'external',
        url: 'https://example.com/',
        title: 'Example',
      }),
    )
    const response = await api.rest('POST', '/articles', { token, body: articleInput({ content }) })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
  })

  it('refuses a slug another article already has', async () => {
    await expectArticleRefused(articleInput({ slug: SEED_SLUG }), 'slug')
  })

  it('refuses a title over 200 characters', async () => {
    await expectArticleRefused(articleInput({ title: 'T'.repeat(201) }), 'title')
  })

  it('refuses more than six related posts', async () => {
    const ids: string[] = []
    for (let index = 0; index < 7; index += 1) {
      const created = await payload.create({ collection: 'articles', data: articleInput() as never, depth: 0 })
      ids.push(created.id)
    }
    await expectArticleRefused(articleInput({ relatedPosts: ids }), 'relatedPosts')
  })

  it('refuses an article that lists itself as a related post, and keeps its related posts', async () => {
    const before = await payload.findByID({ collection: 'articles', id: seedArticle.id, depth: 0 })
    const versionsBefore = await counts('articles')
    const response = await api.rest('PATCH', `/articles/${seedArticle.id}`, {
      token,
      body: { relatedPosts: [seedArticle.id, ...(before.relatedPosts as string[])] },
    })
    expectRefused(response, 'relatedPosts')
    expect(await counts('articles')).toEqual(versionsBefore)
    const after = await payload.findByID({ collection: 'articles', id: seedArticle.id, depth: 0 })
    expect(after.relatedPosts).toEqual(before.relatedPosts)
    expect(after.updatedAt).toBe(before.updatedAt)
  })

  it('refuses a bad update of a published article without changing it', async () => {
    const before = await payload.findByID({ collection: 'articles', id: seedArticle.id, depth: 0 })
    const response = await api.rest('PATCH', `/articles/${seedArticle.id}`, {
      token,
      body: { title: 'x'.repeat(201), slug: 'ml-engineer-career-path' },
    })
    expect(response.status).toBe(400)
    expect(fieldErrors(response).map((error) => error.path)).toEqual(expect.arrayContaining(['title']))
    const after = await payload.findByID({ collection: 'articles', id: seedArticle.id, depth: 0 })
    expect(after.title).toBe(before.title)
    expect(after.slug).toBe(before.slug)
  })
})
