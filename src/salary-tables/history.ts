import type { Payload } from 'payload'

import { figureNodes } from '@/figures/resolve'
import { formatMoney } from '@/lib/format'
import { blocksOf, relationId, type LexicalRoot } from '@/lib/lexical'

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

/** A change and its revert this close together cancel out: the mistake and its fix are not news. */
export const CANCEL_WINDOW_MS = 24 * 60 * 60 * 1000

/**
 * Which of a table's changes an article tells its readers about: those after `since` (when the
 * article began showing the table: its creation or first publication, whichever is later), and,
 * for an article that cites figures without embedding the table, only those of the rows it cites
 * (`rows`, row keys; null: every row).
 */
export type HistoryScope = { since?: string | null; rows?: readonly string[] | null }

type Entry = FigureChange & { index: number; order: number; row: string }

const within = (a: Snapshot, b: Snapshot) => Math.abs(Date.parse(b.at) - Date.parse(a.at)) <= CANCEL_WINDOW_MS

/**
 * Readers' "What changed": the net differences between a table's published versions, newest first
 * ("Nov 2026: AI Engineer · FAANG+ (L5-L7) total $210,000 → $220,000"). Rules:
 * - only changes published after `scope.since`, and of the rows in `scope.rows`;
 * - a cell's changes less than CANCEL_WINDOW_MS apart are one change, from the first value to the
 *   last, and nothing when it ends where it began (a typo and its fix; a version restore);
 * - a row removed and later restored is no news at any distance (its cells' net changes, if any,
 *   are), nor is a row added and removed again within the window.
 */
export function figureChanges(
  tableId: string,
  snapshotsNewestFirst: Snapshot[],
  scope: HistoryScope = {},
): FigureChange[] {
  const all = [...snapshotsNewestFirst].reverse()
  // The state readers of this article first saw: the last version published by `since`.
  const sinceTime = scope.since ? Date.parse(scope.since) : Number.NEGATIVE_INFINITY
  let first = 0
  all.forEach((snapshot, index) => {
    if (Date.parse(snapshot.at) <= sinceTime) first = index
  })
  const snapshots = all.slice(first)
  const wanted = scope.rows ? new Set(scope.rows) : null
  const entries: Entry[] = []
  const keys = new Set(snapshots.flatMap((snapshot) => snapshot.rows.map(rowKey)))
  for (const key of keys) {
    if (wanted && !wanted.has(key)) continue
    const states = snapshots.map((snapshot) => snapshot.rows.find((row) => rowKey(row) === key))
    const entry = (index: number, row: SalaryRow, what: string, text: string, order: number) => {
      const snapshot = snapshots[index]
      entries.push({
        key: changeKey(tableId, snapshot.id, row, what),
        at: snapshot.at,
        text: `${monthYear.format(new Date(snapshot.at))}: ${text}`,
        index,
        order,
        row: key,
      })
    }
    const money = (amount: number, index: number) => formatMoney(amount, snapshots[index].currency)

    // Presence: additions and removals, a removal undone by a later restore cancelled, an addition
    // undone within the window too (and the edits of that short-lived row with it).
    type Event = { index: number; kind: 'added' | 'removed' }
    const events: Event[] = []
    for (let index = 1; index < states.length; index++) {
      if (!states[index - 1] && states[index]) events.push({ index, kind: 'added' })
      if (states[index - 1] && !states[index]) events.push({ index, kind: 'removed' })
    }
    const kept: Event[] = []
    const ghost: [number, number][] = []
    for (const event of events) {
      const last = kept[kept.length - 1]
      const undoesRemoval = last?.kind === 'removed' && event.kind === 'added'
      const undoesAddition =
        last?.kind === 'added' && event.kind === 'removed' && within(snapshots[last.index], snapshots[event.index])
      if (undoesRemoval || undoesAddition) {
        kept.pop()
        if (undoesAddition) ghost.push([last.index, event.index])
      } else kept.push(event)
    }
    const isGhost = (index: number) => ghost.some(([from, to]) => index >= from && index < to)
    for (const event of kept) {
      const row = (event.kind === 'added' ? states[event.index] : states[event.index - 1]) as SalaryRow
      if (event.kind === 'added')
        entry(
          event.index,
          row,
          'added',
          `${rowName(row)} added, total ${money(columnValue(row, 'total'), event.index)}`,
          0,
        )
      else entry(event.index, row, 'removed', `${rowName(row)} removed`, 99)
    }

    // Cells: each column's changes between the versions that have the row, grouped within the
    // window, reported by their net effect.
    const present = states.map((row, index) => ({ row, index })).filter(({ row, index }) => row && !isGhost(index))
    PAY_COLUMNS.forEach((column, columnIndex) => {
      const changes: { from: number; to: number; index: number }[] = []
      for (let step = 1; step < present.length; step++) {
        const [older, newer] = [present[step - 1], present[step]]
        const [from, to] = [columnValue(older.row as SalaryRow, column), columnValue(newer.row as SalaryRow, column)]
        if (from !== to) changes.push({ from, to, index: newer.index })
      }
      let group: typeof changes = []
      const flush = () => {
        if (!group.length) return
        const [start, end] = [group[0], group[group.length - 1]]
        group = []
        if (start.from === end.to) return
        const row = states[end.index] as SalaryRow
        entry(
          end.index,
          row,
          column,
          `${rowName(row)} ${column} ${money(start.from, end.index)} → ${money(end.to, end.index)}`,
          1 + columnIndex,
        )
      }
      for (const change of changes) {
        const previous = group[group.length - 1]
        if (previous && !within(snapshots[previous.index], snapshots[change.index])) flush()
        group.push(change)
      }
      flush()
    })
  }
  // Newest version first; within one, rows in the table's order, each row's cells in column order.
  const position = (entry: Entry) => {
    const rows = snapshots[entry.index].rows.map(rowKey)
    const at = rows.indexOf(entry.row)
    return at < 0 ? rows.length : at
  }
  return entries
    .sort((a, b) => b.index - a.index || position(a) - position(b) || a.order - b.order)
    .map(({ key, at, text }) => ({ key, at, text }))
}

