import type { DataTableBlock } from '@payload-types'
import { formatMoney, formatNumber, formatPercent, parseNumericCell, withSign } from '@/lib/format'

type Props = Omit<DataTableBlock, 'blockType'> & { blockType?: string }
type Column = DataTableBlock['columns'][number]

function formatCell(raw: string, column: Column, currency: string): string {
  if (column.type === 'text') return raw
  const value = parseNumericCell(raw)
  if (value === null) return raw
  const text =
    column.type === 'currency'
      ? formatMoney(value, currency)
      : column.type === 'percent'
        ? formatPercent(value, 1)
        : formatNumber(value, 2)
  return withSign(text, value, column.signed)
}

export function DataTableView({ caption, columns, rows, currency, source, id }: Props) {
  const captionId = `data-table-${id ?? caption}`
  const columnSources = [...new Set(columns.map((column) => column.source).filter(Boolean))]
  const sourceLine = source || columnSources.join('; ')
  return (
    <figure className="data-figure">
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="data-table">
          <caption id={captionId}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.id ?? column.label} scope="col" className={column.type === 'text' ? undefined : 'num'}>
                  {column.label}
                  {column.source && columnSources.length > 1 ? (
                    <span className="column-source"> ({column.source})</span>
                  ) : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, rowIndex) => (
              <tr key={row.id ?? rowIndex}>
                {columns.map((column, columnIndex) => {
                  const raw = row.cells[columnIndex]?.value ?? ''
                  const text = formatCell(raw, column, currency || 'USD')
                  const className = column.type === 'text' ? undefined : 'num'
                  return columnIndex === 0 ? (
                    <th key={column.id ?? columnIndex} scope="row" className={className}>
                      {text}
                    </th>
                  ) : (
                    <td key={column.id ?? columnIndex} className={className}>
                      {text}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sourceLine ? <figcaption className="table-source">Source: {sourceLine}.</figcaption> : null}
    </figure>
  )
}
