import type { Payload, SanitizedConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, SalaryTable } from '@payload-types'
import { readAsReader } from '@/data/read'
import { figureNodes, resolveFigures } from '@/figures/resolve'
import { liveSummary } from '@/figures/summary'
import { block, figure, paragraph, richText } from '@/seed/lexical'

import { createUser, seedDemo } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'
import { apiClient } from '../helpers/rest'

/**
 * POST /api/salary-tables/:id/preview and the claim guards: every statement a change would alter
 * (body, callout, FAQ, excerpt, description), before → after with its claim; nothing written;
 * editors only; publishing a change that makes a claim false or breaks a cited figure needs
 * `confirmContradictions`. Each test has a table and an article of its own.
 */

let payload: Payload
let config: SanitizedConfig
let api: ReturnType<typeof apiClient>
let editor: string
let author: string
let categoryId: string

beforeAll(async () => {
  ;({ payload, config } = await bootPayload())
  await seedDemo(payload)
  api = apiClient(config)
  editor = await api.login(...(Object.values(await createUser(payload, 'editor')).slice(1) as [string, string]))
  author = await api.login(...(Object.values(await createUser(payload, 'author')).slice(1) as [string, string]))
  categoryId = (await payload.find({ collection: 'categories', limit: 1 })).docs[0].id
})

afterAll(async () => {
  await shutdown(payload)
})

const ROWS = [
  { role: 'Data Engineer', tier: 'Big Tech', base: 150_000, equity: 40_000, bonus: 10_000, source: 'Survey' },
  { role: 'Data Engineer', tier: 'Startup', base: 120_000, equity: 20_000, bonus: 5_000, source: 'Survey' },
]
const withBigBase = (base: number) => ROWS.map((row, index) => (index === 0 ? { ...row, base } : row))

async function fixture(name: string) {
  const table = (await payload.create({
    collection: 'salary-tables',
    data: { title: name, currency: 'USD', asOf: '2026-10-01', rows: ROWS, _status: 'published' },
  })) as SalaryTable
  const cell = (tier: string) =>
    figure({ source: 'salaryCell', table: table.id, role: 'Data Engineer', tier, column: 'total', format: 'currency' })
  const premium = () =>
    figure({
      source: 'salaryComparison',
      table: table.id,
      role: 'Data Engineer',
      tier: 'Big Tech',
      compareRole: 'Data Engineer',
      compareTier: 'Startup',
      column: 'total',
      operation: 'premium',
      format: 'percent',
    })
  const faq = await payload.create({
    collection: 'faqs',
    data: {
      question: `${name}: who pays more?`,
      answer: richText(paragraph('Big Tech pays ', premium(), ' more.')) as never,
      note: { label: 'Data Point', text: 'A 38% premium.' },
      _status: 'published',
    },
  })
  const content = richText(
    paragraph('Big Tech pays ', cell('Big Tech'), ', startups ', cell('Startup'), ', ', premium(), ' higher. Fine.'),
    block('callout', { label: 'Key Insights', content: richText(paragraph('The premium: ', premium(), ' premium.')) }),
    block('salaryTable', { table: table.id, showChart: false }),
    block('faqList', { faqs: [faq.id] }),
  )
  const article = (await payload.create({
    collection: 'articles',
    data: {
      title: `${name} explained`,
      excerpt: 'Big Tech pays a 38% premium.',
      category: categoryId,
      content: content as never,
      _status: 'published',
    },
  })) as Article
  return { table, article }
}

/** As the editor, unless `token` says otherwise ('' is anonymous). */
const preview = (id: string, body: unknown, token = editor) =>
  api.rest('POST', `/salary-tables/${id}/preview`, { token: token || undefined, body })

const publish = (id: string, body: Record<string, unknown>) =>
  api.rest('PATCH', `/salary-tables/${id}`, { token: editor, body: { ...body, _status: 'published' } })

