import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, Faq } from '@payload-types'
import { cardPopulate, cardSelect, toCard } from '@/data/cards'
import { readPublishedArticleEntries } from '@/data/feeds'
import { readAsReader } from '@/data/read'
import { liveNote, liveSummary } from '@/figures/summary'
import { figure, paragraph, richText as lexical } from '@/seed/lexical'

import { bootDemo } from '../helpers/demo'
import { shutdown } from '../helpers/payload'
import { apiClient } from '../helpers/rest'

/**
 * Numbers in the short texts beside the body (src/figures/summary.ts): an excerpt that says "22%"
 * when the article's figure says 22% follows the figure on every page that shows the excerpt,
 * while the REST field keeps the editor's text. The case: a premium figure moving from
 * 22% to 25%.
 */
let payload: Payload
let api: ReturnType<typeof apiClient>
let adminToken: string

const richText = (...nodes: Parameters<typeof lexical>) => lexical(...nodes) as never

beforeAll(async () => {
  ;({ payload, api, adminToken } = await bootDemo())
})

afterAll(async () => {
  await shutdown(payload)
})

async function premiumFixture() {
  const stamp = Math.random().toString(36).slice(2, 8)
  const rows = [
    { role: 'AI Engineer', tier: 'Big', base: 100_000, equity: 22_000, bonus: 0, source: 'Survey' },
    { role: 'ML Engineer', tier: 'Big', base: 100_000, equity: 0, bonus: 0, source: 'Survey' },
  ]
  const table = await payload.create({
    collection: 'salary-tables',
    data: { title: `Premium ${stamp}`, currency: 'USD', asOf: '2026-01-01', rows, _status: 'published' },
    overrideAccess: true,
  })
  const premium = figure({
    source: 'salaryComparison',
    table: table.id,
    role: 'AI Engineer',
    tier: 'Big',
    column: 'total',
    compareRole: 'ML Engineer',
    compareTier: 'Big',
    compareColumn: 'total',
    operation: 'premium',
    format: 'percent',
  })
  const [category] = (await payload.find({ collection: 'categories', limit: 1, overrideAccess: true })).docs
  const article = await payload.create({
    collection: 'articles',
    data: {
      title: `Premium article ${stamp}`,
      excerpt: `AI Engineers earn a 22% premium (${stamp}).`,
      meta: { description: `A 22% premium, and 122% of nothing (${stamp}).` },
      category: category.id,
      content: richText(paragraph('They earn ', premium, ' more.')),
      _status: 'published',
    },
    overrideAccess: true,
  })
  return { stamp, table, rows, article }
}

