'use client'

import { useConfig, useFormFields, useTranslation } from '@payloadcms/ui'

import { GRID_LABELS, rowLabel, type EditableColumn } from '@/salary-tables/grid'

import { validateUniqueRoleTier } from '../validateRows'
import { cellId, cellProblem } from './GridCell'
import styles from './RowsGrid.module.css'

type Problem = { path: string; row: number; column: EditableColumn; message: string; name: string }

/**
 * Every refused cell of the grid, each message in full with the row and column it is about, as
 * links to the cell. Payload shows a field's error in a small tooltip that cuts long messages; a
 * grid of a hundred rows needs them listed where they can be read.
 */
export function GridErrors({
  rowsPath,
  columns,
  touched,
  submitted,
  tableError: serverTableError,
}: {
  rowsPath: string
  columns: readonly EditableColumn[]
  touched: Set<string>
  submitted: boolean
  tableError?: string
}) {
  const { config } = useConfig()
  const { t } = useTranslation()
  // A string, so the list re-renders only when the problems change, not on every keystroke.
  const serialized = useFormFields(([fields]) => {
    const found: Problem[] = []
    const count = typeof fields[rowsPath]?.value === 'number' ? (fields[rowsPath]?.value as number) : 0
    for (let row = 0; row < count; row++) {
      for (const column of columns) {
        const path = `${rowsPath}.${row}.${column}`
        const field = fields[path]
        if (!(submitted || touched.has(path))) continue
        const message =
          cellProblem(column, field?.value, { config, t }) ??
          (submitted && field?.valid === false ? field.errorMessage : null)
        if (!message) continue
        const name = rowLabel(
          { role: fields[`${rowsPath}.${row}.role`]?.value, tier: fields[`${rowsPath}.${row}.tier`]?.value },
          row,
        )
        found.push({ path, row, column, message, name })
      }
    }
    // The table's own rule (one row per role and tier), on the rows as they stand.
    const rows = Array.from({ length: count }, (_, row) => ({
      role: fields[`${rowsPath}.${row}.role`]?.value,
      tier: fields[`${rowsPath}.${row}.tier`]?.value,
    }))
    const table = touched.size || submitted ? validateUniqueRoleTier(count as never, { data: { rows } } as never) : true
    return JSON.stringify({ found, table: typeof table === 'string' ? table : null })
  })
  const { found: problems, table } = JSON.parse(serialized) as { found: Problem[]; table: string | null }
  const tableError = table ?? serverTableError
  if (!problems.length && !tableError) return null
  return (
    <div className={styles.errors} role="alert" data-testid="grid-errors">
      <strong>
        {problems.length + (tableError ? 1 : 0) === 1 ? 'One thing to fix' : 'Things to fix'} before saving:
      </strong>
      <ul>
        {tableError && <li>{tableError}</li>}
        {problems.map((problem) => {
          const id = cellId(rowsPath, problem.row, problem.column)
          return (
            <li key={problem.path} id={`${id}-error`}>
              <a
                href={`#${id}`}
                onClick={(event) => {
                  event.preventDefault()
                  document.getElementById(id)?.focus()
                }}
              >
                Row {problem.row + 1} ({problem.name}), {GRID_LABELS[problem.column]}
              </a>
              : {problem.message}
            </li>
          )
        })}
      </ul>
    </div>
  )
}
