/**
 * Figures in prose: an inline `figure` node names a cell (or two) of a salary table or of a data
 * table in the same article, and a format. Its text is computed here, from the live data, whenever
 * the article is read, so a figure in a sentence can never disagree with the table it comes from.
 */
import type { DataTableBlock, FigureBlock, SalaryTable } from '@payload-types'
import { formatMoney, formatNumber, parseNumericCell } from '@/lib/format'
import { columnValue, findRow, rowName, type PayColumn } from '@/salary-tables/model'

export type FigureFields = Omit<FigureBlock, 'blockType'> & { blockType?: string }

export type FigureResult = { ok: true; value: number; text: string } | { ok: false; reason: string }

/** What a figure needs from the article it stands in: its data tables, by caption. */
export type FigureContext = { dataTables: Pick<DataTableBlock, 'caption' | 'columns' | 'rows'>[] }

const same = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase()

type Cell = { role?: string | null; tier?: string | null; column: PayColumn }

function salaryCell(table: FigureFields['table'], { role, tier, column }: Cell): number | string {
  if (!table || typeof table !== 'object') return 'the salary table is not published'
  const row = findRow((table as SalaryTable).rows, { role, tier })
  if (!row) return `no row ${rowName({ role, tier })} in “${(table as SalaryTable).title}”`
  const value = columnValue(row, column)
  return typeof value === 'number' ? value : `no ${column} in ${rowName({ role, tier })}`
}

function dataCell(
  context: FigureContext,
  caption: string | null | undefined,
  rowLabel: string | null | undefined,
  columnLabel: string | null | undefined,
): number | string {
  const table = context.dataTables.find((candidate) => same(candidate.caption, caption))
  if (!table) return `no data table captioned “${caption ?? ''}” in this article`
  const columnIndex = table.columns.findIndex((column) => same(column.label, columnLabel))
  if (columnIndex < 0) return `no column “${columnLabel ?? ''}” in “${table.caption}”`
  const row = table.rows.find((candidate) => same(candidate.cells[0]?.value, rowLabel))
  if (!row) return `no row “${rowLabel ?? ''}” in “${table.caption}”`
  const value = parseNumericCell(row.cells[columnIndex]?.value ?? '')
  return value ?? `“${rowLabel}” / “${columnLabel}” is not a number`
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

export function resolveFigure(fields: FigureFields, context: FigureContext): FigureResult {
  let value: number | string
  let currency = 'USD'
  if (fields.source === 'salaryCell' || fields.source === 'salaryComparison') {
    const column = (fields.column ?? 'total') as PayColumn
    if (fields.table && typeof fields.table === 'object') currency = (fields.table as SalaryTable).currency || 'USD'
    const a = salaryCell(fields.table, { role: fields.role, tier: fields.tier, column })
    if (fields.source === 'salaryCell' || typeof a === 'string') value = a
    else {
      const compared = {
        role: fields.compareRole,
        tier: fields.compareTier,
        column: (fields.compareColumn ?? column) as PayColumn,
      }
      const b = salaryCell(fields.table, compared)
      value = typeof b === 'string' ? b : combine(a, b, fields.operation)
    }
  } else {
    const a = dataCell(context, fields.dataTableCaption, fields.rowLabel, fields.columnLabel)
    if (fields.source === 'dataCell' || typeof a === 'string') value = a
    else {
      const b = dataCell(
        context,
        fields.dataTableCaption,
        fields.compareRowLabel,
        fields.compareColumnLabel || fields.columnLabel,
      )
      value = typeof b === 'string' ? b : combine(a, b, fields.operation ?? 'ratio')
    }
  }
  if (typeof value === 'string') return { ok: false, reason: value }
  return { ok: true, value, text: formatFigure(value, fields, currency) }
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

export function figureContext(content: unknown): FigureContext {
  const dataTables: FigureContext['dataTables'] = []
  visit(content, (node) => {
    if (node.type === 'block' && node.fields?.blockType === 'dataTable')
      dataTables.push(node.fields as unknown as DataTableBlock)
  })
  return { dataTables }
}

/**
 * Writes each figure's current text into its node (`display`), for the renderer. A figure whose
 * target has gone keeps showing `lastValue`, the value it had when the article was last saved.
 */
export function resolveFigures(content: unknown): {
  resolved: number
  broken: { fields: FigureFields; reason: string }[]
} {
  const context = figureContext(content)
  const broken: { fields: FigureFields; reason: string }[] = []
  let resolved = 0
  for (const fields of figureNodes(content)) {
    const result = resolveFigure(fields, context)
    if (result.ok) {
      fields.display = result.text
      resolved++
    } else {
      fields.display = fields.lastValue || '—'
      broken.push({ fields, reason: result.reason })
    }
  }
  return { resolved, broken }
}
