import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { articleHistoryScope, CANCEL_WINDOW_MS, figureChanges, type Snapshot } from '@/salary-tables/history'
import type { SalaryRow } from '@/salary-tables/model'
import { block, figure, paragraph, richText } from '@/seed/lexical'

/**
 * "What changed" readers can trust: only what an article showed, since it showed it; a change and
 * its revert within a day cancel out; a deleted and restored row is no news.
 */

const HOUR = 60 * 60 * 1000
const T0 = Date.parse('2026-11-02T09:00:00.000Z')

const row = (tier: string, base: number): SalaryRow =>
  ({ role: 'Data Engineer', tier, base, equity: 0, bonus: 0, source: 'Survey' }) as SalaryRow

/** Published versions, oldest first, each `hours` after the first. */
const history = (...versions: [number, SalaryRow[]][]): Snapshot[] =>
  versions
    .map(([hours, rows], index) => ({
      id: `v${index}`,
      at: new Date(T0 + hours * HOUR).toISOString(),
      rows,
      currency: 'USD',
    }))
    .reverse()

const texts = (snapshots: Snapshot[], scope = {}) =>
  figureChanges('t', snapshots, scope).map((change) => change.text.replace(/^\w+ \d{4}: /, ''))

describe('What changed', () => {
  it('a change and its revert within the window cancel out; apart by more than the window, both are news', () => {
    const big = (base: number) => [row('Big', base), row('Small', 100_000)]
    expect(texts(history([0, big(150_000)], [1, big(160_000)], [2, big(150_000)]))).toEqual([])
    expect(texts(history([0, big(150_000)], [1, big(160_000)], [30, big(150_000)]))).toEqual([
      'Data Engineer · Big total $160,000 → $150,000',
      'Data Engineer · Big base $160,000 → $150,000',
      'Data Engineer · Big total $150,000 → $160,000',
      'Data Engineer · Big base $150,000 → $160,000',
    ])
    // A typo and its correction within the window: one change, first value to last.
    expect(texts(history([0, big(150_000)], [1, big(1_600_000)], [1.5, big(160_000)]))).toEqual([
      'Data Engineer · Big total $150,000 → $160,000',
      'Data Engineer · Big base $150,000 → $160,000',
    ])
  })

  it('any sequence of edits that ends where it began within the window is no news', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 100, max: 200 }), { minLength: 1, maxLength: 8 }), (bases) => {
        const step = CANCEL_WINDOW_MS / HOUR / (bases.length + 2)
        const versions: [number, SalaryRow[]][] = [
          [0, [row('Big', 150_000)]],
          ...bases.map((base, index): [number, SalaryRow[]] => [(index + 1) * step, [row('Big', base * 1000)]]),
          [(bases.length + 1) * step, [row('Big', 150_000)]],
        ]
        expect(texts(history(...versions))).toEqual([])
      }),
    )
  })

  it('a deleted and restored row is no news, however long it was gone; its net figure change is', () => {
    const both = (base: number) => [row('Big', base), row('Small', 100_000)]
    const gone = [row('Small', 100_000)]
    expect(texts(history([0, both(150_000)], [1, gone], [2, both(150_000)]))).toEqual([])
    expect(texts(history([0, both(150_000)], [1, gone], [200, both(150_000)]))).toEqual([])
    expect(texts(history([0, both(150_000)], [1, gone], [200, both(155_000)]))).toEqual([
      'Data Engineer · Big total $150,000 → $155,000',
      'Data Engineer · Big base $150,000 → $155,000',
    ])
    // Removed for good: news. Added, then removed within the window: not.
    expect(texts(history([0, both(150_000)], [1, gone]))).toEqual(['Data Engineer · Big removed'])
    expect(texts(history([0, gone], [1, both(150_000)], [2, [row('Small', 100_000)]]))).toEqual([])
    expect(texts(history([0, gone], [1, both(150_000)]))).toEqual(['Data Engineer · Big added, total $150,000'])
  })

  it('lists only what was published after the article began showing the table', () => {
    const snapshots = history([0, [row('Big', 150_000)]], [48, [row('Big', 160_000)]], [96, [row('Big', 170_000)]])
    expect(texts(snapshots)).toHaveLength(4)
    const since = new Date(T0 + 72 * HOUR).toISOString()
    expect(texts(snapshots, { since })).toEqual([
      'Data Engineer · Big total $160,000 → $170,000',
      'Data Engineer · Big base $160,000 → $170,000',
    ])
    expect(texts(snapshots, { since: new Date(T0 + 100 * HOUR).toISOString() })).toEqual([])
  })

  it('an article that only cites figures hears of the rows it cites; one that embeds the table, of every row', () => {
    const cite = figure({ source: 'salaryCell', table: 't', role: 'Data Engineer', tier: 'Small', column: 'total' })
    const citing = { createdAt: new Date(T0).toISOString(), content: richText(paragraph('Small pays ', cite, '.')) }
    const embedding = { createdAt: new Date(T0).toISOString(), content: richText(block('salaryTable', { table: 't' })) }
    const snapshots = history(
      [0, [row('Big', 150_000), row('Small', 100_000)]],
      [48, [row('Big', 160_000), row('Small', 105_000)]],
    )
    expect(texts(snapshots, articleHistoryScope(citing, 't'))).toEqual([
      'Data Engineer · Small total $100,000 → $105,000',
      'Data Engineer · Small base $100,000 → $105,000',
    ])
    expect(texts(snapshots, articleHistoryScope(embedding, 't'))).toHaveLength(4)
    // An article created after every change hears of none of them.
    expect(
      texts(snapshots, articleHistoryScope({ ...embedding, createdAt: new Date(T0 + 50 * HOUR).toISOString() }, 't')),
    ).toEqual([])
  })
})
