/**
 * What a table becomes. A table with a role, a tier, base / equity / bonus columns and a source
 * (in any order, headed in any of the usual wordings) is salary data: a `salary-tables` document,
 * totals recomputed. Any other table is a `dataTable` block with a type per column (text, number,
 * currency, percent). A table of metrics by role (one kind of value per row, as "Demand Trends"
 * is) is turned so that each column holds one kind of value, which a typed column needs.
 */
import { formatMoney } from '@/lib/format'
import { rowTotal } from '@/salary-tables/model'

import type { Problem, TableBlock } from './model'
import { readCell, readMoney, type ReadNumber } from './numbers'

export type SalaryColumn = 'role' | 'tier' | 'base' | 'equity' | 'bonus' | 'total' | 'source'
export type SalaryRowDraft = {
  role: string
  tier: string
  base: number
  equity: number
  bonus: number
  source: string
  line: number
}
export type SalaryTableDraft = {
  title: string
  currency: string
  period?: string
  rows: SalaryRowDraft[]
  line: number
  columns: Record<SalaryColumn, string | undefined>
}

export type DataColumnType = 'text' | 'number' | 'currency' | 'percent'
export type DataTableDraft = {
  caption: string
  columns: { label: string; type: DataColumnType; signed?: boolean; source?: string }[]
  rows: { cells: { value: string }[] }[]
  currency: string
  source?: string
  transposed: boolean
  line: number
}

export type TableResult =
  | { kind: 'salary'; table: SalaryTableDraft; errors: Problem[]; warnings: Problem[] }
  | { kind: 'data'; table: DataTableDraft; errors: Problem[]; warnings: Problem[] }

const HEADER_PATTERNS: [SalaryColumn, RegExp][] = [
  ['source', /\bsources?\b/],
  ['total', /\btotal\b|\btc\b|^(?:median )?(?:total )?comp(?:ensation)?\b/],
  ['base', /\bbase\b|^salary\b/],
  ['equity', /\bequity\b|\bstock\b|\brsus?\b|\bshares\b/],
  ['bonus', /\bbonus(?:es)?\b/],
  ['tier', /\btier\b|\bcompany\b|\bemployer\b|\bsegment\b|\bcompany type\b|\borgani[sz]ation\b/],
  ['role', /\brole\b|\bjob\b|\bposition\b|\btitle\b|\boccupation\b/],
]

/** Which salary column each header names, or undefined when the table is not salary data. */
export function salaryColumns(header: string[]): Record<SalaryColumn, number> | undefined {
  const found = {} as Record<SalaryColumn, number>
  header.forEach((label, index) => {
    const text = label
      .toLowerCase()
      .replace(/[^a-z0-9+ ]+/g, ' ')
      .trim()
    const column = HEADER_PATTERNS.find(([name, pattern]) => found[name] === undefined && pattern.test(text))?.[0]
    if (column) found[column] = index
  })
  const needed: SalaryColumn[] = ['role', 'tier', 'base', 'equity', 'bonus', 'source']
  return needed.every((name) => found[name] !== undefined) ? found : undefined
}

const currencyOf = (header: string[], cells: string[]) => {
  const named = /\b(USD|EUR|GBP|CAD|AUD|CHF|JPY|INR)\b/.exec(header.join(' '))?.[1]
  if (named) return named
  const symbol = cells.map((cell) => readCell(cell)?.currency).find(Boolean)
  return symbol ?? 'USD'
}