describe('POST /api/salary-tables/:id/preview', () => {
  it('lists every statement that changes, before → after, and writes nothing', async () => {
    const { table, article } = await fixture('Preview pay')
    const versionsBefore = (
      await payload.countVersions({ collection: 'salary-tables', where: { parent: { equals: table.id } } })
    ).totalDocs
    const response = await preview(table.id, { rows: withBigBase(160_000) })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    const ref = { id: article.id, slug: article.slug, title: article.title }
    expect(response.body.broken).toEqual([])
    expect(response.body.statements).toEqual(
      expect.arrayContaining([
        {
          article: ref,
          where: 'body',
          before: 'Big Tech pays $200,000, startups $145,000, 38% higher.',
          after: 'Big Tech pays $210,000, startups $145,000, 45% higher.',
          shown: 'Big Tech pays $210,000, startups $145,000, 45% higher.',
          claim: 'holds',
        },
        expect.objectContaining({
          where: 'callout “Key Insights”',
          before: 'The premium: 38% premium.',
          after: 'The premium: 45% premium.',
          claim: 'holds',
        }),
        expect.objectContaining({
          where: 'excerpt (article cards, search results, the feed)',
          before: 'Big Tech pays a 38% premium.',
          after: 'Big Tech pays a 45% premium.',
        }),
        expect.objectContaining({ where: 'FAQ “Preview pay: who pays more?”', after: 'Big Tech pays 45% more.' }),
        expect.objectContaining({ where: 'FAQ note “Preview pay: who pays more?”', after: 'A 45% premium.' }),
      ]),
    )
    expect(response.body.statements).toHaveLength(5)

    // Nothing written: the table, its versions and what readers get are as they were.
    const stored = await payload.findByID({ collection: 'salary-tables', id: table.id, draft: true })
    expect(stored.rows[0].base).toBe(150_000)
    expect(
      (await payload.countVersions({ collection: 'salary-tables', where: { parent: { equals: table.id } } })).totalDocs,
    ).toBe(versionsBefore)
    // A change that moves nothing readers read: no statement.
    const quiet = await preview(table.id, { notes: 'Checked again.' })
    expect(quiet.body).toEqual({ statements: [], broken: [] })
  })

  it('reports a claim the change inverts as contradicted, and a removed cited row as broken', async () => {
    const { table } = await fixture('Inverted pay')
    const inverted = await preview(table.id, { rows: withBigBase(90_000) })
    const body = inverted.body.statements.find((statement: { where: string }) => statement.where === 'body')
    expect(body).toMatchObject({
      before: 'Big Tech pays $200,000, startups $145,000, 38% higher.',
      after: 'Big Tech pays $140,000, startups $145,000, -3% higher.',
      // Readers keep the premium's last value that agreed with "higher".
      shown: 'Big Tech pays $140,000, startups $145,000, 38% higher.',
      claim: 'contradicted',
    })
    const removed = await preview(table.id, { rows: [ROWS[0]] })
    expect(removed.body.broken).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          where: 'body',
          reason: `no row Data Engineer · Startup in “Inverted pay”`,
          shown: '$145,000',
        }),
      ]),
    )
    // `_status: "draft"` in a PATCH unpublishes: every figure would break.
    const unpublished = await preview(table.id, { _status: 'draft' })
    expect(unpublished.body.broken.length).toBeGreaterThanOrEqual(5)
  })

  it('answers only editors, and names the field of a malformed body', async () => {
    const { table } = await fixture('Guarded preview pay')
    expect((await preview(table.id, { rows: ROWS }, '')).status).toBe(401)
    expect((await preview(table.id, { rows: ROWS }, author)).status).toBe(403)
    const wrong = await preview(table.id, { rows: 5 })
    expect(wrong.status).toBe(400)
    expect(wrong.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'rows' })])
    const cell = await preview(table.id, { rows: [{ ...ROWS[0], base: 'lots' }] })
    expect(cell.status).toBe(400)
    expect(cell.body.errors[0].data.errors[0].path).toBe('rows.0.base')
    expect((await preview(table.id, '[1, 2]')).status).toBe(400)
    expect((await preview('no-such-table', { rows: ROWS })).status).toBe(404)
  })

  it('reads published articles only: a draft citing the table is not in the preview', async () => {
    const { table } = await fixture('Draft-only pay')
    await payload.create({
      collection: 'articles',
      draft: true,
      data: {
        title: 'A draft about it',
        excerpt: 'Draft.',
        category: categoryId,
        content: richText(
          paragraph(
            'Draft: ',
            figure({
              source: 'salaryCell',
              table: table.id,
              role: 'Data Engineer',
              tier: 'Big Tech',
              column: 'total',
              format: 'currency',
            }),
            '.',
          ),
        ) as never,
        _status: 'draft',
      },
    })
    const response = await preview(table.id, { rows: withBigBase(160_000) })
    expect(
      response.body.statements.map((statement: { article: { title: string } }) => statement.article.title),
    ).not.toContain('A draft about it')
  })
})