/**
 * The rows of table `tableId` an article shows: all of them when it embeds the table (null), else
 * the rows its figures cite.
 */
export function rowsShown(content: unknown, tableId: string): string[] | null {
  if (blocksOf(content as LexicalRoot, 'salaryTable').some((block) => relationId(block.table) === tableId)) return null
  const rows = new Set<string>()
  for (const figure of figureNodes(content)) {
    if (relationId(figure.table) !== tableId) continue
    rows.add(rowKey(figure))
    if (figure.source === 'salaryComparison') rows.add(rowKey({ role: figure.compareRole, tier: figure.compareTier }))
  }
  return [...rows]
}

/** An article's scope for each table it shows (src/salary-tables/history.ts rules). */
export function articleHistoryScope(
  article: { createdAt?: string | null; publishedAt?: string | null; content?: unknown },
  tableId: string,
): HistoryScope {
  const times = [article.createdAt, article.publishedAt].filter(Boolean).map((value) => Date.parse(value as string))
  const since = times.length ? new Date(Math.max(...times)).toISOString() : null
  return { since, rows: rowsShown(article.content, tableId) }
}

/**
 * Every "What changed" entry of the given salary tables, newest first. Only published versions
 * are read, and only their figures (public in any case) leave this function, so it reads versions
 * with access overridden: readers never have the right to list versions themselves.
 */
export async function loadFigureChanges(
  payload: Payload,
  tableIds: string[],
  scopes: Record<string, HistoryScope> = {},
): Promise<FigureChange[]> {
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
    changes.push(...figureChanges(id, snapshots, scopes[id]))
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
