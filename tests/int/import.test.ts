/* eslint-disable @typescript-eslint/no-explicit-any -- responses are arbitrary JSON whose shape each test asserts */
import fs from 'node:fs'

import type { Payload, SanitizedConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, SalaryTable } from '@payload-types'
import { figureNodes, resolveFigures } from '@/figures/resolve'
import { blocksOf } from '@/lib/lexical'

import { createUser, seedDemo } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'
import { apiClient } from '../helpers/rest'

// A copy of shared/reference/valenx-article.txt, the post as a publisher has it today.
const REFERENCE = fs.readFileSync(new URL('../fixtures/import/valenx-article.md', import.meta.url), 'utf8')

let payload: Payload
let config: SanitizedConfig
let api: ReturnType<typeof apiClient>
let editor: string
let editorId: string

beforeAll(async () => {
  ;({ payload, config } = await bootPayload())
  await seedDemo(payload)
  api = apiClient(config)
  const user = await createUser(payload, 'editor')
  editorId = user.user.id
  editor = await api.login(user.email, user.password)
})

afterAll(async () => {
  await shutdown(payload)
})

const importPost = (body: unknown, token: string | undefined = editor) =>
  api.rest('POST', '/articles/import', { body, token })
const counts = async () => {
  const [articles, tables, faqs] = await Promise.all(
    ['articles', 'salary-tables', 'faqs'].map((collection) => payload.count({ collection: collection as 'articles' })),
  )
  return { articles: articles.totalDocs, tables: tables.totalDocs, faqs: faqs.totalDocs }
}
const texts = (items: { text: string }[]) => items.map((item) => item.text)

