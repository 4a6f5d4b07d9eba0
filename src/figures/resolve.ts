/**
 * Figures in prose: an inline `figure` node names a cell (or two) of a salary table or of a data
 * table in the same article, and a format. Its text is computed here, from the live data, whenever
 * the article is read, so a figure in a sentence can never disagree with the table it comes from.
 */
import type { DataTableBlock, FigureBlock, SalaryTable } from '@payload-types'
import { formatMoney, formatNumber, parseNumericCell } from '@/lib/format'
import { columnValue, COLUMN_LABELS, findRow, rowName, type PayColumn } from '@/salary-tables/model'

import { claimVerdict } from './claims'

/** One cell a figure reads: "AI Engineer · FAANG+ (L5-L7), Total compensation", its value, its source. */
export type FigureCell = { label: string; value: string; source: string | null }

/**
 * Where a figure's number comes from, for the reader's provenance note: the table, its as-of date
 * (ISO), the cell or cells and, for a comparison, the formula with the values in it.
 */
export type Provenance = {
  table: string
  asOf: string | null
  /** The row's source (the first cell's, for a comparison whose cells differ: both are listed). */
  source: string
  cells: FigureCell[]
  formula?: string
}

/**
 * Set on a figure's node when the page is read: `display` (its text), `provenance`, and `held`
 * when the table's value contradicts the figure's claim, so the sentence keeps the last value
 * that agreed with it (`lastValue`).
 */
export type FigureFields = Omit<FigureBlock, 'blockType'> & {
  blockType?: string
  provenance?: Provenance | null
  held?: { value: string; claim: string } | null
}

export type FigureResult =
  { ok: true; value: number; text: string; provenance: Provenance } | { ok: false; reason: string }

/**
 * What a figure needs from the article it stands in: its data tables, by caption, and the date
 * their figures count as checked on (the article's last change).
 */
export type FigureContext = { dataTables: Pick<DataTableBlock, 'caption' | 'columns' | 'rows'>[]; asOf?: string | null }

const same = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase()

type Cell = { role?: string | null; tier?: string | null; column: PayColumn }
/** A cell's number and where it stands, or why it cannot be read. */
type Read = { value: number; label: string; source: string | null } | string

function salaryCell(table: FigureFields['table'], { role, tier, column }: Cell): Read {
  if (!table || typeof table !== 'object') return 'the salary table is not published'
  const row = findRow((table as SalaryTable).rows, { role, tier })
  if (!row) return `no row ${rowName({ role, tier })} in “${(table as SalaryTable).title}”`
  const value = columnValue(row, column)
  if (typeof value !== 'number') return `no ${column} in ${rowName({ role, tier })}`
  return { value, label: `${rowName(row)}, ${COLUMN_LABELS[column] ?? column}`, source: row.source || null }
}

function dataCell(
  context: FigureContext,
  caption: string | null | undefined,
  rowLabel: string | null | undefined,
  columnLabel: string | null | undefined,
): Read {
  const table = context.dataTables.find((candidate) => same(candidate.caption, caption))
  if (!table) return `no data table captioned “${caption ?? ''}” in this article`
  const columnIndex = table.columns.findIndex((column) => same(column.label, columnLabel))
  if (columnIndex < 0) return `no column “${columnLabel ?? ''}” in “${table.caption}”`
  const row = table.rows.find((candidate) => same(candidate.cells[0]?.value, rowLabel))
  if (!row) return `no row “${rowLabel ?? ''}” in “${table.caption}”`
  const value = parseNumericCell(row.cells[columnIndex]?.value ?? '')
  if (value === null || value === undefined) return `“${rowLabel}” / “${columnLabel}” is not a number`
  const column = table.columns[columnIndex]
  return {
    value,
    label: `${row.cells[0]?.value ?? rowLabel}, ${column.label}`,
    source: column.source || (table as Pick<DataTableBlock, 'source'>).source || null,
  }
}

export function formatFigure(
  value: number,
  fields: Pick<FigureFields, 'format' | 'decimals'>,
  currency = 'USD',
): string {
  const decimals = Math.min(4, Math.max(0, fields.decimals ?? 0))
  switch (fields.format) {
    case 'currency':
      return formatMoney(value, currency, decimals)
    case 'percent':
      return `${formatNumber(value, decimals)}%`
    case 'multiplier':
      return `${formatNumber(value, decimals)}x`
    default:
      return formatNumber(value, decimals)
  }
}

function combine(a: number, b: number, operation: FigureFields['operation']): number | string {
  if (operation === 'difference') return a - b
  if (b === 0) return 'division by zero'
  return operation === 'premium' ? ((a - b) / b) * 100 : a / b
}

/** The formula of a comparison with its values: "($210,000 − $172,000) / $172,000 × 100 = 22%". */
function formula(operation: FigureFields['operation'], a: string, b: string, result: string): string {
  if (operation === 'difference') return `${a} − ${b} = ${result}`
  if (operation === 'premium') return `(${a} − ${b}) / ${b} × 100 = ${result}`
  return `${a} / ${b} = ${result}`
}

const isoDate = (value: unknown): string | null => {
  if (typeof value !== 'string' && !(value instanceof Date)) return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10)
}

