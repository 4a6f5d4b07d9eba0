/**
 * What one saved version of a salary table changed against the version before it, in the words
 * the admin's version list shows ("AI Engineer · FAANG+ base $165,000 → $170,000"). Pure: the
 * versions view (src/admin/versions) reads the versions and passes them in.
 */
import { formatMoney, formatNumber } from '@/lib/format'

import { diffSalaryRows, rowFigures } from './csv'
import { rowName, type SalaryRow } from './model'

export type TableVersion = {
  title?: string | null
  currency?: string | null
  period?: string | null
  asOf?: string | null
  notes?: string | null
  rows?: SalaryRow[] | null
}

const day = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' })
const date = (value: string | null | undefined) => (value ? day.format(new Date(value)) : '—')
const quoted = (value: string | null | undefined) => (value ? `“${value}”` : '(none)')

/**
 * The rows' changes, matched by role and tier: each amount, source or spelling that changed, the
 * rows added and removed. The total is left out when it only follows its parts. `money` formats
 * amounts (plain "165,000" by default).
 */
export function summarizeRowChanges(
  older: SalaryRow[] | null | undefined,
  newer: SalaryRow[] | null | undefined,
  money: (amount: number) => string = (amount) => formatNumber(amount),
): string[] {
  const show = (value: number | string) => (typeof value === 'number' ? money(value) : quoted(value))
  const lines: string[] = []
  const diff = diffSalaryRows(rowFigures(older), rowFigures(newer))
  for (const row of diff.changed) {
    const changes = row.changes.filter((change) => change.field !== 'total')
    const name = rowName(row)
    for (const change of changes.length ? changes : row.changes)
      lines.push(`${name} ${change.field} ${show(change.from)} → ${show(change.to)}`)
  }
  for (const row of diff.added) lines.push(`Added ${rowName(row)} (total ${money(row.base + row.equity + row.bonus)})`)
  for (const row of diff.removed) lines.push(`Removed ${rowName(row)}`)
  if (diff.reordered) lines.push('Rows reordered')
  return lines
}

/**
 * One line per change, figures first: rows changed (each amount, source or spelling), added and
 * removed, then the table's own fields. The total is left out when it only follows its parts.
 * `older` undefined: the table's first version.
 */
export function summarizeTableVersion(older: TableVersion | undefined, newer: TableVersion): string[] {
  const rows = newer.rows ?? []
  if (!older) return [`Created with ${rows.length} ${rows.length === 1 ? 'row' : 'rows'}`]
  const lines = summarizeRowChanges(older.rows, rows, (amount) => formatMoney(amount, newer.currency || 'USD'))
  if ((older.title ?? '') !== (newer.title ?? '')) lines.push(`Title ${quoted(older.title)} → ${quoted(newer.title)}`)
  if ((older.currency ?? '') !== (newer.currency ?? ''))
    lines.push(`Currency ${older.currency || '—'} → ${newer.currency || '—'}`)
  if ((older.period ?? '') !== (newer.period ?? ''))
    lines.push(`Period ${quoted(older.period)} → ${quoted(newer.period)}`)
  if (date(older.asOf) !== date(newer.asOf)) lines.push(`Figures checked on ${date(older.asOf)} → ${date(newer.asOf)}`)
  if ((older.notes ?? '') !== (newer.notes ?? '')) lines.push('Notes edited')
  return lines
}
