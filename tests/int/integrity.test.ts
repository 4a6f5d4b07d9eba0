import fs from 'node:fs'
import path from 'node:path'

import { REST_POST } from '@payloadcms/next/routes'
import fc from 'fast-check'
import type { CollectionSlug, Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { dataDir } from '@/config/env'
import { linkProblem } from '@/fields/url'
import { rejectMalformedGlobalInput, rejectMalformedInput } from '@/hooks/rejectMalformedInput'
import { block, figure, link, paragraph, richText } from '@/seed/lexical'

import { bootDemo } from '../helpers/demo'
import { shutdown } from '../helpers/payload'
import { apiClient, type RestResponse } from '../helpers/rest'

/**
 * Issue 15: requests that destroyed, unpublished or leaked content, one class per `describe`, each
 * sent through the real REST and GraphQL handlers (and the Local API the endpoints use). Every
 * refusal is a 4xx whose message names the field, and the stored document, its versions and what
 * an anonymous reader gets are exactly as before. (The HTTP layer itself, body limits and the pages,
 * is covered by tests/e2e/integrity.spec.ts; wrong shapes generated from every field of every
 * config, by tests/int/input-shapes.test.ts.)
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

/* ---------------------------------------------------------------- helpers -------------------------- */

type FieldError = { path: string; message: string }
const fieldErrors = (response: RestResponse): FieldError[] => response.body?.errors?.[0]?.data?.errors ?? []

function expectRefused(response: RestResponse, fieldPath: string | RegExp, message?: RegExp) {
  expect(response.status, JSON.stringify(response.body).slice(0, 600)).toBe(400)
  const errors = fieldErrors(response)
  const match = errors.find((error) =>
    typeof fieldPath === 'string' ? error.path === fieldPath : fieldPath.test(error.path),
  )
  expect(match, `field errors: ${JSON.stringify(errors)}`).toBeDefined()
  if (message) expect(match?.message).toMatch(message)
  // The top-level message names the field too, for clients that show only that (by label or path).
  const last = String(match?.path.split('.').at(-1))
  expect(response.body.errors[0].message.toLowerCase()).toContain(/^\d+$/.test(last) ? match?.path : last.toLowerCase())
}

/** Everything a save could change: the latest version, the live document, versions, the anonymous view. */
async function snapshot(collection: CollectionSlug, id: string) {
  const read = (draft: boolean) =>
    payload.findByID({ collection, id, depth: 0, draft, overrideAccess: true, disableErrors: true })
  const anonymous = await api.rest('GET', `/${collection}/${id}?depth=0`)
  return {
    latest: await read(true),
    live: await read(false),
    versions: (await payload.countVersions({ collection, where: { parent: { equals: id } } })).totalDocs,
    anonymous: { status: anonymous.status, body: anonymous.body },
  }
}

async function siteSnapshot() {
  const anonymous = await api.rest('GET', '/globals/site?depth=0')
  return { stored: await payload.findGlobal({ slug: 'site', depth: 0 }), anonymous: anonymous.body }
}

let serial = 0
const row = (overrides: Record<string, unknown> = {}) => ({
  role: 'AI Engineer',
  tier: 'FAANG+',
  base: 100_000,
  equity: 0,
  bonus: 0,
  source: 'Levels.fyi (2023)',
  ...overrides,
})

async function createTable(rows = [row()], status: 'published' | 'draft' = 'published') {
  serial += 1
  const response = await api.rest('POST', `/salary-tables${status === 'draft' ? '?draft=true' : ''}`, {
    token,
    body: { title: `Integrity table ${serial}`, currency: 'USD', asOf: '2026-06-01', rows, _status: status },
  })
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return String(response.body.doc.id)
}

async function createArticle(content = richText(paragraph('A paragraph.')), extra: Record<string, unknown> = {}) {
  serial += 1
  const response = await api.rest('POST', '/articles', {
    token,
    body: {
      title: `Integrity article ${serial}`,
      excerpt: 'Checks what the API does with hostile input.',
      category: categoryId,
      content,
      _status: 'published',
      ...extra,
    },
  })
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return String(response.body.doc.id)
}

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

/* ---------------------------------------------------------------- 10 ------------------------------- */

const HOSTILE_LINKS = [
  '/\\evil.test/x',
  '//evil.test/x',
  '/\t/evil.test',
  '/\n/evil.test',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'https://example.com@evil.test/',
  'https:\\\\evil.test',
  'http://exa\u0000mple.com',
  '\u202ehttps://example.com',
  'https://example.com/a b',
]

describe('10. one URL rule for every stored link', () => {
  it.each(HOSTILE_LINKS)('%j is refused in navigation, footer, recommended reading and links in text', async (href) => {
    const site = await siteSnapshot()
    expectRefused(
      await api.rest('POST', '/globals/site', { token, body: { navigation: [{ label: 'Evil', href }] } }),
      'navigation.0.href',
    )
    expectRefused(
      await api.rest('POST', '/globals/site', { token, body: { footerLinks: [{ label: 'Evil', href }] } }),
      'footerLinks.0.href',
    )
    expect(await siteSnapshot()).toEqual(site)

    const articleId = await createArticle()
    const before = await snapshot('articles', articleId)
    const places: [unknown, RegExp][] = [
      [richText(paragraph('See ', link(href, 'this'), '.')), /^content\.root\.children\.0\.children\.1\.fields\.url$/],
      [
        richText(block('recommendedReading', { label: 'Read', linkType: 'external', url: href, title: 'Evil' })),
        /^content\.root\.children\.0\.fields\.url$/,
      ],
      [
        richText(block('callout', { label: 'Note', content: richText(paragraph(link(href, 'nested'))) })),
        /^content\.root\.children\.0\.fields\.content\.root\.children\.0\.children\.0\.fields\.url$/,
      ],
    ]
    for (const [content, where] of places) {
      expectRefused(await api.rest('PATCH', `/articles/${articleId}`, { token, body: { content } }), where)
      // Drafts too: a draft's link is one click from being published, and previews render it.
      expectRefused(await api.rest('PATCH', `/articles/${articleId}?draft=true`, { token, body: { content } }), where)
    }
    expect(await snapshot('articles', articleId)).toEqual(before)
  })

  it('paths on this site and full web addresses are accepted where each belongs', async () => {
    const saved = await api.rest('POST', '/globals/site', {
      token,
      body: {
        navigation: [
          { label: 'Blog', href: '/blog' },
          { label: 'Ext', href: 'https://example.com/a?b=c#d' },
        ],
      },
    })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    expectRefused(
      await api.rest('POST', '/articles', {
        token,
        body: {
          title: 'Relative link in text',
          excerpt: 'x',
          category: categoryId,
          content: richText(paragraph(link('/blog', 'ours'))),
          _status: 'published',
        },
      }),
      /fields\.url$/,
    )
  })

  it('whatever the rule accepts leads where it says: this site, or a named http(s) host without a disguise', () => {
    const piece = fc.constantFrom(
      '/',
      '\\',
      ':',
      '@',
      '.',
      '\t',
      '\n',
      ' ',
      '%2F',
      '%5C',
      '#',
      '?',
      'evil.test',
      'example.com',
      'http',
      'https',
      'javascript',
      'blog',
      '\u0000',
      '\u200b',
    )
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')),
        fc.constantFrom('web', 'siteOrWeb'),
        (value, kind) => {
          if (linkProblem(value, kind as 'web' | 'siteOrWeb') !== null) return
          const resolved = new URL(value, 'https://valenx.test/blog/post')
          if (resolved.origin === 'https://valenx.test') {
            expect(kind).toBe('siteOrWeb')
            return
          }
          expect(value).toMatch(/^https?:\/\//i)
          expect(['http:', 'https:']).toContain(resolved.protocol)
          expect(resolved.username + resolved.password).toBe('')
          expect(value.startsWith(`${resolved.protocol}//${resolved.host}`)).toBe(true)
        },
      ),
      { seed: 20_261_201, numRuns: 5000 },
    )
  })
})