function salaryTable(block: TableBlock, caption: string, columns: Record<SalaryColumn, number>): TableResult {
  const errors: Problem[] = []
  const warnings: Problem[] = []
  const currency = currencyOf(
    block.header,
    block.rows.flatMap((row) => row.cells),
  )
  const rows: SalaryRowDraft[] = []
  const seen = new Map<string, number>()
  let role = ''
  for (const row of block.rows) {
    const cell = (name: SalaryColumn) => (row.cells[columns[name]] ?? '').trim()
    // A role written once above the tiers it covers, as posts often lay them out.
    role = cell('role') || role
    const tier = cell('tier')
    if (!role) errors.push({ line: row.line, message: `column “${block.header[columns.role]}”: the row names no role` })
    if (!tier)
      errors.push({ line: row.line, message: `column “${block.header[columns.tier]}”: the row names no company tier` })
    const money = {} as Record<'base' | 'equity' | 'bonus', number>
    for (const name of ['base', 'equity', 'bonus'] as const) {
      const read = readMoney(cell(name))
      if ('error' in read)
        errors.push({ line: row.line, message: `column “${block.header[columns[name]]}”: ${read.error}` })
      else money[name] = read.value
    }
    const source = cell('source')
    if (!source)
      errors.push({ line: row.line, message: `column “${block.header[columns.source]}”: the row names no source` })
    if (role && tier) {
      const key = `${role.toLowerCase()}\u0000${tier.toLowerCase()}`
      if (seen.has(key))
        errors.push({
          line: row.line,
          message: `${role} · ${tier} appears twice (first on line ${seen.get(key)}): each role and tier may appear once`,
        })
      seen.set(key, row.line)
    }
    if (Object.keys(money).length === 3 && columns.total !== undefined && cell('total')) {
      const typed = readMoney(cell('total'))
      const total = rowTotal(money)
      if ('error' in typed)
        warnings.push({
          line: row.line,
          message: `column “${block.header[columns.total]}”: ${typed.error}; the table computes the total (${formatMoney(total, currency)})`,
        })
      else if (typed.value !== total) {
        warnings.push({
          line: row.line,
          message: `${role} · ${tier}: the post gives a total of ${formatMoney(typed.value, currency)}, but base + equity + bonus is ${formatMoney(total, currency)}; the table shows ${formatMoney(total, currency)} (totals are always computed): check the row`,
        })
      }
    }
    if (role && tier && source && Object.keys(money).length === 3)
      rows.push({ role, tier, ...money, source: source.slice(0, 200), line: row.line })
  }
  if (rows.length > 100)
    errors.push({
      line: block.line,
      message: `the salary table has ${rows.length} rows; a salary table holds at most 100`,
    })
  const period = /\b((?:19|20)\d{2}(?:\s*[–-]\s*(?:19|20)\d{2})?)\b/.exec(caption)?.[1]
  // The page shows the period after the caption: "… Data (2023-2024)" keeps it once.
  const title = period
    ? caption.replace(/\s*\(\s*(?:19|20)\d{2}(?:\s*[–-]\s*(?:19|20)\d{2})?\s*\)\s*$/, '') || caption
    : caption
  const named = Object.fromEntries(
    Object.entries(columns).map(([name, index]) => [name, block.header[index]]),
  ) as Record<SalaryColumn, string | undefined>
  return {
    kind: 'salary',
    table: { title: title.slice(0, 200), currency, period, rows, line: block.line, columns: named },
    errors,
    warnings,
  }
}

type Typed = { type: DataColumnType; signed: boolean }

/** The one type that fits every non-empty cell, or text. */
function typeOf(cells: string[]): Typed {
  const read = cells.filter((cell) => cell.trim()).map((cell) => readCell(cell))
  if (!read.length || read.some((value) => !value)) return { type: 'text', signed: false }
  const kinds = new Set((read as ReadNumber[]).map((value) => value.kind))
  if (kinds.size !== 1 || kinds.has('multiplier')) return { type: 'text', signed: false }
  const [kind] = kinds
  return { type: kind as DataColumnType, signed: (read as ReadNumber[]).some((value) => value.signed) }
}

const SOURCE_HEADER = /^(?:data )?sources?$/i

