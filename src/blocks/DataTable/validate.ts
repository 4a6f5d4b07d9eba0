import type { ArrayFieldValidation } from 'payload'

import { parseNumericCell } from '@/lib/format'

type Column = { label?: string; type?: string }
type Row = { cells?: { value?: string | null }[] }

/** Every row has one cell per column, and numeric columns hold numbers. */
export const validateDataTableRows: ArrayFieldValidation = (_value, { siblingData }) => {
  const columns = ((siblingData as { columns?: Column[] })?.columns ?? []) as Column[]
  const rows = ((siblingData as { rows?: Row[] })?.rows ?? []) as Row[]
  for (const [rowIndex, row] of rows.entries()) {
    const cells = row.cells ?? []
    if (cells.length !== columns.length) {
      return `Row ${rowIndex + 1} has ${cells.length} cells but the table has ${columns.length} columns.`
    }
    for (const [columnIndex, column] of columns.entries()) {
      const raw = cells[columnIndex]?.value ?? ''
      if (column.type && column.type !== 'text' && raw.trim() !== '' && parseNumericCell(raw) === null) {
        return `Row ${rowIndex + 1}, column “${column.label ?? columnIndex + 1}” must be a number (got “${raw}”).`
      }
    }
  }
  return true
}