/* ---------------------------------------------------------------- 11 ------------------------------- */

describe('11. requests that crashed with a 500 get a 4xx', () => {
  it.each([
    ['no body', {}],
    ['a text/plain body', { body: 'title=x', headers: { 'content-type': 'text/plain' } }],
    ['a JSON array', { body: '[{"title":"x"}]' }],
  ])('a write with %s: 400 saying what to send, on every collection and the global', async (_name, request) => {
    const targets: [string, string][] = [
      ['PATCH', `/articles/${await createArticle()}`],
      ['PATCH', `/salary-tables/${await createTable()}`],
      ['POST', '/articles'],
      ['POST', '/faqs'],
      ['POST', '/categories'],
      ['POST', '/globals/site'],
    ]
    for (const [method, target] of targets) {
      const response = await api.rest(method as 'POST', target, { token, ...request })
      expect(response.status, `${method} ${target}: ${JSON.stringify(response.body)}`).toBe(400)
      expect(response.body.errors[0].message).toMatch(/JSON object/)
    }
  })

  it('rich text with a null child is refused with the node’s path', async () => {
    const id = await createArticle()
    const before = await snapshot('articles', id)
    const content = {
      root: { type: 'root', children: [paragraph('ok'), null], direction: null, format: '', indent: 0, version: 1 },
    }
    expectRefused(await api.rest('PATCH', `/articles/${id}`, { token, body: { content } }), 'content.root.children.1')
    expect(await snapshot('articles', id)).toEqual(before)
  })

  it('a GraphQL fragment cycle, and fragments that expand exponentially, answer 400', async () => {
    const cycle = await api.gql('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }')
    expect(cycle.status).toBe(400)
    expect(cycle.body.errors?.[0]?.message).toMatch(/Fragment “A” spreads itself \(A → B → A\)/)
    const levels = 40
    const fragments = Array.from(
      { length: levels },
      (_, index) =>
        `fragment F${index} on Article { ${index === levels - 1 ? 'id' : `...F${index + 1} ...F${index + 1}`} }`,
    ).join(' ')
    const exponential = await api.gql(`{ Articles { docs { ...F0 } } } ${fragments}`)
    expect(exponential.status).toBe(400)
    expect(exponential.body.errors?.[0]?.message).toMatch(/fragments are expanded/)
  })

  it('a media file name no stored file has answers 4xx, not 500', async () => {
    expect((await api.rest('GET', '/media/file/ok.png%00.html')).status).toBe(404)
    expect((await api.rest('GET', '/media/file/no-such-file.png')).status).toBe(404)
  })
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