function dataTable(block: TableBlock, caption: string, roles: string[]): TableResult {
  const warnings: Problem[] = []
  const width = block.header.length
  const sourceIndex = block.header.findIndex((label, index) => index > 0 && SOURCE_HEADER.test(label.trim()))
  const valueIndexes = block.header.map((_, index) => index).filter((index) => index > 0 && index !== sourceIndex)
  const columnTypes = valueIndexes.map((index) => typeOf(block.rows.map((row) => row.cells[index] ?? '')))
  const rowTypes = block.rows.map((row) => typeOf(valueIndexes.map((index) => row.cells[index] ?? '')))
  // Metrics down the side, one kind of value per row, and columns that mix kinds: turn the table.
  const transpose =
    columnTypes.some((typed) => typed.type === 'text') &&
    rowTypes.some((typed) => typed.type !== 'text') &&
    valueIndexes.length <= 12 &&
    block.rows.length <= 11

  const cellValue = (raw: string, typed: Typed, line: number): string => {
    if (typed.type === 'text') return raw.slice(0, 500)
    const read = readCell(raw)
    if (!read) return raw
    if (read.note)
      warnings.push({
        line,
        message: `“${read.note}” after ${raw.replace(read.note, '').trim()} is left out: a number cell holds the number only`,
      })
    return String(read.value)
  }

  let draft: DataTableDraft
  if (transpose) {
    const firstLabel = valueIndexes.every((index) =>
      roles.some((role) => role.toLowerCase() === block.header[index].trim().toLowerCase()),
    )
      ? 'Role'
      : block.header[0] || 'Item'
    draft = {
      caption,
      columns: [
        { label: firstLabel, type: 'text' },
        ...block.rows.map((row, rowIndex) => ({
          label: (row.cells[0] ?? '').trim() || `Row ${rowIndex + 1}`,
          type: rowTypes[rowIndex].type,
          ...(rowTypes[rowIndex].signed ? { signed: true } : {}),
          ...(sourceIndex > 0 && row.cells[sourceIndex]?.trim()
            ? { source: row.cells[sourceIndex].trim().slice(0, 200) }
            : {}),
        })),
      ],
      rows: valueIndexes.map((index) => ({
        cells: [
          { value: block.header[index].trim() },
          ...block.rows.map((row, rowIndex) => ({
            value: cellValue(row.cells[index] ?? '', rowTypes[rowIndex], row.line),
          })),
        ],
      })),
      currency: currencyOf(
        block.header,
        block.rows.flatMap((row) => row.cells),
      ),
      transposed: true,
      line: block.line,
    }
  } else {
    const kept = block.header.map((_, index) => index)
    const types = kept.map((index) =>
      index === 0 ? { type: 'text' as const, signed: false } : typeOf(block.rows.map((row) => row.cells[index] ?? '')),
    )
    draft = {
      caption,
      columns: kept.map((index, position) => ({
        label: block.header[index].trim() || `Column ${index + 1}`,
        type: types[position].type,
        ...(types[position].signed ? { signed: true } : {}),
      })),
      rows: block.rows.map((row) => ({
        cells: kept.map((index, position) => ({ value: cellValue(row.cells[index] ?? '', types[position], row.line) })),
      })),
      currency: currencyOf(
        block.header,
        block.rows.flatMap((row) => row.cells),
      ),
      transposed: false,
      line: block.line,
    }
  }
  const errors: Problem[] = []
  if (draft.columns.length > 12)
    errors.push({
      line: block.line,
      message: `the table has ${draft.columns.length} columns; a data table holds at most 12`,
    })
  if (draft.rows.length > 200)
    errors.push({
      line: block.line,
      message: `the table has ${draft.rows.length} rows; a data table holds at most 200`,
    })
  if (!draft.rows.length) errors.push({ line: block.line, message: 'the table has a header but no rows' })
  if (width === 0) errors.push({ line: block.line, message: 'the table has no header row' })
  return { kind: 'data', table: { ...draft, caption: draft.caption.slice(0, 200) }, errors, warnings }
}

/** Salary tables first: their roles name the rows of tables turned on their side. */
export function classifyTable(block: TableBlock, caption: string, roles: string[]): TableResult {
  const columns = salaryColumns(block.header)
  return columns ? salaryTable(block, caption, columns) : dataTable(block, caption, roles)
}
