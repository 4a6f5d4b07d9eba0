'use client'

import { useFormFields } from '@payloadcms/ui'

import { GRID_LABELS, rowLabel, type EditableColumn } from '@/salary-tables/grid'

import { cellId } from './GridCell'
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
  tableError,
}: {
  rowsPath: string
  columns: readonly EditableColumn[]
  touched: Set<string>
  submitted: boolean
  tableError?: string
}) {
  // A string, so the list re-renders only when the problems change, not on every keystroke.
  const serialized = useFormFields(([fields]) => {
    const found: Problem[] = []
    const count = typeof fields[rowsPath]?.value === 'number' ? (fields[rowsPath]?.value as number) : 0
    for (let row = 0; row < count; row++) {
      for (const column of columns) {
        const path = `${rowsPath}.${row}.${column}`
        const field = fields[path]
        if (field?.valid !== false || !field.errorMessage || !(submitted || touched.has(path))) continue
        const name = rowLabel(
          { role: fields[`${rowsPath}.${row}.role`]?.value, tier: fields[`${rowsPath}.${row}.tier`]?.value },
          row,
        )
        found.push({ path, row, column, message: field.errorMessage, name })
      }
    }
    return JSON.stringify(found)
  })
  const problems = JSON.parse(serialized) as Problem[]
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
