/**
 * Numbers in prose → live figures. A number is bound only when a cell (or a comparison of two
 * cells) of a table in the same post gives exactly the text the post shows, computed by the same
 * `resolveFigure` as the page, so the import never changes what a reader reads. Amounts match a
 * single cell; percentages and multipliers match a comparison, and only when the sentence names
 * the rows compared (or shows their amounts): "22% higher" next to $210,000 and $172,000 is the
 * premium of one over the other, while "grow 25% annually" matches a pair of cells by chance only.
 * A number that matches several cells equally well, or none, stays text and is listed.
 */
import type { SalaryTable } from '@payload-types'
import { formatFigure, resolveFigure, type FigureContext, type FigureFields } from '@/figures/resolve'
import { rowTotal } from '@/salary-tables/model'

import { inlineText, type Inline } from './model'
import { findNumbers, type FoundNumber } from './numbers'
import type { DataTableDraft, SalaryTableDraft } from './tables'

/** Stands for a salary table's id until the import creates it (./create.ts swaps it). */
export const salaryTablePlaceholder = (index: number) => `import:salary-table:${index}`

export type BoundInline = Inline | { kind: 'figure'; fields: FigureFields; text: string; description: string }

export type FigureFound = { line: number; text: string; description: string; fields: FigureFields }
export type NumberLeft = { line: number; text: string; why: string }

type Operand = { key: string; label: string; mentions: string[] }
type Candidate = { fields: FigureFields; description: string; operands: Operand[]; comparison: boolean; bonus: number }

const SALARY_COLUMNS = ['total', 'base', 'equity', 'bonus'] as const
const COLUMN_NAMES: Record<(typeof SALARY_COLUMNS)[number], string> = {
  total: 'total',
  base: 'base',
  equity: 'equity / year',
  bonus: 'bonus',
}
const STOP_WORDS = new Set(['the', 'top', 'year', 'data', 'total', 'median', 'over', 'with', 'from'])

