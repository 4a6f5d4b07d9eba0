import type { SalaryTable } from '@payload-types'
import { formatMoney } from '@/lib/format'

type Row = SalaryTable['rows'][number]
type Snapshot = { at: string; rows: Row[]; currency: string }

export type FigureChange = { at: string; text: string }

const COLUMNS = [
  { key: 'total', label: 'total' },
  { key: 'base', label: 'base' },
  { key: 'equity', label: 'equity' },
  { key: 'bonus', label: 'bonus' },
] as const

const rowKey = (row: Row) => `${row.role.trim().toLowerCase()}\u0000${row.tier.trim().toLowerCase()}`
const value = (row: Row, key: (typeof COLUMNS)[number]['key']) => (key === 'total' ? row.base + row.equity + row.bonus : row[key])

const monthYear = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' })

/**
 * Readers' "What changed": the differences between consecutive published versions of a salary
 * table, newest first ("Nov 2026: AI Engineer · FAANG+ (L5-L7) total $210,000 → $220,000").
 */
export function figureChanges(snapshotsNewestFirst: Snapshot[]): FigureChange[] {
  const changes: FigureChange[] = []
  for (let index = 0; index < snapshotsNewestFirst.length - 1; index++) {
    const newer = snapshotsNewestFirst[index]
    const older = snapshotsNewestFirst[index + 1]
    const when = monthYear.format(new Date(newer.at))
    const money = (amount: number) => formatMoney(amount, newer.currency)
    const before = new Map(older.rows.map((row) => [rowKey(row), row]))
    for (const row of newer.rows) {
      const previous = before.get(rowKey(row))
      const name = `${row.role} · ${row.tier}`
      if (!previous) {
        changes.push({ at: newer.at, text: `${when}: ${name} added, total ${money(value(row, 'total'))}` })
        continue
      }
      before.delete(rowKey(row))
      for (const column of COLUMNS) {
        if (value(previous, column.key) !== value(row, column.key)) {
          changes.push({ at: newer.at, text: `${when}: ${name} ${column.label} ${money(value(previous, column.key))} → ${money(value(row, column.key))}` })
        }
      }
    }
    for (const removed of before.values()) changes.push({ at: newer.at, text: `${when}: ${removed.role} · ${removed.tier} removed` })
  }
  return changes
}
