'use client'

import { useDocumentInfo, useField, useForm, useFormFields, useFormSubmitted } from '@payloadcms/ui'
import type { ArrayFieldClientComponent, FormState, Validate } from 'payload'
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
} from 'react'

import {
  EDITABLE_COLUMNS,
  GRID_COLUMNS,
  GRID_HEADINGS,
  GRID_LABELS,
  isAmountColumn,
  nextCell,
  parseClipboardBlock,
  planPaste,
  rowLabel,
  type CellWrite,
  type EditableColumn,
} from '@/salary-tables/grid'
import type { RowCitation } from '@/salary-tables/impact'
import { MAX_ROWS, rowKey } from '@/salary-tables/model'

import { validateUniqueRoleTier } from '../validateRows'
import { cellId } from './GridCell'
import { GridErrors } from './GridErrors'
import { GridRow } from './GridRow'
import { RemoveRowModal, type PendingRemoval } from './RemoveRowModal'
import styles from './RowsGrid.module.css'

const validateRows: Validate = (value, options) => validateUniqueRoleTier(value as never, options as never)

/**
 * The figures in articles that cite each row (GET /api/salary-tables/:id/impact), by row key, and
 * `whenLoaded`: the list once the request under way has answered (5 s at most). Remove asks it, so
 * a click made while the form is still opening does not take a cited row away without asking.
 */
function useCitations(): { whenLoaded: () => Promise<Map<string, RowCitation>> } {
  const { id, lastUpdateTime } = useDocumentInfo()
  const loading = useRef<Promise<Map<string, RowCitation>>>(Promise.resolve(new Map()))
  const latest = useRef(new Map<string, RowCitation>())
  useEffect(() => {
    if (!id) return
    const controller = new AbortController()
    loading.current = fetch(`/api/salary-tables/${id}/impact`, { credentials: 'include', signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) return latest.current
        const { citations: list = [] } = (await response.json()) as { citations?: RowCitation[] }
        latest.current = new Map(list.map((citation) => [rowKey(citation), citation]))
        return latest.current
      })
      .catch(() => {
        // Without the list, Remove still works; it just cannot warn.
        return latest.current
      })
    return () => controller.abort()
  }, [id, lastUpdateTime])
  const whenLoaded = useCallback(
    () =>
      Promise.race([
        loading.current,
        new Promise<Map<string, RowCitation>>((resolve) => setTimeout(() => resolve(latest.current), 5000)),
      ]),
    [],
  )
  return { whenLoaded }
}

/**
 * A new row's cells, empty, in the form state from the start: a value typed or pasted before the
 * server's answer for the new row arrives is then the editor's, and that answer does not blank it.
 */
function blankRow(): FormState {
  const state: FormState = {}
  for (const column of EDITABLE_COLUMNS) {
    const empty = isAmountColumn(column) ? null : ''
    state[column] = { value: empty, initialValue: empty, valid: true }
  }
  return state
}

const focusCell = (rowsPath: string, row: number, column: string) =>
  requestAnimationFrame(() => document.getElementById(cellId(rowsPath, row, column))?.focus())

/**
 * The salary table's rows as a spreadsheet: one line per row (role · tier · base · equity · bonus ·
 * total · source), Tab / Shift-Tab across, Enter / Shift-Enter and the arrow keys down and up, a
 * block of cells pasted from a spreadsheet landing from the focused cell on (rows added as needed),
 * the total computed as the editor types. It replaces Payload's array field for `rows` but keeps
 * its form state: the same paths (`rows.<n>.base`), rules, row ids and stored shape, so saving,
 * versions, REST clients and the CSV tools see the rows as before.
 */