describe('claim guards on publishing', () => {
  it('refuses a table publication that makes a sentence false, naming the article and sentence; confirmed, readers keep the agreeing value', async () => {
    const { table, article } = await fixture('Guarded pay')
    const refused = await publish(table.id, { rows: withBigBase(90_000) })
    expect(refused.status).toBe(400)
    const messages = refused.body.errors[0].data.errors.map((error: { path: string; message: string }) => {
      expect(error.path).toBe('confirmContradictions')
      return error.message
    })
    expect(messages.join('\n')).toContain(
      `“${article.title}”, body: “Big Tech pays $140,000, startups $145,000, -3% higher.” would be false`,
    )
    expect(messages.join('\n')).toContain('FAQ “Guarded pay: who pays more?”')
    expect((await payload.findByID({ collection: 'salary-tables', id: table.id })).rows[0].base).toBe(150_000)

    // A draft changes nothing readers see: never refused.
    expect(
      (
        await api.rest('PATCH', `/salary-tables/${table.id}?draft=true`, {
          token: editor,
          body: { rows: withBigBase(90_000), _status: 'draft' },
        })
      ).status,
    ).toBe(200)

    const confirmed = await publish(table.id, { rows: withBigBase(90_000), confirmContradictions: true })
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200)
    expect(confirmed.body.doc).not.toHaveProperty('confirmContradictions', true)

    const read = (await readAsReader((reader) =>
      reader.findOne({ collection: 'articles', where: { id: { equals: article.id } }, depth: 2 }),
    )) as Article
    resolveFigures(read.content, read.updatedAt)
    const [big, startup, premium] = figureNodes(read.content)
    expect([big.display, startup.display]).toEqual(['$140,000', '$145,000'])
    // The premium would read "-3% higher": it keeps 38%, and says why in its note.
    expect(premium.display).toBe('38%')
    expect(premium.held).toEqual({ value: '-3%', claim: 'higher' })
    expect(liveSummary(read).excerpt).toBe('Big Tech pays a 38% premium.')
  })

  it('refuses removing a cited row without confirmation', async () => {
    const { table } = await fixture('Removed row pay')
    const refused = await publish(table.id, { rows: [ROWS[0]] })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].data.errors[0].message).toMatch(/Data Engineer · Startup total would break/)
    expect((await publish(table.id, { rows: [ROWS[0]], confirmContradictions: true })).status).toBe(200)
  })

  it('refuses publishing an article whose sentence its figure contradicts, unless confirmed', async () => {
    const { table } = await fixture('Article claim pay')
    const lag = figure({
      source: 'salaryComparison',
      table: table.id,
      role: 'Data Engineer',
      tier: 'Big Tech',
      compareRole: 'Data Engineer',
      compareTier: 'Startup',
      column: 'total',
      operation: 'premium',
      format: 'percent',
      claim: 'lag',
    })
    const data = {
      title: 'Big Tech lags',
      excerpt: 'A claim that is false.',
      category: categoryId,
      content: richText(paragraph('Big Tech pays ', lag, ' less than startups.')),
      _status: 'published',
    }
    const refused = await api.rest('POST', '/articles', { token: editor, body: data })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].data.errors[0]).toMatchObject({
      path: 'confirmContradictions',
      message: expect.stringContaining('“Big Tech lags”, body: “Big Tech pays 38% less than startups.” is false'),
    })
    const saved = await api.rest('POST', '/articles', { token: editor, body: { ...data, confirmContradictions: true } })
    expect(saved.status, JSON.stringify(saved.body)).toBe(201)
  })
})
