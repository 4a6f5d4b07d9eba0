import fs from 'node:fs'
import path from 'node:path'

import { REST_POST } from '@payloadcms/next/routes'
import type { CollectionSlug, Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { dataDir } from '@/config/env'
import { rejectMalformedGlobalInput, rejectMalformedInput } from '@/hooks/rejectMalformedInput'
import { figure, paragraph, richText } from '@/seed/lexical'

import { bootIntegrity, expectRefused, fieldErrors, row, type IntegrityKit } from '../helpers/integrity'
import { shutdown } from '../helpers/payload'

/**
 * Issue 15: requests that destroyed, unpublished or leaked content, one class per `describe`, each
 * sent through the real REST and GraphQL handlers (and the Local API the endpoints use). Every
 * refusal is a 4xx whose message names the field, and the stored document, its versions and what
 * an anonymous reader gets are exactly as before. Links and the requests that answered 500 are in
 * integrity-links-errors.test.ts, plain saves over drafts in plain-saves.test.ts, wrong shapes
 * generated from every field of every config in input-shapes.test.ts, and the HTTP layer (body
 * limits, pages, the feed) in tests/e2e/integrity.spec.ts.
 */

let kit: IntegrityKit
let payload: Payload
let api: IntegrityKit['api']
let token: string

beforeAll(async () => {
  kit = await bootIntegrity()
  ;({ payload, api, token } = kit)
})

afterAll(async () => {
  await shutdown(payload)
})

const snapshot: IntegrityKit['snapshot'] = (...args) => kit.snapshot(...args)
const siteSnapshot: IntegrityKit['siteSnapshot'] = () => kit.siteSnapshot()
const createTable: IntegrityKit['createTable'] = (...args) => kit.createTable(...args)
const createArticle: IntegrityKit['createArticle'] = (...args) => kit.createArticle(...args)

/* ---------------------------------------------------------------- 1 -------------------------------- */

describe('1. a wrongly shaped field is refused, naming it, and nothing is written', () => {
  it('every collection and every global has the shape check first among its hooks', () => {
    const collections = payload.config.collections.filter((entry) => !entry.slug.startsWith('payload-'))
    expect(collections.map((entry) => entry.slug)).toEqual(expect.arrayContaining(['articles', 'search', 'users']))
    for (const collection of collections)
      expect(collection.hooks.beforeOperation[0], collection.slug).toBe(rejectMalformedInput)
    for (const global of payload.config.globals)
      expect(global.hooks?.beforeOperation?.[0], global.slug).toBe(rejectMalformedGlobalInput)
  })

  it.each([
    ['a number', 5],
    ['a numeric string', '5'],
    ['a list holding null', [null]],
    ['an object of rows', { 0: row() }],
    ['a list of numbers', [1, 2]],
  ])('salary-table rows given as %s: 400 naming rows, the table and every view unchanged', async (_name, rows) => {
    const id = await createTable([row(), row({ tier: 'Unicorn' })])
    const before = await snapshot('salary-tables', id)
    expectRefused(await api.rest('PATCH', `/salary-tables/${id}`, { token, body: { rows } }), /^rows(\.\d+)?$/)
    expectRefused(await api.rest('PATCH', `/salary-tables/${id}?draft=true`, { token, body: { rows } }), /^rows/)
    expect(await snapshot('salary-tables', id)).toEqual(before)
  })

  it.each([
    ['navigation as a number', { navigation: 2 }, 'navigation'],
    ['navigation holding null', { navigation: [null] }, 'navigation.0'],
    ['footer links as text', { footerLinks: 'x' }, 'footerLinks'],
    ['the site name as an object', { siteName: { a: 1 } }, 'siteName'],
    ['a link label as a list', { navigation: [{ label: ['x'], href: '/blog' }] }, 'navigation.0.label'],
  ])('the site global with %s: 400 naming it, the global unchanged', async (_name, body, field) => {
    await api.rest('POST', '/globals/site', {
      token,
      body: { navigation: [{ label: 'Blog', href: '/blog' }], footerLinks: [{ label: 'Feed', href: '/feed.xml' }] },
    })
    const before = await siteSnapshot()
    expectRefused(await api.rest('POST', '/globals/site', { token, body }), field)
    expect(await siteSnapshot()).toEqual(before)
  })

  it('GraphQL mutations go through the same check (a rich text document with a null node)', async () => {
    const id = await createArticle()
    const before = await snapshot('articles', id)
    const response = await api.gql(
      `mutation ($id: String!, $data: mutationArticleUpdateInput!) { updateArticle(id: $id, data: $data) { id } }`,
      { token, variables: { id, data: { content: { root: { type: 'root', children: [null] } } } } },
    )
    expect(response.body.errors?.[0]?.message).toContain('content.root.children.0')
    expect(await snapshot('articles', id)).toEqual(before)
  })

  it('the Local API that endpoints and scripts call refuses the same shapes', async () => {
    const id = await createTable()
    const before = await snapshot('salary-tables', id)
    await expect(
      payload.update({ collection: 'salary-tables', id, data: { rows: 5 } as never, overrideAccess: true }),
    ).rejects.toMatchObject({ data: { errors: [expect.objectContaining({ path: 'rows' })] } })
    expect(await snapshot('salary-tables', id)).toEqual(before)
  })

  it('a list over its declared limit is refused before its rows are read (10,000 salary rows)', async () => {
    const id = await createTable()
    const before = await snapshot('salary-tables', id)
    const rows = Array.from({ length: 10_000 }, (_, index) => row({ tier: `Tier ${index}` }))
    const response = await api.rest('PATCH', `/salary-tables/${id}`, { token, body: { rows } })
    expectRefused(response, 'rows', /At most 100 rows \(this has 10,000\)/)
    expect(fieldErrors(response)).toHaveLength(1)
    expect(await snapshot('salary-tables', id)).toEqual(before)
  })
})

/* ---------------------------------------------------------------- 3 -------------------------------- */

describe('3. a draft salary table’s figures never reach a published article', () => {
  const totalFigure = (tableId: string) =>
    figure({
      source: 'salaryCell',
      table: tableId,
      role: 'AI Engineer',
      tier: 'FAANG+',
      column: 'total',
      format: 'currency',
    })
  const withFigure = (tableId: string) => richText(paragraph('The median is ', totalFigure(tableId), ' a year.'))

  async function everyPublicView(articleId: string) {
    const rest = await api.rest('GET', `/articles/${articleId}?depth=2`)
    const graphql = await api.gql(`{ Article(id: "${articleId}") { content } }`)
    const search = await payload.find({
      collection: 'search',
      where: { 'doc.value': { equals: articleId } },
      overrideAccess: false,
      depth: 0,
    })
    return JSON.stringify([rest.body, graphql.body, search.docs])
  }

  it('a table unpublished with new figures: articles saved afterwards keep the last published value', async () => {
    const tableId = await createTable([row({ base: 100_000 })])
    const cited = await createArticle(withFigure(tableId))
    expect(await everyPublicView(cited)).toContain('$100,000')

    // Unpublished, with a figure nobody has published.
    const unpublished = await api.rest('PATCH', `/salary-tables/${tableId}`, {
      token,
      body: { _status: 'draft', rows: [row({ base: 777_000 })] },
    })
    expect(unpublished.status, JSON.stringify(unpublished.body)).toBe(200)

    // The citing article is saved again, and a new one cites the table.
    expect((await api.rest('PATCH', `/articles/${cited}`, { token, body: { title: 'Saved again' } })).status).toBe(200)
    const fresh = await createArticle(withFigure(tableId))
    for (const id of [cited, fresh]) {
      const views = await everyPublicView(id)
      expect(views).not.toContain('777,000')
      expect(views).not.toContain('777000')
    }
    expect(await everyPublicView(cited)).toContain('$100,000')
  })

  it('a published table with a pending draft: figures take the published value, never the draft’s', async () => {
    const tableId = await createTable([row({ base: 100_000 })])
    const drafted = await api.rest('PATCH', `/salary-tables/${tableId}?draft=true`, {
      token,
      body: { rows: [row({ base: 888_000 })] },
    })
    expect(drafted.status).toBe(200)
    const articleId = await createArticle(withFigure(tableId))
    const views = await everyPublicView(articleId)
    expect(views).toContain('$100,000')
    expect(views).not.toContain('888,000')
  })
})

/* ---------------------------------------------------------------- 4 -------------------------------- */

describe('4. _status is draft or published', () => {
  it.each(['archived', 'Published', '', 'deleted'])(
    '"%s" is refused on every collection with drafts',
    async (status) => {
      const targets: [CollectionSlug, string][] = [
        ['articles', await createArticle()],
        ['salary-tables', await createTable()],
      ]
      for (const [collection, id] of targets) {
        const before = await snapshot(collection, id)
        expectRefused(await api.rest('PATCH', `/${collection}/${id}`, { token, body: { _status: status } }), '_status')
        expect(await snapshot(collection, id)).toEqual(before)
        expect(before.anonymous.status).toBe(200)
      }
    },
  )
})

/* ---------------------------------------------------------------- 12 ------------------------------- */

describe('12. smaller holes', () => {
  it('a role of only spaces is no role: refused, on drafts too; identifying text is stored trimmed', async () => {
    const before = (await payload.count({ collection: 'salary-tables' })).totalDocs
    const body = {
      title: 'Spaces',
      currency: 'USD',
      asOf: '2026-06-01',
      rows: [row({ role: '   ' })],
      _status: 'published',
    }
    expectRefused(await api.rest('POST', '/salary-tables', { token, body }), 'rows.0.role')
    expectRefused(
      await api.rest('POST', '/salary-tables?draft=true', { token, body: { ...body, _status: 'draft' } }),
      'rows.0.role',
    )
    expect((await payload.count({ collection: 'salary-tables' })).totalDocs).toBe(before)

    const id = await createTable([row({ role: '  ML Engineer ', tier: ' Big Tech\t' })])
    const stored = await payload.findByID({ collection: 'salary-tables', id, depth: 0 })
    expect([stored.rows[0].role, stored.rows[0].tier]).toEqual(['ML Engineer', 'Big Tech'])
  })

  it('an unknown rich text node type is refused, naming it and the types the editor takes', async () => {
    const id = await createArticle()
    const before = await snapshot('articles', id)
    const content = richText(paragraph('ok'), { type: 'iframe', version: 1, src: 'https://evil.test' })
    const response = await api.rest('PATCH', `/articles/${id}?draft=true`, { token, body: { content } })
    expectRefused(
      response,
      'content.root.children.1',
      /Unknown rich text node type “iframe”: this editor takes .*paragraph/,
    )
    expect(await snapshot('articles', id)).toEqual(before)
  })

  it('a heading tag the editor does not offer is refused (h1 and script alike)', async () => {
    const id = await createArticle()
    for (const tag of ['h1', 'script']) {
      const content = richText({
        type: 'heading',
        tag,
        version: 1,
        direction: 'ltr',
        format: '',
        indent: 0,
        children: [],
      })
      expectRefused(
        await api.rest('PATCH', `/articles/${id}`, { token, body: { content } }),
        'content.root.children.0',
        /h2, h3, h4/,
      )
    }
  })

  it('an uploaded file is stored with the extension of its bytes, not the one the client sent', async () => {
    const bytes = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } })
      .png()
      .toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'text/html' }), 'poly.html')
    form.append('_payload', JSON.stringify({ alt: 'A polyglot' }))
    const response = await REST_POST(payload.config)(
      new Request('http://localhost:3000/api/media', {
        method: 'POST',
        headers: { authorization: `JWT ${token}` },
        body: form,
      }),
      { params: Promise.resolve({ slug: ['media'] }) },
    )
    const body = await response.json()
    expect(response.status, JSON.stringify(body)).toBe(201)
    expect(body.doc.filename).toBe('poly.png')
    expect(body.doc.mimeType).toBe('image/png')
    const files = fs.readdirSync(path.join(dataDir(), 'media'))
    expect(files.filter((name) => name.startsWith('poly'))).not.toContainEqual(expect.stringMatching(/\.html$/))
    expect(files).toContain('poly.png')
  })
})
