/**
 * What a salary table is, in one place: its row, how a row is named and matched (role · tier), how
 * its total is made, its columns and its limits. Pure, so the admin's client components, the
 * collection, the CSV tools, "What changed", figures and the public views all agree.
 */
import type { SalaryTable } from '@payload-types'

export type SalaryRow = SalaryTable['rows'][number]

/** The parts a total adds up, in the order they are shown and exported. */
export const PAY_PARTS = ['base', 'equity', 'bonus'] as const
export type PayPart = (typeof PAY_PARTS)[number]

/** Every amount of a row that a figure or a "What changed" entry can name, total first. */
export const PAY_COLUMNS = ['total', ...PAY_PARTS] as const
export type PayColumn = (typeof PAY_COLUMNS)[number]

/** The columns' names on the form and in the public table's header. */
export const COLUMN_LABELS: Record<PayColumn, string> = {
  total: 'Total compensation',
  base: 'Base salary',
  equity: 'Equity / year',
  bonus: 'Bonus',
}

/** Shorter names where space is tight: the figure's column picker, the chart's legend. */
export const SHORT_COLUMN_LABELS: Record<PayColumn, string> = {
  total: 'Total',
  base: 'Base',
  equity: 'Equity / year',
  bonus: 'Bonus',
}

/** What a row holds besides its id and stored total: the shape of an import and of a diff. */
export type RowFigures = Pick<SalaryRow, 'role' | 'tier' | PayPart | 'source'>

/** A table holds at most this many rows (the form, the API and the CSV import all refuse more). */
export const MAX_ROWS = 100
/** Longest text each row's text columns take. */
export const TEXT_LIMITS = { role: 100, tier: 100, source: 200 } as const

type Parts = { [part in PayPart]?: unknown }

/** Base + equity + bonus. Tolerates a half-typed form: a part that is not a number counts 0. */
export function rowTotal(row: Parts): number {
  const part = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0)
  return part(row.base) + part(row.equity) + part(row.bonus)
}

/** One amount of a row; the total is always computed from the parts, never read. */
export const columnValue = (row: Pick<SalaryRow, PayPart>, column: PayColumn): number =>
  column === 'total' ? rowTotal(row) : row[column]

type Named = { role?: unknown; tier?: unknown }

const keyPart = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : '')

/**
 * What identifies a row: its role and tier, whatever the spacing and letter case. Each table holds
 * a key once, and figures, imports and "What changed" match rows on it.
 */
export const rowKey = (row: Named): string => `${keyPart(row.role)}\u0000${keyPart(row.tier)}`

const isNamed = (row: Named) => typeof row.role === 'string' && typeof row.tier === 'string'

/** Whether two rows (or a row and a figure's role and tier) are the same row. */
export const sameRow = (a: Named, b: Named): boolean => isNamed(a) && isNamed(b) && rowKey(a) === rowKey(b)

/** The row with this role and tier, if the table has it. */
export const findRow = <Row extends Named>(rows: readonly Row[] | null | undefined, wanted: Named): Row | undefined =>
  (rows ?? []).find((row) => sameRow(row, wanted))

/** How editors and readers read a row's name: "AI Engineer · FAANG+ (L5-L7)"; "?" for a missing part. */
export const rowName = (row: Named): string => `${row.role ?? '?'} · ${row.tier ?? '?'}`
