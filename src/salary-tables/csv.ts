import type { SalaryTable } from '@payload-types'
import { slugify } from '@/lib/slugify'

import {
  MAX_ROWS,
  PAY_PARTS,
  rowKey,
  rowName,
  rowTotal,
  TEXT_LIMITS,
  type PayColumn,
  type RowFigures,
  type SalaryRow,
} from './model'

/** The file's columns: what readers download and editors import. `total` is written, never read. */
export const SALARY_CSV_COLUMNS = ['role', 'tier', ...PAY_PARTS, 'total', 'source'] as const

/**
 * One CSV cell (RFC 4180). A text cell that a spreadsheet would run as a formula (=, +, -, @) is
 * prefixed with an apostrophe, so a downloaded file can never execute anything.
 */
function cell(value: string | number): string {
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The file name of a table's CSV, for readers' downloads and editors' exports alike. */
export const salaryTableCsvName = (table: Pick<SalaryTable, 'title'>) =>
  `${slugify(table.title ?? '') || 'salary-table'}.csv`

export function salaryTableToCsv(table: Pick<SalaryTable, 'rows'>): string {
  const lines = [SALARY_CSV_COLUMNS.join(',')]
  for (const row of table.rows ?? []) {
    lines.push(
      [row.role, row.tier, ...PAY_PARTS.map((part) => row[part]), rowTotal(row), row.source].map(cell).join(','),
    )
  }
  return lines.join('\r\n') + '\r\n'
}

/** A parsed record and the physical line it starts on, so errors can point at it. */
export type CsvRecord = { line: number; cells: string[] }

export class CsvError extends Error {
  constructor(
    readonly line: number,
    readonly column: string | undefined,
    readonly reason: string,
  ) {
    super(column ? `line ${line}, column ${column}: ${reason}` : `line ${line}: ${reason}`)
    this.name = 'CsvError'
  }
}

/**
 * RFC 4180: comma-separated, CRLF or LF line ends, cells optionally quoted with "" for a quote
 * inside. Blank lines are skipped, since spreadsheets often append one.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = []
  const source = text.replace(/^\uFEFF/, '')
  let line = 1
  let recordLine = 1
  let cells: string[] = []
  let cellText = ''
  let quoted = false
  let quoteLine = 1
  let afterQuote = false
  const endCell = () => {
    cells.push(cellText)
    cellText = ''
    afterQuote = false
  }
  const endRecord = () => {
    endCell()
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells })
    cells = []
  }
  for (let index = 0; index < source.length; index++) {
    const char = source[index]
    if (quoted) {
      if (char === '"') {
        if (source[index + 1] === '"') {
          cellText += '"'
          index++
        } else {
          quoted = false
          afterQuote = true
        }
      } else {
        if (char === '\n') line++
        cellText += char
      }
      continue
    }
    if (char === ',') endCell()
    else if (char === '\r' || char === '\n') {
      if (char === '\r' && source[index + 1] === '\n') index++
      endRecord()
      line++
      recordLine = line
    } else if (char === '"') {
      if (cellText !== '' || afterQuote)
        throw new CsvError(line, undefined, 'a quote (") may only open a cell; write "" inside a quoted cell.')
      quoted = true
      quoteLine = line
    } else {
      if (afterQuote) throw new CsvError(line, undefined, 'text follows a closing quote; quote the whole cell.')
      cellText += char
    }
  }
  if (quoted) throw new CsvError(quoteLine, undefined, 'a quoted cell is never closed (missing ").')
  if (cellText !== '' || cells.length > 0) endRecord()
  return records
}

export type ImportedRow = RowFigures

const REQUIRED_COLUMNS = SALARY_CSV_COLUMNS.filter((name) => name !== 'total')

/** Undoes the export's formula guard, so an exported file imports to the same text. */
const unguard = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text)

/**
 * Reads a salary-table CSV and checks every row with the form's rules (required text, whole
 * non-negative amounts, one row per role and tier). The total column is ignored: totals are always
 * computed from the parts. Throws a CsvError naming the first bad line and column.
 */
