import fc from 'fast-check'
import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { paragraph, richText } from '@/seed/lexical'

import { bootDemo } from '../helpers/demo'
import { shutdown } from '../helpers/payload'
import { apiClient, type RestResponse } from '../helpers/rest'

/**
 * Property-based attack on the REST write endpoints of salary tables, articles and FAQs: random and
 * hostile bodies (wrong types, huge strings, deep nesting, unknown fields, prototype keys, query
 * operators as values, arrays for strings, broken JSON). Whatever arrives, the answer is never a 5xx:
 * either a 4xx that says what is wrong, or a 2xx after which the stored document is still valid.
 *
 * Runs are bounded and seeded: FC_SEED=<n> replays a failure printed by fast-check.
 */

const SEED = Number(process.env.FC_SEED ?? 20_261_125)
const RUNS = Number(process.env.FC_RUNS ?? 60)
const settings = { seed: SEED, numRuns: RUNS, endOnFailure: true }

let payload: Payload
let api: ReturnType<typeof apiClient>
let token: string
let categoryId: number | string
let tried = 0
const outcomes: Record<string, number> = {}

beforeAll(async () => {
  ;({ payload, api, adminToken: token } = await bootDemo())
  categoryId = (await payload.find({ collection: 'categories', limit: 1, depth: 0 })).docs[0].id
})

afterAll(async () => {
  console.log(
    `hostile.test.ts: ${tried} hostile requests tried (seed ${SEED}, ${RUNS} runs per property); answers by status: ${JSON.stringify(outcomes)}`,
  )
  await shutdown(payload)
})

/* ---------------------------------------------------------------- arbitraries ---------------------- */

function nested(depth: number, leaf: unknown, asArray: boolean): unknown {
  let value = leaf
  for (let level = 0; level < depth; level += 1) value = asArray ? [value] : { a: value }
  return value
}

/** Raw JSON text for values JSON.stringify would never produce from an object literal: own `__proto__` keys. */
const PROTO = {
  __raw: '{"__proto__":{"polluted":"yes","role":"admin"},"constructor":{"prototype":{"polluted":"yes"}}}',
}

const hostileScalar = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u202e',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '{"$gt":""}',
    'null',
    'NaN',
    '-0',
    '1e309',
  ),
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 0.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 100_000_001),
  fc.boolean(),
  fc.constant(null),
)

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileScalar, weight: 5 },
  { arbitrary: fc.constantFrom('x'.repeat(5_000), 'é'.repeat(70_000), 'y'.repeat(300_000)), weight: 1 },
  {
    arbitrary: fc.constantFrom(
      { $gt: '' },
      { $ne: null },
      { equals: 'x' },
      { in: [1, 2] },
      { exists: true },
      { $where: 'sleep(1000)' },
    ),
    weight: 2,
  },
  { arbitrary: fc.array(hostileScalar, { maxLength: 4 }), weight: 1 },
  { arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), hostileScalar, { maxKeys: 4 }), weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.integer({ min: 20, max: 400 }), fc.boolean())
      .map(([depth, asArray]) => nested(depth, 'deep', asArray)),
    weight: 1,
  },
  { arbitrary: fc.constant(PROTO), weight: 1 },
)

