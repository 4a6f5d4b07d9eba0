import type { Payload } from 'payload'

import { formatMoney } from '@/lib/format'

import { columnValue, PAY_COLUMNS, rowKey, rowName, type SalaryRow } from './model'

/** One published version of a salary table: its version id, when it was published, its figures. */
export type Snapshot = { id: string; at: string; rows: SalaryRow[]; currency: string }

/**
 * One line of "What changed". `key` names the entry for good (table, the version that made the
 * change, row, column), so an editor's choice to hide it survives later edits of the table.
 */
export type FigureChange = { key: string; at: string; text: string }

const monthYear = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' })

/** The stable name of a "What changed" entry; `what` is a column, `added` or `removed`. */
export const changeKey = (tableId: string, versionId: string, row: Pick<SalaryRow, 'role' | 'tier'>, what: string) =>
  `${tableId}/${versionId}/${rowName({ role: row.role.trim(), tier: row.tier.trim() })}/${what}`

/**
 * Readers' "What changed": the differences between consecutive published versions of a salary
 * table, newest first ("Nov 2026: AI Engineer · FAANG+ (L5-L7) total $210,000 → $220,000").
 */
export function figureChanges(tableId: string, snapshotsNewestFirst: Snapshot[]): FigureChange[] {
  const changes: FigureChange[] = []
  for (let index = 0; index < snapshotsNewestFirst.length - 1; index++) {
    const newer = snapshotsNewestFirst[index]
    const older = snapshotsNewestFirst[index + 1]
    const when = monthYear.format(new Date(newer.at))
    const money = (amount: number) => formatMoney(amount, newer.currency)
    const entry = (row: SalaryRow, what: string, text: string) =>
      changes.push({ key: changeKey(tableId, newer.id, row, what), at: newer.at, text: `${when}: ${text}` })
    const before = new Map(older.rows.map((row) => [rowKey(row), row]))
    for (const row of newer.rows) {
      const previous = before.get(rowKey(row))
      const name = rowName(row)
      if (!previous) {
        entry(row, 'added', `${name} added, total ${money(columnValue(row, 'total'))}`)
        continue
      }
      before.delete(rowKey(row))
      for (const column of PAY_COLUMNS) {
        const [from, to] = [columnValue(previous, column), columnValue(row, column)]
        if (from !== to) entry(row, column, `${name} ${column} ${money(from)} → ${money(to)}`)
      }
    }
    for (const removed of before.values()) entry(removed, 'removed', `${rowName(removed)} removed`)
  }
  return changes
}

/**
 * Every "What changed" entry of the given salary tables, newest first. Only published versions
 * are read, and only their figures (public in any case) leave this function, so it reads versions
 * with access overridden: readers never have the right to list versions themselves.
 */
export async function loadFigureChanges(payload: Payload, tableIds: string[]): Promise<FigureChange[]> {
  const changes: FigureChange[] = []
  for (const id of tableIds) {
    const { docs } = await payload.findVersions({
      collection: 'salary-tables',
      where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] },
      sort: '-updatedAt',
      limit: 50,
      depth: 0,
      overrideAccess: true,
    })
    const snapshots = docs.map((doc) => ({
      id: String(doc.id),
      at: doc.updatedAt,
      rows: doc.version.rows ?? [],
      currency: doc.version.currency || 'USD',
    }))
    changes.push(...figureChanges(id, snapshots))
  }
  return changes.sort((a, b) => b.at.localeCompare(a.at))
}

/** What readers see: every entry but those the article's editors chose to hide. */
export const visibleChanges = (
  changes: FigureChange[],
  hidden: readonly (string | null | undefined)[] | null | undefined,
) => {
  const skip = new Set((hidden ?? []).filter(Boolean))
  return skip.size ? changes.filter((change) => !skip.has(change.key)) : changes
}
