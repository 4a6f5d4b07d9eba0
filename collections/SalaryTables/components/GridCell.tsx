'use client'

import { useConfig, useField, useFormSubmitted, useTranslation } from '@payloadcms/ui'
import type { Validate } from 'payload'
import { text } from 'payload/shared'
import { memo, useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react'

import { validateMoney } from '@/fields/money'
import { formatMoney } from '@/lib/format'
import { GRID_LABELS, isAmountColumn, readCell, type EditableColumn } from '@/salary-tables/grid'
import { TEXT_LIMITS } from '@/salary-tables/model'

import styles from './RowsGrid.module.css'

// The collection's own rules for each column (collections/SalaryTables/index.ts), run as the
// editor types; the server checks the same on every form-state request and on save.
const amountRule: Validate = (value) => validateMoney(value as number, { required: true } as never)
const textRule =
  (maxLength: number): Validate =>
  (value, options) =>
    text(value as string, { ...(options as Parameters<typeof text>[1]), required: true, maxLength })
export const CELL_RULES: Record<EditableColumn, Validate> = {
  role: textRule(TEXT_LIMITS.role),
  tier: textRule(TEXT_LIMITS.tier),
  base: amountRule,
  equity: amountRule,
  bonus: amountRule,
  source: textRule(TEXT_LIMITS.source),
}

export type RuleContext = { config: unknown; t: unknown }

/**
 * What is wrong with a cell's value, by the column's rule, or null. The grid runs the rules itself:
 * Payload's form only shows a field's error after the first submit, and a grid of figures should
 * say at once that "-5" is not an amount. After a submit, the server's answer is shown as well.
 */
export function cellProblem(column: EditableColumn, value: unknown, { config, t }: RuleContext): string | null {
  const result = CELL_RULES[column](value, { req: { payload: { config }, t } } as never)
  return typeof result === 'string' ? result : null
}

/** The id Payload gives a field's input, which labels, error links and the tests use. */
export const cellId = (rowsPath: string, row: number, column: string) =>
  `field-${rowsPath.replace(/\./g, '__')}__${row}__${column}`

/** What an unfocused cell shows: amounts grouped, in the table's currency ("$165,000"). */
function display(column: EditableColumn, value: unknown, currency: string): string {
  if (value === null || value === undefined) return ''
  if (isAmountColumn(column) && typeof value === 'number') return formatMoney(value, currency)
  return String(value)
}

/** What a focused cell holds for editing: the plain number, easy to retype. */
const editable = (value: unknown) => (value === null || value === undefined ? '' : String(value))

type Props = {
  rowsPath: string
  row: number
  rowName: string
  column: EditableColumn
  currency: string
  readOnly: boolean
  /** Shown as soon as the cell was edited, or once the form was submitted. */
  touched: boolean
  onTouch: (path: string) => void
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>, row: number, column: EditableColumn) => void
  onPaste: (event: ClipboardEvent<HTMLInputElement>, row: number, column: EditableColumn) => void
}

/**
 * One cell of the grid: an input bound to `rows.<n>.<column>` in Payload's form, with the
 * collection's rule for that column. Its message is listed in full under the grid; the cell points
 * to it (aria-describedby) and is outlined.
 */
export const GridCell = memo(function GridCell({
  rowsPath,
  row,
  rowName,
  column,
  currency,
  readOnly,
  touched,
  onTouch,
  onKeyDown,
  onPaste,
}: Props) {
  const path = `${rowsPath}.${row}.${column}`
  const { value, setValue, valid, errorMessage } = useField<unknown>({ path, validate: CELL_RULES[column] })
  const submitted = useFormSubmitted()
  const { config } = useConfig()
  const { t } = useTranslation()
  const [draft, setDraft] = useState<string | null>(null)
  const atFocus = useRef<unknown>(undefined)
  const pointer = useRef(false)
  const id = cellId(rowsPath, row, column)
  const problem = cellProblem(column, value, { config, t }) ?? (submitted && valid === false ? errorMessage : null)
  const invalid = Boolean(problem) && (touched || submitted)

  // A paste or an undo can change the value under the caret: show it rather than the old draft.
  useEffect(() => {
    if (draft !== null && readCell(column, draft) !== value) setDraft(editable(value))
    // Only the stored value decides; the draft follows it, not the other way round.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value])

  return (
    <input
      id={id}
      className={[styles.cell, isAmountColumn(column) ? styles.amount : '', invalid ? styles.invalid : '']
        .filter(Boolean)
        .join(' ')}
      type="text"
      inputMode={isAmountColumn(column) ? 'numeric' : 'text'}
      autoComplete="off"
      spellCheck={!isAmountColumn(column)}
      aria-label={`${GRID_LABELS[column]}, ${rowName}`}
      aria-invalid={invalid || undefined}
      aria-describedby={invalid ? `${id}-error` : undefined}
      data-row={row}
      data-column={column}
      readOnly={readOnly}
      value={draft ?? display(column, value, currency)}
      onPointerDown={() => {
        pointer.current = true
      }}
      onFocus={(event) => {
        atFocus.current = value
        const input = event.currentTarget
        // The plain number to edit, set before selecting so that React's render keeps the selection.
        input.value = editable(value)
        setDraft(editable(value))
        // As in a spreadsheet, a cell reached with the keyboard is typed over; a click places the caret.
        if (!pointer.current) input.select()
        pointer.current = false
      }}
      onBlur={() => setDraft(null)}
      onChange={(event) => {
        setDraft(event.target.value)
        setValue(readCell(column, event.target.value))
        onTouch(path)
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && draft !== null) {
          // Back to what the cell held when it was entered.
          event.preventDefault()
          setValue(atFocus.current ?? null)
          setDraft(editable(atFocus.current))
          return
        }
        onKeyDown(event, row, column)
      }}
      onPaste={(event) => onPaste(event, row, column)}
    />
  )
})
