'use client'

import { useFormFields } from '@payloadcms/ui'
import { memo, type ClipboardEvent, type KeyboardEvent } from 'react'

import { formatMoney } from '@/lib/format'
import { EDITABLE_COLUMNS, rowLabel, type EditableColumn } from '@/salary-tables/grid'
import { rowTotal } from '@/salary-tables/model'

import { cellId, GridCell } from './GridCell'
import styles from './RowsGrid.module.css'

type Props = {
  rowsPath: string
  index: number
  currency: string
  readOnly: boolean
  touched: Set<string>
  onTouch: (path: string) => void
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>, row: number, column: EditableColumn) => void
  onPaste: (event: ClipboardEvent<HTMLInputElement>, row: number, column: EditableColumn) => void
  onRemove: (index: number) => void
}

/** One line of the grid, named by its role and tier, with its live total and its Remove button. */
export const GridRow = memo(function GridRow({
  rowsPath,
  index,
  currency,
  readOnly,
  touched,
  onRemove,
  ...cell
}: Props) {
  const rowPath = `${rowsPath}.${index}`
  const role = useFormFields(([fields]) => fields[`${rowPath}.role`]?.value)
  const tier = useFormFields(([fields]) => fields[`${rowPath}.tier`]?.value)
  const base = useFormFields(([fields]) => fields[`${rowPath}.base`]?.value)
  const equity = useFormFields(([fields]) => fields[`${rowPath}.equity`]?.value)
  const bonus = useFormFields(([fields]) => fields[`${rowPath}.bonus`]?.value)
  const name = rowLabel({ role, tier }, index)
  const columns = (from: number, to?: number) =>
    EDITABLE_COLUMNS.slice(from, to).map((column) => (
      <td key={column} className={styles[`col_${column}`]}>
        <GridCell
          rowsPath={rowsPath}
          row={index}
          rowName={name}
          column={column}
          currency={currency}
          readOnly={readOnly}
          touched={touched.has(`${rowPath}.${column}`)}
          {...cell}
        />
      </td>
    ))

  return (
    <tr aria-label={name} data-testid="salary-row">
      <th scope="row" className={styles.number}>
        {index + 1}
      </th>
      {columns(0, 5)}
      <td className={styles.col_total}>
        {/* Display only: the stored total is computed on the server from the saved parts. */}
        <output id={cellId(rowsPath, index, 'total')} data-testid="row-total" className={styles.total}>
          {formatMoney(rowTotal({ base, equity, bonus }), currency)}
        </output>
      </td>
      {columns(5)}
      <td className={styles.actions}>
        {!readOnly && (
          <button
            type="button"
            className={styles.remove}
            aria-label={`Remove ${name}`}
            title={`Remove ${name}`}
            onClick={() => onRemove(index)}
          >
            Remove
          </button>
        )}
      </td>
    </tr>
  )
})