describe('importing the reference article', () => {
  it('plans it without writing anything: outline, tables, figures, FAQs, reading, dropped lines', async () => {
    const before = await counts()
    const { status, body } = await importPost({ format: 'markdown', source: REFERENCE, dryRun: true })
    expect(status, JSON.stringify(body)).toBe(200)
    const { plan } = body
    expect(plan.article).toMatchObject({
      title: 'AI Engineer vs ML Engineer: Roles, Salary, and Career Path',
      status: 'draft',
      category: { title: 'Comparisons' },
      updated: '2026-06-01',
    })
    // The seed holds an article with that address: the draft gets the next free one.
    expect(plan.article.slug).toBe('ai-engineer-vs-ml-engineer-roles-salary-and-career-path')
    expect(plan.tables.map((table: any) => [table.becomes, table.rows])).toEqual([
      ['salary-tables', 6],
      ['dataTable', 2],
      ['dataTable', 5],
    ])
    expect(plan.tables[1].transposed).toBe(true)
    expect(plan.tables[1].columns.map((column: any) => column.type)).toEqual([
      'text',
      'number',
      'percent',
      'text',
      'percent',
    ])
    expect(texts(plan.figures)).toEqual(['$210,000', '$172,000', '22%', '3.5x', '22%', '180%'])
    // The stock-grant ranges match no cell; the FAQ answers are the seed's own, so not read.
    expect(texts(plan.unmatchedNumbers)).toEqual(['0.1%', '0.3%', '0.05%', '0.1%'])
    expect(plan.outline.filter((entry: any) => entry.kind === 'callout').map((entry: any) => entry.text)).toEqual([
      'Data Hook',
      'Key Insights',
      'Analysis',
      'Critical Delta',
    ])
    // The seed has the same three questions: they are reused, not copied.
    expect(plan.faqs.map((faq: any) => [faq.question, Boolean(faq.reuses)])).toEqual([
      ['Can an ML Engineer transition to an AI Engineer?', true],
      ['Which role has better long-term job security?', true],
      ['Is a PhD required for either role?', true],
    ])
    expect(plan.recommendedReading).toMatchObject([{ linkType: 'internal', article: { slug: 'ai-engineer-playbook' } }])
    expect(plan.dropped.join('\n')).toMatch(
      /6 min read[\s\S]*Updated[\s\S]*Back to Blog[\s\S]*Related Posts[\s\S]*View All Posts/,
    )
    expect(plan.warnings.join('\n')).toContain('line 9: “$210,000” and “22% higher” were typed as bold runs')
    expect(plan.errors).toEqual([])
    expect(await counts()).toEqual(before)
  })

  it('creates a draft with its salary table, and nothing is published until the article is', async () => {
    const before = await counts()
    const { status, body } = await importPost({ format: 'markdown', source: REFERENCE, dryRun: false })
    expect(status, JSON.stringify(body)).toBe(201)
    expect(body).toMatchObject({
      article: { slug: 'ai-engineer-vs-ml-engineer-roles-salary-and-career-path' },
      figures: 6,
    })
    expect(body.salaryTables).toHaveLength(1)
    expect(body.faqs).toHaveLength(3)
    expect(body.createdFaqs).toEqual([])
    expect(await counts()).toEqual({ ...before, articles: before.articles + 1, tables: before.tables + 1 })

    const article = (await payload.findByID({
      collection: 'articles',
      id: body.article.id,
      draft: true,
      depth: 0,
    })) as Article
    expect(article._status).toBe('draft')
    expect(article.authors).toEqual([editorId])
    expect(article.salaryTables).toEqual(body.salaryTables)
    const table = (await payload.findByID({
      collection: 'salary-tables',
      id: body.salaryTables[0],
      draft: true,
    })) as SalaryTable
    expect(table._status).toBe('draft')
    expect(table.rows.map((row) => [row.role, row.tier, row.total])).toEqual([
      ['AI Engineer', 'FAANG+ (L5-L7)', 210_000],
      ['AI Engineer', 'Unicorn Startups', 180_000],
      ['AI Engineer', 'Non-Tech Enterprises', 150_000],
      ['ML Engineer', 'FAANG+ (L5-L7)', 172_000],
      ['ML Engineer', 'Unicorn Startups', 155_000],
      ['ML Engineer', 'Non-Tech Enterprises', 130_000],
    ])
    // Readers see nothing of it yet.
    const anonymous = await api.rest('GET', `/articles?where[slug][equals]=${body.article.slug}`)
    expect(anonymous.body.docs).toEqual([])
    expect((await api.rest('GET', `/salary-tables/${table.id}`)).status).toBe(404)
  })

  it('published, reads like the seed article, and its figures follow an edit of the table', async () => {
    const { docs } = await payload.find({
      collection: 'articles',
      where: { slug: { equals: 'ai-engineer-vs-ml-engineer-roles-salary-and-career-path' } },
      draft: true,
      depth: 0,
    })
    const user = await payload.findByID({ collection: 'users', id: editorId })
    await payload.update({
      collection: 'articles',
      id: docs[0].id,
      data: { _status: 'published' },
      overrideAccess: false,
      user,
    })

    const read = async () =>
      (
        await payload.find({
          collection: 'articles',
          where: { slug: { equals: docs[0].slug } },
          depth: 2,
          overrideAccess: false,
        })
      ).docs[0] as Article
    const article = await read()
    expect(article._status).toBe('published')
    const content = article.content as never
    const [salary] = blocksOf(content, 'salaryTable')
    expect((salary.table as SalaryTable)._status).toBe('published')
    expect(blocksOf(content, 'dataTable').map((block) => block.caption)).toEqual([
      'Demand Trends: Job Market Dynamics',
      'Skills Gap: What Employers Value',
    ])
    expect(blocksOf(content, 'callout').map((block) => block.label)).toEqual([
      'Data Hook',
      'Key Insights',
      'Analysis',
      'Critical Delta',
    ])
    expect((blocksOf(content, 'faqList')[0].faqs as { question: string }[]).map((faq) => faq.question)).toHaveLength(3)
    expect((blocksOf(content, 'recommendedReading')[0].article as Article).slug).toBe('ai-engineer-playbook')
    expect(resolveFigures(content).broken).toEqual([])
    expect(figureNodes(content).map((node) => node.display)).toEqual([
      '$210,000',
      '22%',
      '$172,000',
      '3.5x',
      '22%',
      '180%',
    ])

    const table = salary.table as SalaryTable
    const rows = table.rows.map((row) =>
      row.role === 'AI Engineer' && row.tier.startsWith('FAANG+') ? { ...row, base: 175_000 } : row,
    )
    await payload.update({ collection: 'salary-tables', id: table.id, data: { rows }, overrideAccess: false, user })
    const edited = await read()
    resolveFigures(edited.content)
    expect(figureNodes(edited.content).map((node) => node.display)).toEqual([
      '$220,000',
      '28%',
      '$172,000',
      '3.5x',
      '28%',
      '180%',
    ])
  })
})
