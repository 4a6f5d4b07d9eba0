/* eslint-disable @typescript-eslint/no-explicit-any -- responses are arbitrary JSON whose shape each test asserts */
import fs from 'node:fs'

import fc from 'fast-check'
import { createLocalReq, type Payload, type SanitizedConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createImport } from '@/import/create'
import { lookups } from '@/import/lookups'
import { buildPlan } from '@/import/plan'

import { createUser, seedDemo } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'
import { apiClient } from '../helpers/rest'

/** Wrong callers, wrong shapes, hostile posts: a clear 4xx naming the field or line, and nothing written. */
const REFERENCE = fs.readFileSync(new URL('../fixtures/import/valenx-article.md', import.meta.url), 'utf8')
const SEED = Number(process.env.FC_SEED ?? 20_261_215)
const RUNS = Number(process.env.FC_RUNS ?? 60)

let payload: Payload
let config: SanitizedConfig
let api: ReturnType<typeof apiClient>
let editor: string
let author: string

beforeAll(async () => {
  ;({ payload, config } = await bootPayload())
  await seedDemo(payload)
  api = apiClient(config)
  const editorUser = await createUser(payload, 'editor')
  const authorUser = await createUser(payload, 'author')
  editor = await api.login(editorUser.email, editorUser.password)
  author = await api.login(authorUser.email, authorUser.password)
})

afterAll(async () => {
  await shutdown(payload)
})

// `null` calls anonymously.
const importPost = (body: unknown, token: string | null = editor, headers?: Record<string, string>) =>
  api.rest('POST', '/articles/import', { body, token: token ?? undefined, headers })
const counts = async () => {
  const all = await Promise.all(
    ['articles', 'salary-tables', 'faqs'].map((collection) => payload.count({ collection: collection as 'articles' })),
  )
  return all.map((count) => count.totalDocs)
}
const message = (body: any) => (body.errors ?? []).map((error: any) => error.message).join('\n')

describe('who may import', () => {
  it('refuses anonymous visitors and authors with 403, and writes nothing', async () => {
    const before = await counts()
    for (const token of [null, author]) {
      const { status, body } = await importPost({ format: 'markdown', source: REFERENCE, dryRun: false }, token)
      expect(status).toBe(403)
      expect(message(body)).toMatch(token ? /Only editors and admins can import posts/ : /Sign in as an editor/)
    }
    expect(await counts()).toEqual(before)
  })
})

describe('the request body', () => {
  const cases: [string, unknown, number, string | undefined, RegExp][] = [
    [
      'an unknown format',
      { format: 'docx', source: '# Hi', dryRun: true },
      400,
      'format',
      /Unknown format \(“docx”\): use "markdown" or "html"/,
    ],
    ['no format', { source: '# Hi', dryRun: true }, 400, 'format', /Unknown format \(none\)/],
    [
      'a source that is not text',
      { format: 'markdown', source: ['# Hi'], dryRun: true },
      400,
      'source',
      /source must be the text of the post/,
    ],
    ['an empty source', { format: 'markdown', source: '  \n', dryRun: true }, 400, 'source', /source is empty/],
    ['dryRun as a string', { format: 'markdown', source: '# Hi', dryRun: 'yes' }, 400, 'dryRun', /dryRun must be true/],
    [
      'an unknown field',
      { format: 'markdown', source: '# Hi', dryRun: true, publish: true },
      400,
      'publish',
      /Unknown field “publish”/,
    ],
    ['a list instead of an object', [{ format: 'markdown' }], 400, undefined, /Send a JSON object/],
    [
      'a category that is not text',
      { format: 'markdown', source: '# Hi', dryRun: true, category: { id: 1 } },
      400,
      'category',
      /category must be the id or slug/,
    ],
  ]
  for (const [what, body, status, field, pattern] of cases) {
    it(`answers ${status} naming the field for ${what}`, async () => {
      const response = await importPost(body)
      expect(response.status).toBe(status)
      expect(response.body.errors[0].field).toBe(field)
      expect(message(response.body)).toMatch(pattern)
    })
  }

  it('answers 400 to a body that is not JSON, or not sent as JSON', async () => {
    expect(message((await importPost('{"format": "markdown", ')).body)).toMatch(/not valid JSON/)
    expect(message((await importPost('format=markdown', editor, { 'content-type': 'text/plain' })).body)).toMatch(
      /Send the post as JSON/,
    )
  })

  it('answers 413 to a post over 2 MB, before reading it', async () => {
    const before = await counts()
    const big = `# Big\n\n${'A sentence of a long post. '.repeat(80_000)}`
    const response = await importPost({ format: 'markdown', source: big, dryRun: false })
    expect(response.status).toBe(413)
    expect(response.body.errors[0]).toMatchObject({ field: 'source' })
    expect(message(response.body)).toMatch(/The post is 2\.1 MB; the import reads posts of at most 2 MB/)
    expect(await counts()).toEqual(before)
  })

  it('never answers 5xx to generated wrong shapes, and writes nothing', async () => {
    const before = await counts()
    const scalar = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom('markdown', 'html', '<script>alert(1)</script>', '\u0000', '# T\n\n| a |\n|---|---|'),
    )
    const value = fc.oneof(
      scalar,
      fc.array(scalar, { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 8 }), scalar, { maxKeys: 3 }),
    )
    // dryRun is never `false` here, so a generated body that happens to be a valid post creates nothing.
    const body = fc.record(
      {
        format: value,
        source: value,
        dryRun: fc.oneof(
          fc.constant(true),
          scalar.filter((item) => item !== false),
        ),
        category: value,
      },
      { requiredKeys: [] },
    )
    await fc.assert(
      fc.asyncProperty(fc.oneof(body, value), async (generated) => {
        const { status, body: answer } = await importPost(generated)
        expect([200, 400, 413]).toContain(status)
        if (status !== 200) expect(answer.errors[0].message).toBeTruthy()
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    )
    expect(await counts()).toEqual(before)
  })
})