export function resolveFigure(fields: FigureFields, context: FigureContext): FigureResult {
  const salary = fields.source === 'salaryCell' || fields.source === 'salaryComparison'
  const single = fields.source === 'salaryCell' || fields.source === 'dataCell'
  const operation = fields.operation ?? (salary ? 'premium' : 'ratio')
  let currency = 'USD'
  let a: Read
  let b: Read | undefined
  let table: string
  let asOf: string | null
  let cellText = (value: number) => formatNumber(value)
  if (salary) {
    const column = (fields.column ?? 'total') as PayColumn
    const salaryTable = fields.table && typeof fields.table === 'object' ? (fields.table as SalaryTable) : null
    if (salaryTable) currency = salaryTable.currency || 'USD'
    table = salaryTable?.title ?? ''
    asOf = isoDate(salaryTable?.asOf)
    cellText = (value) => formatMoney(value, currency)
    a = salaryCell(fields.table, { role: fields.role, tier: fields.tier, column })
    if (!single && typeof a !== 'string') {
      const compareColumn = (fields.compareColumn ?? column) as PayColumn
      b = salaryCell(fields.table, { role: fields.compareRole, tier: fields.compareTier, column: compareColumn })
    }
  } else {
    table = fields.dataTableCaption ?? ''
    asOf = isoDate(context.asOf)
    a = dataCell(context, fields.dataTableCaption, fields.rowLabel, fields.columnLabel)
    if (!single && typeof a !== 'string')
      b = dataCell(
        context,
        fields.dataTableCaption,
        fields.compareRowLabel,
        fields.compareColumnLabel || fields.columnLabel,
      )
  }
  if (typeof a === 'string') return { ok: false, reason: a }
  if (typeof b === 'string') return { ok: false, reason: b }
  const value = b ? combine(a.value, b.value, operation) : a.value
  if (typeof value === 'string') return { ok: false, reason: value }
  const text = formatFigure(value, fields, currency)
  const cells = [a, ...(b ? [b] : [])].map((cell) => ({
    label: cell.label,
    value: salary || !b ? cellText(cell.value) : formatNumber(cell.value),
    source: cell.source,
  }))
  const sources = [...new Set(cells.map((cell) => cell.source).filter(Boolean))] as string[]
  const provenance: Provenance = {
    table,
    asOf,
    source: sources.join('; '),
    cells,
    ...(b ? { formula: formula(operation, cells[0].value, cells[1].value, text) } : {}),
  }
  return { ok: true, value, text, provenance }
}

type Node = { type?: string; children?: Node[]; fields?: Record<string, unknown>; root?: Node; [key: string]: unknown }

/** Visits every node, including rich text nested in block fields (callouts hold their own editor state). */
function visit(node: unknown, onNode: (node: Node) => void): void {
  if (!node || typeof node !== 'object') return
  if (Array.isArray(node)) {
    for (const item of node) visit(item, onNode)
    return
  }
  const current = node as Node
  if (current.root) visit(current.root, onNode)
  if (typeof current.type === 'string') onNode(current)
  // A populated document in a block (a FAQ of a FAQ list): its rich text fields, such as the answer.
  else if (!current.root)
    for (const value of Object.values(current))
      if (value && typeof value === 'object' && 'root' in value) visit(value, onNode)
  if (Array.isArray(current.children)) visit(current.children, onNode)
  if (current.fields && typeof current.fields === 'object') {
    for (const value of Object.values(current.fields)) if (value && typeof value === 'object') visit(value, onNode)
  }
}

export function figureNodes(content: unknown): FigureFields[] {
  const found: FigureFields[] = []
  visit(content, (node) => {
    if (node.type === 'inlineBlock' && node.fields?.blockType === 'figure') found.push(node.fields as FigureFields)
  })
  return found
}

export function figureContext(content: unknown, asOf?: string | null): FigureContext {
  const dataTables: FigureContext['dataTables'] = []
  visit(content, (node) => {
    if (node.type === 'block' && node.fields?.blockType === 'dataTable')
      dataTables.push(node.fields as unknown as DataTableBlock)
  })
  return { dataTables, asOf }
}

/**
 * What a reader is shown of a resolved figure: its text, or, when the value contradicts the
 * figure's claim ("22% higher" over a negative premium), the last value that agreed with it.
 */
export function shownValue(fields: FigureFields, result: Extract<FigureResult, { ok: true }>) {
  if (claimVerdict(fields, result.value) === 'contradicted' && fields.lastValue)
    return { text: fields.lastValue, held: { value: result.text, claim: fields.claim ?? '' } }
  return { text: result.text, held: null }
}

/**
 * Writes each figure's current text into its node (`display`) with its `provenance`, for the
 * renderer. A figure whose target has gone keeps showing `lastValue`, the value it had when the
 * article was last saved; so does one whose value now contradicts its claim (`held`).
 */
export function resolveFigures(
  content: unknown,
  asOf?: string | null,
): {
  resolved: number
  broken: { fields: FigureFields; reason: string }[]
} {
  const context = figureContext(content, asOf)
  const broken: { fields: FigureFields; reason: string }[] = []
  let resolved = 0
  for (const fields of figureNodes(content)) {
    const result = resolveFigure(fields, context)
    if (result.ok) {
      const shown = shownValue(fields, result)
      fields.display = shown.text
      fields.held = shown.held
      fields.provenance = result.provenance
      resolved++
    } else {
      fields.display = fields.lastValue || '—'
      fields.provenance = null
      broken.push({ fields, reason: result.reason })
    }
  }
  return { resolved, broken }
}