describe('numbers in excerpts and descriptions', () => {
  it('are bound to the figure they equal when saved, and follow it on every page that shows them', async () => {
    const { stamp, table, rows, article } = await premiumFixture()
    expect(article.summaryFigures).toEqual([
      expect.objectContaining({ field: 'excerpt', text: '22%' }),
      expect.objectContaining({ field: 'metaDescription', text: '22%' }),
    ])

    // The table moves: AI total 125,000 over ML 100,000 is a 25% premium.
    await payload.update({
      collection: 'salary-tables',
      id: table.id,
      data: { rows: [{ ...rows[0], equity: 25_000 }, rows[1]] },
      overrideAccess: true,
    })

    // Cards (home, blog, categories, related, search) read the article as readers do.
    const card = await readAsReader(async (reader) => {
      const { docs } = await reader.find({
        collection: 'articles',
        where: { id: { equals: article.id } },
        depth: 1,
        select: cardSelect,
        populate: cardPopulate,
      })
      return toCard(docs[0])
    })
    expect(card.excerpt).toBe(`AI Engineers earn a 25% premium (${stamp}).`)
    // The feed.
    const entry = (await readPublishedArticleEntries()).find((candidate) => candidate.id === article.id)
    expect(entry?.excerpt).toBe(`AI Engineers earn a 25% premium (${stamp}).`)
    // The page's meta, Open Graph and JSON-LD descriptions: only the bound number moves, not 122%.
    const page = await readAsReader((reader) =>
      reader.findOne({ collection: 'articles', where: { id: { equals: article.id } }, depth: 2 }),
    )
    const live = liveSummary(page as Article)
    expect(live.excerpt).toBe(`AI Engineers earn a 25% premium (${stamp}).`)
    expect(live.meta?.description).toBe(`A 25% premium, and 122% of nothing (${stamp}).`)

    // REST keeps the editor's text, as written.
    const rest = await api.rest('GET', `/articles/${article.id}?depth=0`, { token: adminToken })
    expect(rest.body.excerpt).toBe(`AI Engineers earn a 22% premium (${stamp}).`)
  })

  it('stay bound when the table has moved and the article is saved for something else', async () => {
    const { stamp, table, rows, article } = await premiumFixture()
    await payload.update({
      collection: 'salary-tables',
      id: table.id,
      data: { rows: [{ ...rows[0], equity: 25_000 }, rows[1]] },
      overrideAccess: true,
    })
    // The editor renames the article: the excerpt still says 22% as written, which no longer equals
    // the figure (25%), yet readers must go on seeing 25%, and then 30% when the table moves again.
    const renamed = await api.rest('PATCH', `/articles/${article.id}`, {
      token: adminToken,
      body: { title: `Renamed premium article ${stamp}` },
    })
    expect(renamed.status).toBe(200)
    expect(renamed.body.doc.summaryFigures).toEqual([
      expect.objectContaining({ field: 'excerpt', text: '22%' }),
      expect.objectContaining({ field: 'metaDescription', text: '22%' }),
    ])
    await payload.update({
      collection: 'salary-tables',
      id: table.id,
      data: { rows: [{ ...rows[0], equity: 30_000 }, rows[1]] },
      overrideAccess: true,
    })
    const page = await readAsReader((reader) =>
      reader.findOne({ collection: 'articles', where: { id: { equals: article.id } }, depth: 2 }),
    )
    expect(liveSummary(page as Article).excerpt).toBe(`AI Engineers earn a 30% premium (${stamp}).`)

    // A new excerpt is bound anew: its 30% equals the figure now; the old binding is gone with its text.
    const rewritten = await api.rest('PATCH', `/articles/${article.id}`, {
      token: adminToken,
      body: { excerpt: `Now a 30% premium, 22% before (${stamp}).` },
    })
    expect(
      (rewritten.body.doc.summaryFigures as { field: string; text: string }[]).filter((b) => b.field === 'excerpt'),
    ).toEqual([expect.objectContaining({ field: 'excerpt', text: '30%' })])
  })

  it('cannot be set by a client: every save binds them again from the text and the figures', async () => {
    const { article } = await premiumFixture()
    const forged = await api.rest('PATCH', `/articles/${article.id}`, {
      token: adminToken,
      body: { summaryFigures: [{ field: 'excerpt', text: 'AI', figure: { source: 'salaryCell' } }] },
    })
    expect(forged.status).toBe(200)
    expect(forged.body.doc.summaryFigures).toEqual([
      expect.objectContaining({ text: '22%' }),
      expect.objectContaining({ text: '22%' }),
    ])
  })

  it('in a FAQ note follow the figures of its answer', async () => {
    const { table } = await premiumFixture()
    const premium = figure({
      source: 'salaryComparison',
      table: table.id,
      role: 'AI Engineer',
      tier: 'Big',
      column: 'total',
      compareRole: 'ML Engineer',
      compareTier: 'Big',
      compareColumn: 'total',
      operation: 'premium',
      format: 'percent',
    })
    const faq = await payload.create({
      collection: 'faqs',
      data: {
        question: 'How much more?',
        answer: richText(paragraph('About ', premium, ' more.')),
        note: { label: 'Data Point', text: 'A 22% premium at big companies.' },
        _status: 'published',
      },
      overrideAccess: true,
    })
    expect(faq.noteFigures).toEqual([expect.objectContaining({ field: 'note', text: '22%' })])
    await payload.update({
      collection: 'salary-tables',
      id: table.id,
      data: {
        rows: [
          { role: 'AI Engineer', tier: 'Big', base: 100_000, equity: 30_000, bonus: 0, source: 'Survey' },
          { role: 'ML Engineer', tier: 'Big', base: 100_000, equity: 0, bonus: 0, source: 'Survey' },
        ],
      },
      overrideAccess: true,
    })
    const read = (await readAsReader((reader) =>
      reader.findOne({ collection: 'faqs', where: { id: { equals: faq.id } }, depth: 1 }),
    )) as Faq
    expect(liveNote(read)).toBe('A 30% premium at big companies.')
  })
})
