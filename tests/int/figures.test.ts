import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SalaryTable } from '@payload-types'
import { relationId } from '@/lib/lexical'
import { figureChanges } from '@/salary-tables/history'
import { figureNodes, formatFigure, resolveFigure, resolveFigures } from '@/figures/resolve'
import { figure, paragraph, richText } from '@/seed/lexical'

import { readSeedArticle, seedDemo } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'

let payload: Payload
let table: SalaryTable

beforeAll(async () => {
  ;({ payload } = await bootPayload())
  await seedDemo(payload)
  table = (await payload.find({ collection: 'salary-tables', limit: 1 })).docs[0]
})

afterAll(async () => {
  await shutdown(payload)
})

describe('figure formatting', () => {
  it('formats currency, percent, multiplier and plain numbers with the requested rounding', () => {
    expect(formatFigure(210000, { format: 'currency', decimals: 0 })).toBe('$210,000')
    expect(formatFigure(22.093, { format: 'percent', decimals: 0 })).toBe('22%')
    expect(formatFigure(22.093, { format: 'percent', decimals: 1 })).toBe('22.1%')
    expect(formatFigure(3.52, { format: 'multiplier', decimals: 1 })).toBe('3.5x')
    expect(formatFigure(44000, { format: 'plain', decimals: 0 })).toBe('44,000')
    expect(formatFigure(1234.5, { format: 'currency', decimals: 2 }, 'EUR')).toBe('€1,234.50')
  })
})

describe('figures in the seed article', () => {
  it('compute the lead paragraph and Key Insights from the tables: $210,000, 22%, $172,000, 3.5x', async () => {
    const article = await readSeedArticle(payload)
    const { broken } = resolveFigures(article.content)
    expect(broken).toEqual([])
    expect(figureNodes(article.content).map((node) => node.display)).toEqual([
      '$210,000',
      '22%',
      '$172,000',
      '3.5x',
      '22%',
    ])
  })

  it('stored each figure’s value on save, for when its cell disappears', async () => {
    const article = await readSeedArticle(payload)
    expect(figureNodes(article.content).map((node) => node.lastValue)).toEqual([
      '$210,000',
      '22%',
      '$172,000',
      '3.5x',
      '22%',
    ])
  })

  it('follow an edited salary figure, and fall back to the last value when the row is gone', async () => {
    const rows = table.rows.map((row) =>
      row.role === 'AI Engineer' && row.tier.startsWith('FAANG+') ? { ...row, base: 175_000 } : row,
    )
    const updated = await payload.update({ collection: 'salary-tables', id: table.id, data: { rows } })
    const article = await readSeedArticle(payload)
    resolveFigures(article.content)
    const displays = figureNodes(article.content).map((node) => node.display)
    expect(displays[0]).toBe('$220,000')
    expect(displays[1]).toBe('28%') // (220,000 − 172,000) / 172,000 = 27.9%

    // "What changed" reads the published versions: the edit shows, newest first, with the total it moved.
    const { docs: versions } = await payload.findVersions({
      collection: 'salary-tables',
      where: { parent: { equals: table.id } },
      sort: '-updatedAt',
    })
    const changes = figureChanges(
      table.id,
      versions.map((doc) => ({ id: String(doc.id), at: doc.updatedAt, rows: doc.version.rows, currency: 'USD' })),
    )
    expect(changes.map((change) => change.text.replace(/^\w+ \d{4}: /, ''))).toEqual([
      'AI Engineer · FAANG+ (L5-L7) total $210,000 → $220,000',
      'AI Engineer · FAANG+ (L5-L7) base $165,000 → $175,000',
    ])

    const withoutRow = resolveFigure(
      {
        ...figureNodes(article.content)[0],
        table: { ...updated, rows: updated.rows.filter((row) => row.role !== 'AI Engineer') },
      },
      { dataTables: [] },
    )
    expect(withoutRow.ok).toBe(false)
    // On the page, a figure whose row is gone shows the value it had at the last save.
    const orphan = richText(
      paragraph(figure({ ...figureNodes(article.content)[0], role: 'Quant Engineer', lastValue: '$210,000' })),
    )
    const { broken } = resolveFigures(orphan)
    expect(broken).toHaveLength(1)
    expect(figureNodes(orphan)[0].display).toBe('$210,000')
    await payload.update({ collection: 'salary-tables', id: table.id, data: { rows: table.rows } })
  })
})

describe('dependency index', () => {
  it('lists a salary table cited only by a figure, and drops it when the figure goes', async () => {
    const category = (await payload.find({ collection: 'categories', limit: 1 })).docs[0]
    const cites = richText(
      paragraph(
        'AI Engineers at FAANG+ earn ',
        figure({
          source: 'salaryCell',
          table: table.id,
          role: 'AI Engineer',
          tier: 'FAANG+ (L5-L7)',
          column: 'total',
          format: 'currency',
        }),
        '.',
      ),
    )
    const article = await payload.create({
      collection: 'articles',
      data: {
        title: 'A one-figure note',
        excerpt: 'Cites one figure.',
        category: category.id,
        content: cites as never,
        _status: 'published',
      },
    })
    expect((article.salaryTables ?? []).map(relationId)).toEqual([table.id])
    expect(figureNodes(article.content)[0].lastValue).toBe('$210,000')

    const plain = await payload.update({
      collection: 'articles',
      id: article.id,
      data: { content: richText(paragraph('No figures any more.')) as never },
    })
    expect(plain.salaryTables ?? []).toEqual([])
  })
})
