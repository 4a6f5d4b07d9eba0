import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, SalaryTable } from '@payload-types'
import { blocksOf, type LexicalRoot } from '@/lib/lexical'

import { readSeedArticle, SEED_SLUG, seedDemo } from '../helpers/fixtures'
import { bootDemo } from '../helpers/demo'
import { shutdown } from '../helpers/payload'
import { apiClient } from '../helpers/rest'

let payload: Payload
let api: ReturnType<typeof apiClient>
let adminToken: string

beforeAll(async () => {
  ;({ payload, api, adminToken } = await bootDemo())
})

afterAll(async () => {
  await shutdown(payload)
})

describe('demo content', () => {
  it('holds the reference article with every table, FAQ and link', async () => {
    const article = await readSeedArticle(payload)
    expect(article.title).toBe('AI Engineer vs ML Engineer: Roles, Salary, and Career Path')
    expect(typeof article.id).toBe('string')
    expect(article._status).toBe('published')
    expect(typeof article.category === 'object' && article.category?.title).toBe('Comparisons')

    const content = article.content as LexicalRoot
    const [salaryBlock] = blocksOf(content, 'salaryTable')
    const table = salaryBlock.table as SalaryTable
    expect(table.rows).toHaveLength(6)
    expect(blocksOf(content, 'dataTable').map((block) => block.caption)).toHaveLength(2)
    const faqs = blocksOf(content, 'faqList')[0].faqs as { question: string }[]
    expect(faqs.map((faq) => faq.question)).toHaveLength(3)
    expect(blocksOf(content, 'recommendedReading')).toHaveLength(1)
    expect(blocksOf(content, 'callout').map((block) => block.label)).toEqual(
      expect.arrayContaining(['Data Hook', 'Key Insights', 'Analysis', 'Critical Delta']),
    )
    expect((article.relatedPosts ?? []).length).toBeGreaterThanOrEqual(2)
  })

  it('computes every total from its parts and the 22% premium from the figures', async () => {
    const { docs } = await payload.find({ collection: 'salary-tables', overrideAccess: false })
    const rows = docs[0].rows
    for (const row of rows) expect(row.total).toBe(row.base + row.equity + row.bonus)
    const total = (role: string) =>
      rows.find((row) => row.role === role && row.tier.startsWith('FAANG+'))?.total as number
    expect(total('AI Engineer')).toBe(210_000)
    expect(total('ML Engineer')).toBe(172_000)
    expect(Math.round(((total('AI Engineer') - total('ML Engineer')) / total('ML Engineer')) * 100)).toBe(22)
  })

  it('has at least four published articles in at least two categories, and seeding again adds nothing', async () => {
    const { docs } = await payload.find({ collection: 'articles', overrideAccess: false, depth: 0, limit: 100 })
    expect(docs.length).toBeGreaterThanOrEqual(4)
    expect(new Set(docs.map((doc) => doc.category)).size).toBeGreaterThanOrEqual(2)
    expect((await seedDemo(payload)).created).toBe(0)
  })
})

describe('REST and GraphQL', () => {
  it('serves published articles to anonymous clients and never a draft', async () => {
    const draft = await api.rest<{ doc: Article }>('POST', '/articles?draft=true', {
      token: adminToken,
      body: {
        title: 'Unreleased salary scoop',
        excerpt: 'Not yet.',
        category: (await readSeedArticle(payload)).category,
        content: (await readSeedArticle(payload)).content,
        _status: 'draft',
      },
    })
    expect(draft.status).toBe(201)
    const draftId = draft.body.doc.id

    const list = await api.rest<{ docs: Article[] }>('GET', '/articles?limit=100&depth=0')
    expect(list.status).toBe(200)
    expect(list.body.docs.map((doc) => doc.slug)).toContain(SEED_SLUG)
    expect(list.body.docs.map((doc) => doc.id)).not.toContain(draftId)

    for (const path of [`/articles/${draftId}`, `/articles/${draftId}?draft=true`]) {
      const single = await api.rest('GET', path)
      expect(single.status, path).toBeGreaterThanOrEqual(400)
      expect(JSON.stringify(single.body)).not.toContain('Unreleased salary scoop')
    }
    const byStatus = await api.rest<{ docs: Article[] }>('GET', '/articles?where[_status][equals]=draft&draft=true')
    expect(byStatus.body.docs ?? []).toHaveLength(0)

    const graph = await api.gql<{ Articles: { docs: { title: string }[] } }>(
      '{ Articles(draft: true, limit: 100) { docs { title } } }',
    )
    expect(graph.body.data?.Articles.docs.map((doc) => doc.title)).not.toContain('Unreleased salary scoop')
    expect(graph.body.data?.Articles.docs.length).toBeGreaterThanOrEqual(4)

    const asAdmin = await api.rest<Article>('GET', `/articles/${draftId}?draft=true`, { token: adminToken })
    expect(asAdmin.status).toBe(200)
    expect(asAdmin.body.title).toBe('Unreleased salary scoop')
  })

  it('refuses a negative salary with HTTP 400 naming the field, and stores nothing', async () => {
    const before = await payload.count({ collection: 'salary-tables', overrideAccess: true })
    const response = await api.rest('POST', '/salary-tables', {
      token: adminToken,
      body: {
        title: 'Broken table',
        asOf: '2026-06-01',
        rows: [{ role: 'AI Engineer', tier: 'FAANG+', base: -5, equity: 0, bonus: 0, source: 'Levels.fyi (2023)' }],
        _status: 'published',
      },
    })
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body)).toMatch(/rows\.0\.base/)
    expect((await payload.count({ collection: 'salary-tables', overrideAccess: true })).totalDocs).toBe(
      before.totalDocs,
    )
  })
})
