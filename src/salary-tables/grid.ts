/**
 * The salary-table grid of the admin form (collections/SalaryTables/components/RowsGrid): its
 * columns, how a typed or pasted amount is read, and where a pasted block of cells lands. Pure, so
 * the client component and the tests share it.
 */
import { COLUMN_LABELS, MAX_ROWS, PAY_PARTS, SHORT_COLUMN_LABELS, type PayPart } from './model'

/** The grid's columns, left to right, as a spreadsheet of the table would have them. */
export const GRID_COLUMNS = ['role', 'tier', ...PAY_PARTS, 'total', 'source'] as const
export type GridColumn = (typeof GRID_COLUMNS)[number]
/** The columns an editor types into: all but the total, which is computed. */
export type EditableColumn = Exclude<GridColumn, 'total'>

export const GRID_LABELS: Record<GridColumn, string> = {
  role: 'Role',
  tier: 'Company tier',
  ...COLUMN_LABELS,
  source: 'Source',
}

/** The grid's column headings, short so that seven columns fit a laptop's form. */
export const GRID_HEADINGS: Record<GridColumn, string> = {
  role: 'Role',
  tier: 'Company tier',
  ...SHORT_COLUMN_LABELS,
  source: 'Source',
}

export const isAmountColumn = (column: GridColumn): column is PayPart =>
  (PAY_PARTS as readonly string[]).includes(column)
export const isEditable = (column: GridColumn): column is EditableColumn => column !== 'total'
export const EDITABLE_COLUMNS = GRID_COLUMNS.filter(isEditable)

/**
 * An amount as an editor types or pastes it: "165000", "165,000", "$165,000", " 165 000 ". Empty
 * is null (the form then asks for an amount); anything else that is not a number is kept as typed,
 * so the form's own rule names what is wrong ("Enter a number.", "An amount cannot be negative.").
 */
export function readAmount(raw: string): number | string | null {
  const text = raw.trim()
  if (text === '') return null
  const cleaned = text.replace(/[\s,\u00a0\u202f]/g, '').replace(/^(-?)[$€£]/, '$1')
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : text
}

/** A cell's value as the form stores it: text trimmed of its surrounding spaces, amounts read. */
export function readCell(column: EditableColumn, raw: string): string | number | null {
  return isAmountColumn(column) ? readAmount(raw) : raw.trim()
}

/**
 * Cells copied from a spreadsheet: tab-separated columns, one line per row (Excel, Numbers, Google
 * Sheets and LibreOffice all put this on the clipboard). A quoted cell may hold tabs, new lines and
 * doubled quotes. The trailing new line spreadsheets add is not a row.
 */
export function parseClipboardBlock(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  let atCellStart = true
  const normalized = text.replace(/\r\n?/g, '\n')
  for (let index = 0; index < normalized.length; index++) {
    const char = normalized[index]
    if (quoted) {
      if (char === '"' && normalized[index + 1] === '"') {
        cell += '"'
        index++
      } else if (char === '"') quoted = false
      else cell += char
      continue
    }
    if (char === '"' && atCellStart) {
      quoted = true
      atCellStart = false
    } else if (char === '\t') {
      row.push(cell)
      cell = ''
      atCellStart = true
    } else if (char === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      atCellStart = true
    } else {
      cell += char
      atCellStart = false
    }
  }
  if (cell !== '' || row.length) {
    row.push(cell)
    rows.push(row)
  }
  return rows
}

/** A block's first line is a header when it names the grid's columns ("Role", "Base salary", "total"…). */
function isHeaderLine(cells: string[], firstColumn: number): boolean {
  const names = cells.map((cell) => cell.trim().toLowerCase())
  return names.some((name, offset) => {
    const column = GRID_COLUMNS[firstColumn + offset]
    return column !== undefined && (name === column || name === GRID_LABELS[column].toLowerCase())
  })
}

export type CellWrite = { row: number; column: EditableColumn; value: string | number | null }

export type PastePlan = {
  /** Every cell the paste sets, in existing rows and in the rows it adds. */
  writes: CellWrite[]
  /** How many rows to add at the end of the table first. */
  addRows: number
  /** Lines of the block that did not fit under the row limit (nothing of them is written). */
  droppedLines: number
  /** Pasted cells beyond the last column, or over the computed total (ignored). */
  ignoredCells: number
  /** A header line that was recognised and skipped. */
  skippedHeader: boolean
}

/**
 * Where a pasted block lands: its first cell in the focused cell, the others to the right and
 * below, in the grid's column order (so a block copied with its total column keeps source under
 * source; the pasted total is ignored, the form computes it). Rows are added at the end as needed,
 * up to the table's row limit.
 */
export function planPaste(
  block: string[][],
  at: { row: number; column: GridColumn },
  rowCount: number,
  maxRows: number = MAX_ROWS,
): PastePlan {
  const firstColumn = GRID_COLUMNS.indexOf(at.column)
  let lines = block.filter((cells) => cells.some((cell) => cell.trim() !== ''))
  const skippedHeader = lines.length > 1 && isHeaderLine(lines[0], firstColumn)
  if (skippedHeader) lines = lines.slice(1)
  const fitting = Math.max(0, Math.min(lines.length, maxRows - at.row))
  const writes: CellWrite[] = []
  let ignoredCells = 0
  lines.slice(0, fitting).forEach((cells, offset) => {
    cells.forEach((raw, columnOffset) => {
      const column = GRID_COLUMNS[firstColumn + columnOffset]
      if (!column || !isEditable(column)) {
        if (raw.trim() !== '') ignoredCells++
        return
      }
      writes.push({ row: at.row + offset, column, value: readCell(column, raw) })
    })
  })
  return {
    writes,
    addRows: Math.max(0, at.row + fitting - rowCount),
    droppedLines: lines.length - fitting,
    ignoredCells,
    skippedHeader,
  }
}

/** The next cell for Tab (1) or Shift-Tab (-1), row by row; null past either end of the grid. */
export function nextCell(
  from: { row: number; column: EditableColumn },
  step: 1 | -1,
  rowCount: number,
): { row: number; column: EditableColumn } | null {
  const index = from.row * EDITABLE_COLUMNS.length + EDITABLE_COLUMNS.indexOf(from.column) + step
  if (index < 0 || index >= rowCount * EDITABLE_COLUMNS.length) return null
  return { row: Math.floor(index / EDITABLE_COLUMNS.length), column: EDITABLE_COLUMNS[index % EDITABLE_COLUMNS.length] }
}

/**
 * How the form names a row: "AI Engineer · FAANG+" as soon as it has a role and tier, "Row 3"
 * before (a new row), so a message or a Remove button says which row it means.
 */
export function rowLabel(row: { role?: unknown; tier?: unknown } | null | undefined, index: number): string {
  const part = (value: unknown) => (typeof value === 'string' ? value.trim() : '')
  const role = part(row?.role)
  const tier = part(row?.tier)
  if (!role && !tier) return `Row ${index + 1}`
  return `${role || '(no role)'} · ${tier || '(no tier)'}`
}
