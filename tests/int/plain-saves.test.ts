import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { paragraph, richText } from '@/seed/lexical'

import { bootDemo } from '../helpers/demo'
import { shutdown } from '../helpers/payload'
import { apiClient } from '../helpers/rest'

/**
 * Issue 15, class 2: a save never changes what readers see unless it asks to. An editor's autosave
 * leaves a pending draft over the published document; a PATCH without `?draft=true` and without
 * `_status` (a script, an import, a REST client) used to publish nothing and unpublish everything:
 * the draft became the live document with `_status: 'draft'`. Now it changes the published document
 * by exactly its fields, keeps it published, and keeps the editor's draft on top with the same
 * change. Checked through the real REST handlers, as readers (anonymous REST, the search index) and
 * as the editor (the latest draft) see the result.
 */

let payload: Payload
let api: ReturnType<typeof apiClient>
let token: string
let categoryId: string

beforeAll(async () => {
  ;({ payload, api, adminToken: token } = await bootDemo())
  categoryId = String((await payload.find({ collection: 'categories', limit: 1, depth: 0 })).docs[0].id)
})

afterAll(async () => {
  await shutdown(payload)
})

type Case = {
  collection: CollectionSlug
  create: (serial: number) => Record<string, unknown>
  /** What the editor's pending draft changes. */
  draft: Record<string, unknown>
  /** What the plain PATCH changes (a different field). */
  plain: Record<string, unknown>
  /** The field that shows whether readers see the published version or the draft. */
  probe: string
}

let serial = 0
const row = (base: number) => ({
  role: 'AI Engineer',
  tier: 'FAANG+',
  base,
  equity: 0,
  bonus: 0,
  source: 'Levels.fyi (2023)',
})

const cases: Case[] = [
  {
    collection: 'articles',
    create: (n) => ({
      title: `Plain-save article ${n}`,
      excerpt: 'The published excerpt.',
      category: categoryId,
      content: richText(paragraph('The published text.')),
      _status: 'published',
    }),
    draft: { title: 'The editor’s unpublished title', content: richText(paragraph('Half-typed draft text.')) },
    plain: { excerpt: 'An excerpt set by a script.' },
    probe: 'title',
  },
  {
    collection: 'salary-tables',
    create: (n) => ({
      title: `Plain-save table ${n}`,
      currency: 'USD',
      asOf: '2026-06-01',
      rows: [row(100_000)],
      _status: 'published',
    }),
    draft: { rows: [row(999_000)] },
    plain: { notes: 'Notes set by a script.' },
    probe: 'rows',
  },
  {
    collection: 'faqs',
    create: (n) => ({
      question: `Plain-save question ${n}?`,
      answer: richText(paragraph('The published answer.')),
      _status: 'published',
    }),
    draft: { question: 'The editor’s unpublished question?' },
    plain: { note: { label: 'Data Point', text: 'A note set by a script.' } },
    probe: 'question',
  },
]

const strip = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (key, inner) => (key === 'id' || key === 'updatedAt' ? undefined : inner)))

async function published(collection: CollectionSlug, id: string) {
  const response = await api.rest('GET', `/${collection}/${id}?depth=0`)
  return response
}

async function latestDraft(collection: CollectionSlug, id: string) {
  const response = await api.rest('GET', `/${collection}/${id}?depth=0&draft=true`, { token })
  expect(response.status).toBe(200)
  return response.body
}

