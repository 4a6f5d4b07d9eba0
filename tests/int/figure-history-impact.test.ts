import type { Payload, SanitizedConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, SalaryTable } from '@payload-types'
import { loadFigureChanges, visibleChanges } from '@/salary-tables/history'
import { figureNodes, resolveFigures } from '@/figures/resolve'
import { block, figure, paragraph, richText } from '@/seed/lexical'

import { createUser, seedDemo } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'
import { apiClient } from '../helpers/rest'

/**
 * "What changed" entries an editor hides, and the warning a salary-table save gives when figures
 * in articles lose their cell. Each test works on a table and an article of its own.
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
  const editorUser = await createUser(payload, 'editor')
  const authorUser = await createUser(payload, 'author')
  editor = await api.login(editorUser.email, editorUser.password)
  author = await api.login(authorUser.email, authorUser.password)
  categoryId = (await payload.find({ collection: 'categories', limit: 1 })).docs[0].id
})

afterAll(async () => {
  await shutdown(payload)
})

const ROWS = [
  { role: 'Data Engineer', tier: 'Big Tech', base: 150_000, equity: 40_000, bonus: 10_000, source: 'Survey' },
  { role: 'Data Engineer', tier: 'Startup', base: 120_000, equity: 20_000, bonus: 5_000, source: 'Survey' },
]

async function tableWithArticle(title: string) {
  const table = (await payload.create({
    collection: 'salary-tables',
    data: { title, currency: 'USD', asOf: '2026-10-01', rows: ROWS, _status: 'published' },
  })) as SalaryTable
  const content = richText(
    paragraph(
      'Big Tech pays ',
      figure({
        source: 'salaryCell',
        table: table.id,
        role: 'Data Engineer',
        tier: 'Big Tech',
        column: 'total',
        format: 'currency',
      }),
      ', startups ',
      figure({
        source: 'salaryCell',
        table: table.id,
        role: 'Data Engineer',
        tier: 'Startup',
        column: 'total',
        format: 'currency',
      }),
      ', a premium of ',
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
      }),
      '.',
    ),
    block('salaryTable', { table: table.id, showChart: false }),
  )
  const article = (await payload.create({
    collection: 'articles',
    data: {
      title: `${title} explained`,
      excerpt: 'Figures that follow their table.',
      category: categoryId,
      content: content as never,
      _status: 'published',
    },
  })) as Article
  return { table, article }
}

const publishRows = (table: SalaryTable, rows: typeof ROWS) =>
  api.rest('PATCH', `/salary-tables/${table.id}`, { token: editor, body: { rows, _status: 'published' } })

const readerArticle = async (id: string) => (await api.rest<Article>('GET', `/articles/${id}?depth=2`)).body

describe('hiding a "What changed" entry', () => {
  it('lists each entry with a stable key; a hidden one leaves what readers get, and stays hidden after later edits', async () => {
    const { table, article } = await tableWithArticle('Data engineer pay, history')
    expect(
      (
        await publishRows(
          table,
          ROWS.map((row, index) => (index === 0 ? { ...row, base: 160_000 } : row)),
        )
      ).status,
    ).toBe(200)

    const listed = await api.rest('GET', `/articles/${article.id}/figure-changes`, { token: editor })
    expect(listed.status).toBe(200)
    const changes = listed.body.changes as { key: string; text: string; hidden: boolean }[]
    expect(changes.map((change) => change.text.replace(/^\w+ \d{4}: /, ''))).toEqual([
      'Data Engineer · Big Tech total $200,000 → $210,000',
      'Data Engineer · Big Tech base $150,000 → $160,000',
    ])
    expect(changes.every((change) => !change.hidden)).toBe(true)
    const total = changes[0]
    expect(total.key).toMatch(new RegExp(`^${table.id}/[^/]+/Data Engineer · Big Tech/total$`))

    // Anonymous readers get the filtered list on the page, never the keys behind it.
    expect((await api.rest('GET', `/articles/${article.id}/figure-changes`)).status).toBe(403)

    const saved = await api.rest('PATCH', `/articles/${article.id}`, {
      token: editor,
      body: { hiddenChanges: [total.key], _status: 'published' },
    })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)

    const reader = await readerArticle(article.id)
    expect(reader.hiddenChanges).toEqual([total.key])
    const shown = visibleChanges(await loadFigureChanges(payload, [table.id]), reader.hiddenChanges)
    expect(shown.map((change) => change.text.replace(/^\w+ \d{4}: /, ''))).toEqual([
      'Data Engineer · Big Tech base $150,000 → $160,000',
    ])

    // A later edit adds its own entries; the hidden one keeps its key and stays hidden.
    expect(
      (
        await publishRows(
          table,
          ROWS.map((row, index) => (index === 1 ? { ...row, bonus: 7_000 } : { ...row, base: 160_000 })),
        )
      ).status,
    ).toBe(200)
    const after = (await api.rest('GET', `/articles/${article.id}/figure-changes`, { token: editor })).body.changes as {
      key: string
      text: string
      hidden: boolean
    }[]
    expect(after).toHaveLength(4)
    expect(after.filter((change) => change.hidden).map((change) => change.key)).toEqual([total.key])
    expect(
      visibleChanges(await loadFigureChanges(payload, [table.id]), reader.hiddenChanges).map((change) =>
        change.text.replace(/^\w+ \d{4}: /, ''),
      ),
    ).toEqual([
      'Data Engineer · Startup total $145,000 → $147,000',
      'Data Engineer · Startup bonus $5,000 → $7,000',
      'Data Engineer · Big Tech base $150,000 → $160,000',
    ])
  })

  it('refuses a hidden entry that is not text', async () => {
    const { article } = await tableWithArticle('Data engineer pay, bad input')
    const response = await api.rest('PATCH', `/articles/${article.id}`, {
      token: editor,
      body: { hiddenChanges: [{ key: 1 }] },
    })
    expect(response.status).toBe(400)
  })
})

describe('saving a salary table that breaks figures', () => {
  it('saves once confirmed, and the impact names the articles and the figures that now show their last published value', async () => {
    const { table, article } = await tableWithArticle('Data engineer pay, impact')
    const before = await api.rest('GET', `/salary-tables/${table.id}/impact`, { token: editor })
    expect(before.status).toBe(200)
    expect(before.body).toMatchObject({
      brokenFigures: 0,
      message: null,
      summary: null,
      table: { id: table.id, published: true },
    })
    expect(before.body.articles).toEqual([
      expect.objectContaining({ id: article.id, title: 'Data engineer pay, impact explained', figures: 3, broken: [] }),
    ])

    // The Startup row goes: its figure and the premium lose their cell. Publishing that needs the
    // editor's confirmation (tests/int/figure-preview.test.ts); confirmed, the save goes through.
    expect((await publishRows(table, [ROWS[0]])).status).toBe(400)
    const confirmed = await api.rest('PATCH', `/salary-tables/${table.id}`, {
      token: editor,
      body: { rows: [ROWS[0]], _status: 'published', confirmContradictions: true },
    })
    expect(confirmed.status).toBe(200)
    const after = await api.rest('GET', `/salary-tables/${table.id}/impact`, { token: editor })
    expect(after.body.brokenFigures).toBe(2)
    expect(after.body.articles[0].broken).toEqual([
      {
        figure: 'Data Engineer · Startup total',
        reason: 'no row Data Engineer · Startup in “Data engineer pay, impact”',
        shown: '$145,000',
      },
      {
        figure: 'premium of Data Engineer · Big Tech total over Data Engineer · Startup total',
        reason: 'no row Data Engineer · Startup in “Data engineer pay, impact”',
        shown: '38%',
      },
    ])
    expect(after.body.summary).toBe(
      'This table is used by 1 article: “Data engineer pay, impact explained”. 2 figures now point to a missing row and show their last published value',
    )
    expect(after.body.message).toBe(
      'This table is used by 1 article: “Data engineer pay, impact explained”. 2 figures now point to a missing row and show their last published value: ' +
        '“Data engineer pay, impact explained”: Data Engineer · Startup total (shows $145,000); ' +
        '“Data engineer pay, impact explained”: premium of Data Engineer · Big Tech total over Data Engineer · Startup total (shows 38%).',
    )

    // Readers see the last published values where the cell has gone, and the live value elsewhere.
    const reader = await readerArticle(article.id)
    resolveFigures(reader.content)
    expect(figureNodes(reader.content).map((node) => node.display)).toEqual(['$200,000', '$145,000', '38%'])

    // Unpublished, the table breaks every figure that cites it.
    await payload.update({ collection: 'salary-tables', id: table.id, data: { _status: 'draft' } })
    const unpublished = await api.rest('GET', `/salary-tables/${table.id}/impact`, { token: editor })
    expect(unpublished.body).toMatchObject({ brokenFigures: 3, table: { published: false } })
    expect(unpublished.body.message).toMatch(
      /^This table is used by 1 article: “Data engineer pay, impact explained”\. It is not published, so 3 figures show their last published value: /,
    )
  })

  it('is for editors only', async () => {
    const table = (await payload.find({ collection: 'salary-tables', limit: 1, depth: 0 })).docs[0]
    expect((await api.rest('GET', `/salary-tables/${table.id}/impact`)).status).toBe(403)
    expect((await api.rest('GET', `/salary-tables/${table.id}/impact`, { token: author })).status).toBe(403)
    expect((await api.rest('GET', `/salary-tables/not-a-table/impact`, { token: editor })).status).toBe(404)
  })
})