/** A valid body, then some of its fields (and some unknown ones) replaced by hostile values. */
function hostileBody(valid: () => Record<string, unknown>, fields: string[]) {
  const key = fc.oneof(
    { arbitrary: fc.constantFrom(...fields), weight: 4 },
    {
      arbitrary: fc.constantFrom(
        '__proto__',
        'constructor',
        'prototype',
        'id',
        '_id',
        'createdAt',
        'updatedAt',
        '$where',
        'rows.0.base',
        'hash',
        'salt',
        'role',
      ),
      weight: 2,
    },
    { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
  )
  return fc
    .record({
      replaced: fc.dictionary(key, hostileValue, { minKeys: 1, maxKeys: 4 }),
      dropped: fc.subarray(fields, { maxLength: 2 }),
    })
    .map(({ replaced, dropped }) => {
      const body = valid()
      for (const field of dropped) delete body[field]
      // defineProperty: assignment to `__proto__` would set the prototype instead of sending the key.
      for (const [name, value] of Object.entries(replaced))
        Object.defineProperty(body, name, { value, enumerable: true, writable: true, configurable: true })
      return body
    })
}

/** Bodies that are not a JSON object at all. */
const brokenBody = fc.constantFrom(
  '{"title":',
  'null',
  '[]',
  '[{"title":"x"}]',
  '"title"',
  '1e999',
  'true',
  '{"title":"x"}}',
  '\u0000',
  '',
  '{' + '"a":{'.repeat(5_000) + '}',
)

/* ---------------------------------------------------------------- checks --------------------------- */

function serialize(body: unknown): string | undefined {
  if (body === undefined) return undefined
  if (typeof body === 'string') return body
  return JSON.stringify(body, (_key, value) =>
    value && typeof value === 'object' && '__raw' in value ? `__RAW${(value as { __raw: string }).__raw}RAW__` : value,
  ).replace(/"__RAW(.*?)RAW__"/g, (_match, raw: string) => JSON.parse(`"${raw}"`) as string)
}

async function send(method: 'POST' | 'PATCH', path: string, body: unknown, auth = true): Promise<RestResponse> {
  tried += 1
  const response = await api.rest(method, path, { token: auth ? token : undefined, body: serialize(body) ?? '' })
  outcomes[response.status] = (outcomes[response.status] ?? 0) + 1
  return response
}

/** Never a server error; a refusal names its problem. */
function expectHandled(response: RestResponse, body: unknown) {
  const shown = (serialize(body) ?? '').slice(0, 400)
  expect(response.status, `5xx for ${shown}: ${JSON.stringify(response.body).slice(0, 400)}`).toBeLessThan(500)
  if (response.status >= 400) {
    const message = (response.body as { errors?: { message?: unknown }[] })?.errors?.[0]?.message
    expect(
      typeof message === 'string' && message.trim().length > 0,
      `no message for ${shown}: ${JSON.stringify(response.body).slice(0, 400)}`,
    ).toBe(true)
  }
}

function expectPrototypesClean() {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  expect(({} as Record<string, unknown>).role).toBeUndefined()
}

const isText = (value: unknown, max: number) => typeof value === 'string' && value.length <= max

async function stored(collection: CollectionSlug, id: number | string) {
  return (await payload.findByID({ collection, id, depth: 0, draft: true, overrideAccess: true })) as unknown as Record<
    string,
    unknown
  >
}

async function expectValidSalaryTable(id: number | string) {
  const doc = await stored('salary-tables', id)
  expect(isText(doc.title, 200) && (doc.title as string).length > 0, `title ${String(doc.title).slice(0, 80)}`).toBe(
    true,
  )
  expect(doc.currency).toMatch(/^[A-Z]{3}$/)
  const rows = doc.rows as Record<string, unknown>[]
  expect(Array.isArray(rows) && rows.length >= 1 && rows.length <= 100).toBe(true)
  for (const row of rows) {
    for (const field of ['role', 'tier'])
      expect(isText(row[field], 100) && (row[field] as string).length > 0, `${field}: ${String(row[field])}`).toBe(true)
    expect(isText(row.source, 200)).toBe(true)
    for (const field of ['base', 'equity', 'bonus', 'total']) {
      expect(Number.isInteger(row[field]) && (row[field] as number) >= 0, `${field}: ${String(row[field])}`).toBe(true)
    }
    expect(row.total).toBe((row.base as number) + (row.equity as number) + (row.bonus as number))
  }
}

/** Drafts of articles and FAQs skip required-field checks (autosave stores half-typed work), never types. */
async function expectValidArticle(id: number | string) {
  const doc = await stored('articles', id)
  const published = doc._status === 'published'
  for (const [field, max] of [
    ['title', 200],
    ['excerpt', 320],
  ] as const) {
    const value = doc[field]
    if (published || value != null) expect(isText(value, max), `${field}: ${String(value).slice(0, 80)}`).toBe(true)
  }
  if (published || doc.slug != null) expect(doc.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  if (published || doc.content != null)
    expect(typeof doc.content === 'object' && doc.content !== null && !Array.isArray(doc.content)).toBe(true)
}

async function expectValidFaq(id: number | string) {
  const doc = await stored('faqs', id)
  const published = doc._status === 'published'
  if (published || doc.question != null)
    expect(isText(doc.question, 300), `question: ${String(doc.question).slice(0, 80)}`).toBe(true)
  const note = (doc.note ?? {}) as { label?: unknown; text?: unknown }
  if (note.label != null) expect(['Data Point', 'Projection']).toContain(note.label)
  if (note.text != null) expect(isText(note.text, 600)).toBe(true)
}

/* ---------------------------------------------------------------- properties ----------------------- */

const validTable = () => ({
  title: 'Hostile-input table',
  currency: 'USD',
  period: '2024',
  asOf: '2026-06-01',
  rows: [
    { role: 'AI Engineer', tier: 'FAANG+', base: 150_000, equity: 30_000, bonus: 10_000, source: 'Levels.fyi (2023)' },
  ],
  _status: 'published',
})
const validRow = () => validTable().rows[0] as Record<string, unknown>

let articleSerial = 0
const validArticle = () => ({
  title: `Hostile-input article ${(articleSerial += 1)}`,
  excerpt: 'Checks what the API does with hostile input.',
  category: categoryId,
  content: richText(paragraph('A valid paragraph.')),
  _status: 'published',
})

const validFaq = () => ({
  question: 'Is this a hostile question?',
  answer: richText(paragraph('A valid answer.')),
  note: { label: 'Data Point', text: 'A note.' },
  _status: 'published',
})

type Target = {
  collection: CollectionSlug
  valid: () => Record<string, unknown>
  fields: string[]
  check: (id: number | string) => Promise<void>
}

const targets: Target[] = [
  {
    collection: 'salary-tables',
    valid: validTable,
    fields: ['title', 'currency', 'period', 'asOf', 'notes', 'rows', '_status'],
    check: expectValidSalaryTable,
  },
  {
    collection: 'articles',
    valid: validArticle,
    fields: [
      'title',
      'excerpt',
      'category',
      'content',
      'slug',
      'relatedPosts',
      'authors',
      'publishedAt',
      'featured',
      '_status',
    ],
    check: expectValidArticle,
  },
  {
    collection: 'faqs',
    valid: validFaq,
    fields: ['question', 'answer', 'note', 'topics', '_status'],
    check: expectValidFaq,
  },
]

describe.each(targets)('$collection', ({ collection, valid, fields, check }) => {
  let existingId: number | string

  beforeAll(async () => {
    const created = await api.rest('POST', `/${collection}`, { token, body: valid() })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    existingId = created.body.doc.id
  })

  it('POST: hostile bodies are refused with a message, or stored valid', async () => {
    await fc.assert(
      fc.asyncProperty(hostileBody(valid, fields), fc.boolean(), async (body, asDraft) => {
        const response = await send('POST', `/${collection}${asDraft ? '?draft=true' : ''}`, body)
        expectHandled(response, body)
        if (response.status < 300) await check(response.body.doc.id)
        expectPrototypesClean()
      }),
      settings,
    )
  })

  it('PATCH: hostile bodies are refused with a message, or leave the document valid', async () => {
    await fc.assert(
      fc.asyncProperty(hostileBody(valid, fields), fc.boolean(), async (body, asDraft) => {
        const response = await send('PATCH', `/${collection}/${existingId}${asDraft ? '?draft=true' : ''}`, body)
        expectHandled(response, body)
        await check(existingId)
        expectPrototypesClean()
      }),
      settings,
    )
  })

  it('bodies that are not a JSON object never cause a server error', async () => {
    await fc.assert(
      fc.asyncProperty(
        brokenBody,
        fc.constantFrom('POST', 'PATCH') as fc.Arbitrary<'POST' | 'PATCH'>,
        async (body, method) => {
          const response = await send(
            method,
            method === 'POST' ? `/${collection}` : `/${collection}/${existingId}`,
            body,
          )
          expectHandled(response, body)
          await check(existingId)
        },
      ),
      { ...settings, numRuns: 20 },
    )
  })

  it('anonymous hostile bodies are refused before anything else', async () => {
    await fc.assert(
      fc.asyncProperty(hostileBody(valid, fields), async (body) => {
        const response = await send('POST', `/${collection}`, body, false)
        expectHandled(response, body)
        expect(response.status).toBeGreaterThanOrEqual(400)
      }),
      { ...settings, numRuns: 20 },
    )
  })
})

describe('salary table rows', () => {
  it('hostile values inside rows are refused or stored as valid figures', async () => {
    const rowField = fc.constantFrom('role', 'tier', 'base', 'equity', 'bonus', 'total', 'source', 'id', '__proto__')
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.dictionary(rowField, hostileValue, { maxKeys: 3 }), { minLength: 1, maxLength: 3 }),
        async (overrides) => {
          const rows = overrides.map((override, index) => {
            const row = { ...validRow(), tier: `Tier ${index}` }
            for (const [name, value] of Object.entries(override))
              Object.defineProperty(row, name, { value, enumerable: true, writable: true, configurable: true })
            return row
          })
          const body = { ...validTable(), rows }
          const response = await send('POST', '/salary-tables', body)
          expectHandled(response, body)
          if (response.status < 300) await expectValidSalaryTable(response.body.doc.id)
        },
      ),
      settings,
    )
  })
})