export const RowsGrid: ArrayFieldClientComponent = ({ path: staticPath, readOnly: readOnlyProp }) => {
  const {
    path,
    rows = [],
    errorMessage,
    valid,
    disabled,
  } = useField<number>({ hasRows: true, potentiallyStalePath: staticPath, validate: validateRows })
  const { addFieldRow, removeFieldRow, dispatchFields, getDataByPath, setModified } = useForm()
  const submitted = useFormSubmitted()
  const currencyValue = useFormFields(([fields]) => fields.currency?.value)
  const currency = typeof currencyValue === 'string' && /^[A-Z]{3}$/.test(currencyValue) ? currencyValue : 'USD'
  const readOnly = Boolean(readOnlyProp || disabled)
  const { whenLoaded: citationsLoaded } = useCitations()
  const [touched, setTouched] = useState<Set<string>>(() => new Set())
  const [status, setStatus] = useState('')
  const [pending, setPending] = useState<PendingRemoval | null>(null)
  // The handlers below read the count as it is when a key is pressed, not when they were made.
  const rowCount = useRef(rows.length)
  useLayoutEffect(() => {
    rowCount.current = rows.length
  }, [rows.length])

  const touch = useCallback(
    (cellPath: string) => setTouched((seen) => (seen.has(cellPath) ? seen : new Set(seen).add(cellPath))),
    [],
  )

  const addRow = useCallback(() => {
    if (rowCount.current >= MAX_ROWS) return
    const index = rowCount.current
    addFieldRow({ path, rowIndex: index, schemaPath: path, subFieldState: blankRow() })
    focusCell(path, index, 'role')
  }, [addFieldRow, path])

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLInputElement>, row: number, column: EditableColumn) => {
      const count = rowCount.current
      if (event.key === 'Tab') {
        const next = nextCell({ row, column }, event.shiftKey ? -1 : 1, count)
        // Past either end of the grid, Tab leaves it as it would any form.
        if (!next) return
        event.preventDefault()
        focusCell(path, next.row, next.column)
      } else if (event.key === 'Enter' || event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        // Enter must never submit the form from a cell.
        event.preventDefault()
        const up = event.key === 'ArrowUp' || (event.key === 'Enter' && event.shiftKey)
        const target = row + (up ? -1 : 1)
        if (target >= 0 && target < count) focusCell(path, target, column)
      }
    },
    [path],
  )

  const onPaste = useCallback(
    (event: ClipboardEvent<HTMLInputElement>, row: number, column: EditableColumn) => {
      const clipboard = event.clipboardData.getData('text/plain')
      // One value: the browser pastes it into the cell like any input.
      if (!/[\t\n\r]/.test(clipboard.replace(/[\r\n]+$/, ''))) return
      event.preventDefault()
      if (readOnly) return
      const plan = planPaste(parseClipboardBlock(clipboard), { row, column }, rowCount.current)
      const byRow = new Map<number, CellWrite[]>()
      for (const write of plan.writes) byRow.set(write.row, [...(byRow.get(write.row) ?? []), write])
      for (let offset = 0; offset < plan.addRows; offset++) {
        const index = rowCount.current + offset
        const subFieldState = blankRow()
        for (const write of byRow.get(index) ?? [])
          subFieldState[write.column] = { value: write.value, initialValue: undefined, valid: true }
        addFieldRow({ path, rowIndex: index, schemaPath: path, subFieldState })
      }
      for (const write of plan.writes) {
        if (write.row >= rowCount.current) continue
        dispatchFields({ type: 'UPDATE', path: `${path}.${write.row}.${write.column}`, value: write.value })
      }
      setModified(true)
      setTouched((seen) => {
        const next = new Set(seen)
        for (const write of plan.writes) next.add(`${path}.${write.row}.${write.column}`)
        return next
      })
      const lines = new Set(plan.writes.map((write) => write.row)).size
      const parts = [
        `Pasted ${plan.writes.length} ${plan.writes.length === 1 ? 'cell' : 'cells'} into ${lines} ${lines === 1 ? 'row' : 'rows'}`,
        plan.addRows ? `${plan.addRows} ${plan.addRows === 1 ? 'row' : 'rows'} added` : '',
        plan.skippedHeader ? 'the header line was skipped' : '',
        plan.ignoredCells
          ? `${plan.ignoredCells} pasted ${plan.ignoredCells === 1 ? 'value' : 'values'} beyond the grid or over the computed total ignored`
          : '',
        plan.droppedLines
          ? `${plan.droppedLines} ${plan.droppedLines === 1 ? 'line was' : 'lines were'} not pasted: a table holds at most ${MAX_ROWS} rows`
          : '',
      ]
      setStatus(`${parts.filter(Boolean).join('; ')}.`)
    },
    [addFieldRow, dispatchFields, path, readOnly, setModified],
  )

  // The names rows were loaded or last saved with, by row id: figures cite a row by its saved name,
  // and a rename in this form does not change them.
  const savedNames = useRef(new Map<string, { role: string; tier: string }>())
  const { lastUpdateTime } = useDocumentInfo()
  useEffect(() => {
    const data = (getDataByPath(path) ?? []) as { id?: string; role?: string; tier?: string }[]
    savedNames.current = new Map(
      data.filter((row) => row.id).map((row) => [row.id as string, { role: row.role ?? '', tier: row.tier ?? '' }]),
    )
  }, [getDataByPath, lastUpdateTime, path])

  const askToRemove = useCallback(
    async (index: number) => {
      const citations = await citationsLoaded()
      const row = (getDataByPath(`${path}.${index}`) ?? {}) as { role?: unknown; tier?: unknown }
      const saved = savedNames.current.get(rows[index]?.id ?? '')
      const citation = citations.get(rowKey(row)) ?? (saved ? citations.get(rowKey(saved)) : undefined)
      if (!citation) {
        removeFieldRow({ path, rowIndex: index })
        setStatus(`${rowLabel(row, index)} removed. Save to apply.`)
        return
      }
      setPending({ index, name: rowLabel(row, index), citation })
    },
    [citationsLoaded, getDataByPath, path, removeFieldRow, rows],
  )

  const confirmRemoval = () => {
    if (!pending) return
    removeFieldRow({ path, rowIndex: pending.index })
    setStatus(`${pending.name} removed. Save to apply; the figures that cite it will show their last published value.`)
    setPending(null)
  }

  const full = rows.length >= MAX_ROWS
  return (
    <div className={`field-type ${styles.field}`} id={`field-${path.replace(/\./g, '__')}`}>
      <div className={styles.header}>
        <h3 className={`field-label ${styles.title}`} id={`${path}-grid-label`}>
          Rows
        </h3>
        <span className="field-description">
          {rows.length} of at most {MAX_ROWS}. Tab and Enter move between cells; paste a block of cells from a
          spreadsheet into any cell.
        </span>
      </div>
      <div className={styles.scroller} role="region" aria-labelledby={`${path}-grid-label`} tabIndex={-1}>
        <table className={styles.grid} aria-labelledby={`${path}-grid-label`}>
          <thead>
            <tr>
              <th scope="col" className={styles.number}>
                <span className={styles.visuallyHidden}>Row</span>
              </th>
              {GRID_COLUMNS.map((column) => (
                <th key={column} scope="col" className={styles[`col_${column}`]} title={GRID_LABELS[column]}>
                  {GRID_HEADINGS[column]}
                </th>
              ))}
              <th scope="col">
                <span className={styles.visuallyHidden}>Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <GridRow
                key={row.id}
                rowsPath={path}
                index={index}
                currency={currency}
                readOnly={readOnly}
                touched={touched}
                onTouch={touch}
                onKeyDown={onKeyDown}
                onPaste={onPaste}
                onRemove={askToRemove}
              />
            ))}
          </tbody>
        </table>
      </div>
      {!readOnly && (
        <div className={styles.footer}>
          <button type="button" className="btn btn--style-secondary btn--size-small" onClick={addRow} disabled={full}>
            Add row
          </button>
          {full && <span className="field-description">A salary table holds at most {MAX_ROWS} rows.</span>}
        </div>
      )}
      <p role="status" aria-live="polite" className={styles.status}>
        {status}
      </p>
      <GridErrors
        rowsPath={path}
        columns={EDITABLE_COLUMNS}
        touched={touched}
        submitted={submitted}
        tableError={valid === false && (submitted || touched.size > 0) ? errorMessage : undefined}
      />
      <RemoveRowModal pending={pending} onConfirm={confirmRemoval} onCancel={() => setPending(null)} />
    </div>
  )
}
