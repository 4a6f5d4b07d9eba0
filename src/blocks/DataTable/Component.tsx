import type { DataTableBlock } from '@payload-types'
import { formatMoney, formatNumber, formatPercent, parseNumericCell, withSign } from '@/lib/format'
import { uniqueSources } from '@/lib/sources'

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

/**
 * A real `<table>` (caption, th scope) that, in a narrow box (a phone), becomes one card per row: the
 * first column as its title, each other cell under it beside its column's name (tables.css). The
 * explicit roles keep it a table for screen readers whatever its CSS display.
 */
export function DataTableView({ caption, columns, rows, currency, source, id }: Props) {
  const captionId = `data-table-${id ?? caption}`
  const columnSources = uniqueSources(columns.map((column) => column.source))
  const sources = source ? uniqueSources([source]) : columnSources
  return (
    <figure className="data-figure">
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="data-table stacks" role="table">
          <caption id={captionId}>{caption}</caption>
          <thead role="rowgroup">
            <tr role="row">
              {columns.map((column) => (
                <th
                  key={column.id ?? column.label}
                  scope="col"
                  role="columnheader"
                  className={column.type === 'text' ? undefined : 'num'}
                >
                  {column.label}
                  {column.source && columnSources.length > 1 ? (
                    <span className="column-source"> ({column.source})</span>
                  ) : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {rows.map((row, rowIndex) => (
              <tr key={row.id ?? rowIndex} role="row">
                {columns.map((column, columnIndex) => {
                  const raw = row.cells[columnIndex]?.value ?? ''
                  const text = formatCell(raw, column, currency || 'USD')
                  const className = column.type === 'text' ? undefined : 'num'
                  return columnIndex === 0 ? (
                    <th key={column.id ?? columnIndex} scope="row" role="rowheader" className={className}>
                      {text}
                    </th>
                  ) : (
                    <td key={column.id ?? columnIndex} role="cell" className={className}>
                      <span className="cell-label" aria-hidden="true">
                        {column.label}
                        {column.source && columnSources.length > 1 ? (
                          <span className="column-source"> ({column.source})</span>
                        ) : null}
                      </span>
                      <span className="cell-value">{text}</span>
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sources.length ? (
        <figcaption className="table-source">
          Source{sources.length === 1 ? '' : 's'}: {sources.join(', ')}.
        </figcaption>
      ) : null}
    </figure>
  )
}
