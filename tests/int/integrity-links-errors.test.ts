import fc from 'fast-check'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { linkProblem } from '@/fields/url'
import { block, link, paragraph, richText } from '@/seed/lexical'

import { bootIntegrity, expectRefused, type IntegrityKit } from '../helpers/integrity'
import { shutdown } from '../helpers/payload'

/**
 * Issue 15, classes 10 and 11: one URL rule for every stored link, and the requests that answered
 * 500 where a 4xx belongs, through the real REST and GraphQL handlers. Every refusal names the
 * field, and the stored document and its anonymous view are exactly as before.
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
          category: kit.categoryId,
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