describe('hostile and broken posts', () => {
  it('removes scripts, event handlers and script links from HTML, and reports each', async () => {
    const html = `<h1 onmouseover="steal()">Pay at a glance</h1><script>document.cookie</script><p onclick="x()">Read <a href="javascript:alert(1)">this</a> and <a href=" JaVaScRiPt:alert(2)">that</a>.</p><iframe src="https://evil.example"></iframe><p><img src=x onerror=alert(3)>Text.</p>`
    const { status, body } = await importPost({ format: 'html', source: html, dryRun: false })
    expect(status, JSON.stringify(body)).toBe(201)
    const { plan } = (await importPost({ format: 'html', source: html, dryRun: true })).body
    expect(plan.removed).toEqual([
      'line 1: the onmouseover event handler on <h1> was removed',
      'line 1: <script> was removed with its content',
      'line 1: the onclick event handler on <p> was removed',
      'line 1: a javascript: link was removed (its text is kept)',
      'line 1: a javascript: link was removed (its text is kept)',
      'line 1: <iframe> was removed with its content',
      'line 1: the onerror event handler on <img> was removed',
    ])
    const article = await payload.findByID({ collection: 'articles', id: body.article.id, draft: true, depth: 0 })
    const stored = JSON.stringify(article.content)
    expect(stored).not.toMatch(/script|cookie|onclick|onerror|alert|evil/i)
    expect(stored).toContain('Read this and that.')
  })

  it('refuses a ragged table with the line of each bad row, and creates nothing', async () => {
    const before = await counts()
    const ragged = REFERENCE.replace(
      '| Unicorn Startups       | $155,000                             | $125,000        | $22,000         | $8,000    | Blind                          |',
      '| Unicorn Startups | $155,000 | $125,000 | $22,000 | Blind |',
    )
    const { status, body } = await importPost({ format: 'markdown', source: ragged, dryRun: false })
    expect(status).toBe(400)
    expect(body.errors).toEqual([
      {
        line: 50,
        message:
          'line 50: this table row has 6 cells but the table has 7 columns: add or remove a “|” so every row has one cell per column',
      },
    ])
    expect(await counts()).toEqual(before)
  })

  it('refuses an amount that does not parse, naming the line and the column', async () => {
    const before = await counts()
    const broken = REFERENCE.replace('| $140,000        | $30,000 ', '| 140 thousand    | $30,000 ')
    const { status, body } = await importPost({ format: 'markdown', source: broken, dryRun: true })
    expect(status).toBe(400)
    expect(message(body)).toBe('line 47: column “Base Salary”: “140 thousand” is not an amount')
    expect(body.plan.tables[0].becomes).toBe('salary-tables')
    expect(await counts()).toEqual(before)
  })

  it('leaves nothing half-created when a write fails part-way (one transaction)', async () => {
    const user = (await payload.find({ collection: 'users', where: { role: { equals: 'editor' } }, limit: 1 })).docs[0]
    const req = await createLocalReq({ user: { ...user, collection: 'users' } as never }, payload)
    const { plan, draft } = await buildPlan(
      { format: 'markdown', source: REFERENCE.replace(/AI Engineer vs ML Engineer: Roles/g, 'Half-way: Roles') },
      lookups(req),
    )
    expect(plan.errors).toEqual([])
    // Someone takes the planned address before the import writes the article, its last step.
    const category = (await payload.find({ collection: 'categories', limit: 1 })).docs[0]
    await payload.create({
      collection: 'articles',
      data: {
        title: 'Taken',
        slug: plan.article.slug,
        excerpt: 'x',
        category: category.id,
        content: { root: { type: 'root', children: [], direction: null, format: '', indent: 0, version: 1 } } as never,
      },
      draft: true,
    })
    const before = await counts()
    await expect(createImport(req, plan, draft)).rejects.toThrow()
    expect(await counts()).toEqual(before)
  })
})