export function parseSalaryCsv(
  text: string,
  validateAmount: (value: number | undefined) => string | true,
): ImportedRow[] {
  const records = parseCsv(text)
  if (records.length === 0)
    throw new CsvError(1, undefined, `the file is empty; the first line must be ${SALARY_CSV_COLUMNS.join(',')}.`)
  const [header, ...body] = records
  const names = header.cells.map((name) => name.trim().toLowerCase())
  for (const [index, name] of names.entries()) {
    if (!(SALARY_CSV_COLUMNS as readonly string[]).includes(name)) {
      throw new CsvError(
        header.line,
        header.cells[index] || `#${index + 1}`,
        `unknown column; the header must be ${SALARY_CSV_COLUMNS.join(',')}.`,
      )
    }
    if (names.indexOf(name) !== index) throw new CsvError(header.line, name, 'this column appears twice in the header.')
  }
  for (const name of REQUIRED_COLUMNS) {
    if (!names.includes(name))
      throw new CsvError(header.line, name, `missing from the header; it must be ${SALARY_CSV_COLUMNS.join(',')}.`)
  }
  if (body.length === 0) throw new CsvError(header.line + 1, undefined, 'a salary table needs at least one row.')
  if (body.length > MAX_ROWS)
    throw new CsvError(body[MAX_ROWS].line, undefined, `a salary table holds at most ${MAX_ROWS} rows.`)

  const seen = new Map<string, number>()
  return body.map(({ line, cells }) => {
    if (cells.length !== names.length)
      throw new CsvError(line, undefined, `expected ${names.length} cells, found ${cells.length}.`)
    const get = (name: string) => unguard(cells[names.indexOf(name)]).trim()
    const row = {} as ImportedRow
    for (const name of ['role', 'tier', 'source'] as const) {
      const value = get(name)
      if (!value) throw new CsvError(line, name, 'This field is required.')
      if (value.length > TEXT_LIMITS[name]) throw new CsvError(line, name, `At most ${TEXT_LIMITS[name]} characters.`)
      row[name] = value
    }
    for (const name of PAY_PARTS) {
      const raw = get(name).replace(/,/g, '')
      const amount =
        raw === '' ? undefined : /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(raw) ? Number(raw) : Number.NaN
      const verdict = validateAmount(amount)
      if (verdict !== true) throw new CsvError(line, name, verdict)
      row[name] = amount as number
    }
    const first = seen.get(rowKey(row))
    if (first !== undefined)
      throw new CsvError(
        line,
        'tier',
        `${rowName(row)} is already on line ${first}: each role and tier may appear once.`,
      )
    seen.set(rowKey(row), line)
    return row
  })
}

type ComparableRow = RowFigures

export type RowChange = { field: 'role' | 'tier' | PayColumn | 'source'; from: number | string; to: number | string }

export type SalaryDiff = {
  added: ComparableRow[]
  removed: ComparableRow[]
  changed: { role: string; tier: string; changes: RowChange[] }[]
  /** Same rows, another order: harmless, but applying would reorder the table. */
  reordered: boolean
}

/** What importing `next` over `current` would do, row by row (matched on role and tier). */
export function diffSalaryRows(current: ComparableRow[], next: ComparableRow[]): SalaryDiff {
  const before = new Map(current.map((row) => [rowKey(row), row]))
  const after = new Map(next.map((row) => [rowKey(row), row]))
  const diff: SalaryDiff = { added: [], removed: [], changed: [], reordered: false }
  for (const row of next) {
    const old = before.get(rowKey(row))
    if (!old) {
      diff.added.push(row)
      continue
    }
    const changes: RowChange[] = []
    for (const field of PAY_PARTS)
      if (old[field] !== row[field]) changes.push({ field, from: old[field], to: row[field] })
    const oldTotal = rowTotal(old)
    const newTotal = rowTotal(row)
    if (oldTotal !== newTotal) changes.push({ field: 'total', from: oldTotal, to: newTotal })
    if (old.source !== row.source) changes.push({ field: 'source', from: old.source, to: row.source })
    // Rows match whatever the letter case, but a new spelling is still what readers would see.
    for (const field of ['role', 'tier'] as const)
      if (old[field] !== row[field]) changes.push({ field, from: old[field], to: row[field] })
    if (changes.length) diff.changed.push({ role: row.role, tier: row.tier, changes })
  }
  for (const row of current) if (!after.has(rowKey(row))) diff.removed.push(row)
  const common = (rows: ComparableRow[], other: Map<string, ComparableRow>) =>
    rows.map(rowKey).filter((key) => other.has(key))
  diff.reordered = common(current, after).join('\n') !== common(next, before).join('\n')
  return diff
}

export const diffIsEmpty = (diff: SalaryDiff) =>
  !diff.added.length && !diff.removed.length && !diff.changed.length && !diff.reordered

/** A row's figures as the import compares them, without its id and stored total. */
export const rowFigures = (rows: readonly SalaryRow[] | null | undefined): RowFigures[] =>
  (rows ?? []).map(({ role, tier, base, equity, bonus, source }) => ({ role, tier, base, equity, bonus, source }))

/** The imported rows, each keeping the id of the row it replaces, so the versions compare row by row. */
export function keepRowIds(
  current: readonly SalaryRow[] | null | undefined,
  imported: ImportedRow[],
): (ImportedRow & { id?: string })[] {
  const ids = new Map((current ?? []).map((row) => [rowKey(row), row.id]))
  return imported.map((row) => ({ ...row, id: ids.get(rowKey(row)) ?? undefined }))
}