/** Ways a sentence names a row or column: "FAANG+ (L5-L7)" is "FAANG+", "Job Postings (Q2 2024)" is "postings". */
function mentionsOf(label: string): string[] {
  const bare = label
    .replace(/\([^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
  const words = bare.split(/[\s/]+/).filter((word) => word.length >= 4 && !STOP_WORDS.has(word))
  return [...new Set([label.toLowerCase(), bare, ...words].filter((text) => text.length >= 2))]
}

const mentioned = (context: string, operand: Operand) => operand.mentions.some((text) => context.includes(text))

const rounded = (value: number, decimals: number) => Number(value.toFixed(decimals))

export class FigureMatcher {
  readonly found: FigureFound[] = []
  readonly left: NumberLeft[] = []
  readonly ambiguous: NumberLeft[] = []
  /** The same number written twice in a post means the same thing. */
  private memory = new Map<string, string>()
  private context: FigureContext
  private tables: SalaryTable[]

  constructor(
    private readonly salary: SalaryTableDraft[],
    private readonly data: DataTableDraft[],
  ) {
    this.context = {
      dataTables: data.map((table) => ({
        caption: table.caption,
        columns: table.columns,
        rows: table.rows,
      })) as FigureContext['dataTables'],
    }
    this.tables = salary.map(
      (table, index) =>
        ({
          id: salaryTablePlaceholder(index),
          title: table.title,
          currency: table.currency,
          rows: table.rows,
        }) as unknown as SalaryTable,
    )
  }

  private salaryCells(table: number) {
    return this.salary[table].rows.flatMap((row) =>
      SALARY_COLUMNS.map((column) => ({
        row,
        column,
        value: column === 'total' ? rowTotal(row) : row[column],
        operand: {
          key: `s${table}:${row.role}:${row.tier}:${column}`,
          label: `${row.role} · ${row.tier} ${COLUMN_NAMES[column]}`,
          mentions: [...mentionsOf(row.role), ...mentionsOf(row.tier)],
        },
      })),
    )
  }

  private dataCells(table: DataTableDraft) {
    return table.rows.flatMap((row) =>
      table.columns.slice(1).flatMap((column, offset) => {
        const raw = row.cells[offset + 1]?.value ?? ''
        const value = Number(raw)
        if (column.type === 'text' || raw === '' || !Number.isFinite(value)) return []
        const rowLabel = row.cells[0]?.value ?? ''
        return [
          {
            rowLabel,
            column,
            value,
            operand: {
              key: `d${table.caption}:${rowLabel}:${column.label}`,
              label: `${rowLabel} · ${column.label}`,
              mentions: [...mentionsOf(rowLabel), ...mentionsOf(column.label)],
            },
          },
        ]
      }),
    )
  }

  private candidates(number: FoundNumber): Candidate[] {
    const out: Candidate[] = []
    const decimals = number.decimals
    this.salary.forEach((table, index) => {
      const cells = this.salaryCells(index)
      const tableRef = salaryTablePlaceholder(index)
      if (number.kind === 'currency' || number.kind === 'number') {
        if (number.kind === 'currency' && number.currency !== table.currency) return
        for (const cell of cells.filter((candidate) => candidate.value === number.value)) {
          out.push({
            fields: {
              source: 'salaryCell',
              table: tableRef,
              role: cell.row.role,
              tier: cell.row.tier,
              column: cell.column,
              format: number.kind === 'currency' ? 'currency' : 'plain',
              decimals: 0,
            } as FigureFields,
            description: `${cell.operand.label} in “${table.title}”`,
            operands: [cell.operand],
            comparison: false,
            bonus: cell.column === 'total' ? 1 : 0,
          })
        }
        return
      }
      const operation = number.kind === 'percent' ? 'premium' : 'ratio'
      for (const a of cells)
        for (const b of cells) {
          if (a === b || a.column !== b.column || b.value === 0 || a.value <= b.value) continue
          const value = operation === 'premium' ? ((a.value - b.value) / b.value) * 100 : a.value / b.value
          if (rounded(value, decimals) !== number.value) continue
          out.push({
            fields: {
              source: 'salaryComparison',
              table: tableRef,
              role: a.row.role,
              tier: a.row.tier,
              column: a.column,
              compareRole: b.row.role,
              compareTier: b.row.tier,
              compareColumn: b.column,
              operation,
              format: number.kind === 'percent' ? 'percent' : 'multiplier',
              decimals,
            } as FigureFields,
            description: `${operation === 'premium' ? 'premium of' : 'ratio of'} ${a.operand.label} over ${b.operand.label} in “${table.title}”`,
            operands: [a.operand, b.operand],
            comparison: true,
            bonus: a.column === 'total' ? 1 : 0,
          })
        }
    })
    for (const table of this.data) {
      const cells = this.dataCells(table)
      const format =
        number.kind === 'currency'
          ? 'currency'
          : number.kind === 'percent'
            ? 'percent'
            : number.kind === 'number'
              ? 'plain'
              : undefined
      if (format) {
        for (const cell of cells.filter(
          (candidate) =>
            candidate.value === number.value &&
            (candidate.column.type === 'currency') === (number.kind === 'currency') &&
            (candidate.column.type === 'percent') === (number.kind === 'percent'),
        )) {
          out.push({
            fields: {
              source: 'dataCell',
              dataTableCaption: table.caption,
              rowLabel: cell.rowLabel,
              columnLabel: cell.column.label,
              format,
              decimals,
            } as FigureFields,
            description: `${cell.operand.label} in “${table.caption}”`,
            operands: [cell.operand],
            comparison: number.kind === 'percent',
            bonus: 0,
          })
        }
      }
      if (number.kind !== 'multiplier') continue
      for (const a of cells)
        for (const b of cells) {
          // Rows compared in one column, or columns of one kind compared in one row.
          const sameColumn = a.column === b.column && a.rowLabel !== b.rowLabel
          const sameRow = a.rowLabel === b.rowLabel && a.column !== b.column && a.column.type === b.column.type
          if (
            !(sameColumn || sameRow) ||
            b.value === 0 ||
            a.value <= b.value ||
            rounded(a.value / b.value, decimals) !== number.value
          )
            continue
          out.push({
            fields: {
              source: 'dataRatio',
              dataTableCaption: table.caption,
              rowLabel: a.rowLabel,
              columnLabel: a.column.label,
              compareRowLabel: b.rowLabel,
              ...(sameRow ? { compareColumnLabel: b.column.label } : {}),
              operation: 'ratio',
              format: 'multiplier',
              decimals,
            } as FigureFields,
            description: `ratio of ${a.operand.label} to ${b.operand.label} in “${table.caption}”`,
            operands: [a.operand, b.operand],
            comparison: true,
            bonus: 0,
          })
        }
    }
    // Only what renders as the post wrote it (the same check the page makes).
    return out.filter((candidate) => {
      const table = this.tables.find((entry) => entry.id === candidate.fields.table)
      const result = resolveFigure({ ...candidate.fields, table: table ?? null }, this.context)
      return result.ok && result.text === formatFigure(number.value, candidate.fields, table?.currency ?? 'USD')
    })
  }

  private choose(
    number: FoundNumber,
    candidates: Candidate[],
    context: string,
    bound: Set<string>,
  ): Candidate | { ambiguous: Candidate[] } | undefined {
    const remembered = this.memory.get(number.text)
    const scored = candidates.map((candidate) => {
      const anchors = candidate.operands.map(
        (operand) => (bound.has(operand.key) ? 5 : mentioned(context, operand) ? 2 : 0) as number,
      )
      const fromMemory = remembered === JSON.stringify(candidate.fields) ? 8 : 0
      const anchored = fromMemory > 0 || anchors.every((anchor) => anchor > 0)
      return {
        candidate,
        anchored,
        score: anchors.reduce((sum, anchor) => sum + anchor, 0) + fromMemory + candidate.bonus,
      }
    })
    // A comparison (or a bare percentage) must be anchored in its sentence; an amount need not be.
    const eligible = scored.filter((entry) => !entry.candidate.comparison || entry.anchored)
    if (!eligible.length) return undefined
    const best = Math.max(...eligible.map((entry) => entry.score))
    const top = eligible.filter((entry) => entry.score === best)
    return top.length === 1 ? top[0].candidate : { ambiguous: top.map((entry) => entry.candidate) }
  }

  /** Binds the numbers of one paragraph or list item: amounts first, then what compares them. */
  bind(children: Inline[], line: number): BoundInline[] {
    const context = inlineText(children).toLowerCase()
    const bound = new Set<string>()
    type Hit = { run: number; number: FoundNumber; candidate?: Candidate }
    const hits: Hit[] = []
    children.forEach((child, run) => {
      if (child.kind === 'text') for (const number of findNumbers(child.text)) hits.push({ run, number })
    })
    const order = (hit: Hit) => (hit.number.kind === 'currency' || hit.number.kind === 'number' ? 0 : 1)
    for (const hit of [...hits].sort((a, b) => order(a) - order(b))) {
      const candidates = this.candidates(hit.number)
      const chosen = candidates.length ? this.choose(hit.number, candidates, context, bound) : undefined
      if (!chosen) {
        this.left.push({
          line,
          text: hit.number.text,
          why: candidates.length ? 'matches a comparison of cells the sentence does not name' : 'matches no table cell',
        })
      } else if ('ambiguous' in chosen) {
        this.ambiguous.push({
          line,
          text: hit.number.text,
          why: `matches ${chosen.ambiguous.length} cells equally well: ${chosen.ambiguous.map((candidate) => candidate.description).join('; ')}`,
        })
      } else {
        hit.candidate = chosen
        for (const operand of chosen.operands) bound.add(operand.key)
        this.memory.set(hit.number.text, JSON.stringify(chosen.fields))
        this.found.push({ line, text: hit.number.text, description: chosen.description, fields: chosen.fields })
      }
    }
    return children.flatMap((child, run): BoundInline[] => {
      const mine = hits
        .filter((hit) => hit.run === run && hit.candidate)
        .sort((a, b) => a.number.start - b.number.start)
      if (child.kind !== 'text' || !mine.length) return [child]
      const out: BoundInline[] = []
      let at = 0
      for (const hit of mine) {
        // A "+" stays text: figures have no sign of their own.
        const start = hit.number.start + (hit.number.text.startsWith('+') ? 1 : 0)
        if (start > at) out.push({ ...child, text: child.text.slice(at, start) })
        out.push({
          kind: 'figure',
          fields: hit.candidate!.fields,
          text: hit.number.text.replace(/^\+/, ''),
          description: hit.candidate!.description,
        })
        at = hit.number.end
      }
      if (at < child.text.length) out.push({ ...child, text: child.text.slice(at) })
      return out
    })
  }

  /** Numbers where figures cannot go (FAQ answers are shared documents): listed, left as text. */
  note(children: Inline[], line: number, why: string) {
    for (const child of children)
      if (child.kind === 'text')
        for (const number of findNumbers(child.text)) this.left.push({ line, text: number.text, why })
  }
}