describe.each(cases)('$collection', ({ collection, create, draft, plain, probe }) => {
  async function publishedWithPendingDraft() {
    serial += 1
    const created = await api.rest('POST', `/${collection}`, { token, body: create(serial) })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const id = String(created.body.doc.id)
    const drafted = await api.rest('PATCH', `/${collection}/${id}?draft=true&autosave=true`, { token, body: draft })
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(200)
    const live = (await published(collection, id)).body
    expect(strip(live[probe])).toEqual(strip(created.body.doc[probe]))
    return { id, live }
  }

  it('a PATCH without ?draft or _status changes the published document by its fields and keeps it published', async () => {
    const { id, live } = await publishedWithPendingDraft()
    const response = await api.rest('PATCH', `/${collection}/${id}`, { token, body: plain })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(response.body.doc._status).toBe('published')

    const after = await published(collection, id)
    expect(after.status, 'anonymous readers still find it').toBe(200)
    expect(after.body._status).toBe('published')
    // Readers see the published version with exactly the sent field changed, nothing of the draft.
    expect(strip(after.body[probe])).toEqual(strip(live[probe]))
    for (const [key, value] of Object.entries(plain)) expect(strip(after.body[key])).toEqual(strip(value))

    // The editor's draft is still the latest version, with the same change.
    const latest = await latestDraft(collection, id)
    expect(latest._status).toBe('draft')
    for (const [key, value] of Object.entries(draft)) expect(strip(latest[key])).toMatchObject(strip(value) as object)
    for (const [key, value] of Object.entries(plain)) expect(strip(latest[key])).toEqual(strip(value))
  })

  it('a bulk PATCH without _status keeps each published document published and its draft pending', async () => {
    const { id, live } = await publishedWithPendingDraft()
    const response = await api.rest('PATCH', `/${collection}?where[id][equals]=${id}`, { token, body: plain })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    const after = await published(collection, id)
    expect(after.status).toBe(200)
    expect(strip(after.body[probe])).toEqual(strip(live[probe]))
    const latest = await latestDraft(collection, id)
    expect(latest._status).toBe('draft')
    for (const [key, value] of Object.entries(draft)) expect(strip(latest[key])).toMatchObject(strip(value) as object)
  })

  it('`_status: "published"` publishes the pending draft with the change, as asked', async () => {
    const { id } = await publishedWithPendingDraft()
    const response = await api.rest('PATCH', `/${collection}/${id}`, {
      token,
      body: { ...plain, _status: 'published' },
    })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    const after = (await published(collection, id)).body
    for (const [key, value] of Object.entries({ ...draft, ...plain }))
      expect(strip(after[key])).toMatchObject(strip(value) as object)
  })

  it('`_status: "draft"` unpublishes, as asked', async () => {
    const { id } = await publishedWithPendingDraft()
    const response = await api.rest('PATCH', `/${collection}/${id}`, { token, body: { _status: 'draft' } })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect((await published(collection, id)).status).toBe(404)
  })
})

it('the search index keeps the published article, with the change, while its draft is pending', async () => {
  serial += 1
  const created = await api.rest('POST', '/articles', { token, body: cases[0].create(serial) })
  const id = String(created.body.doc.id)
  await api.rest('PATCH', `/articles/${id}?draft=true&autosave=true`, { token, body: cases[0].draft })
  await api.rest('PATCH', `/articles/${id}`, { token, body: cases[0].plain })
  const { docs } = await payload.find({
    collection: 'search',
    where: { 'doc.value': { equals: id } },
    depth: 0,
    overrideAccess: false,
  })
  expect(docs).toHaveLength(1)
  expect(docs[0].title).toBe(created.body.doc.title)
  expect((docs[0] as { excerpt?: string }).excerpt).toBe(cases[0].plain.excerpt)
})

it('a GraphQL update without draft or _status is the same plain save', async () => {
  serial += 1
  const created = await api.rest('POST', '/articles', { token, body: cases[0].create(serial) })
  const id = String(created.body.doc.id)
  await api.rest('PATCH', `/articles/${id}?draft=true&autosave=true`, { token, body: cases[0].draft })
  const response = await api.gql(
    `mutation ($id: String!) { updateArticle(id: $id, data: { excerpt: "Set over GraphQL." }) { _status title } }`,
    { token, variables: { id } },
  )
  expect(response.body.errors, JSON.stringify(response.body.errors)).toBeUndefined()
  expect(response.body.data).toEqual({ updateArticle: { _status: 'published', title: created.body.doc.title } })
  const live = await published('articles', id)
  expect(live.status).toBe(200)
  expect(live.body.excerpt).toBe('Set over GraphQL.')
  expect((await latestDraft('articles', id)).title).toBe(cases[0].draft.title)
})
