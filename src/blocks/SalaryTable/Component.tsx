import type { SalaryTableBlock } from '@payload-types'
import { formatDate, formatMoney } from '@/lib/format'
import { salaryTableCsvPath } from '@/lib/paths'
import { uniqueSources } from '@/lib/sources'
import { COLUMN_LABELS, PAY_PARTS, SHORT_COLUMN_LABELS, type SalaryRow } from '@/salary-tables/model'

import { SalaryChart } from './Chart'

type Props = Omit<SalaryTableBlock, 'blockType'> & { blockType?: string }

/** Consecutive rows of one role share a row header, as in a printed table. */
function roleGroups(rows: SalaryRow[]): SalaryRow[][] {
  const groups: SalaryRow[][] = []
  for (const row of rows) {
    const last = groups[groups.length - 1]
    if (last && last[0].role === row.role) last.push(row)
    else groups.push([row])
  }
  return groups
}

/** A cell's column name, shown beside its value only where the table is laid out as cards (narrow boxes). */
const CellLabel = ({ children }: { children: string }) => (
  <span className="cell-label" aria-hidden="true">
    {children}
  </span>
)

/**
 * The table as a real `<table>` (caption, th scope). In a wide box it is a table; in a narrow one
 * (a phone) each role becomes a card with one line per tier, role, tier and total first and the
 * breakdown under them (tables.css), so the total never sits off-screen. The explicit roles keep it
 * a table for screen readers whatever its CSS display.
 */
export function SalaryTableView({ table, caption, id, showChart }: Props) {
  // An unpublished or deleted table is left out rather than breaking the article.
  if (!table || typeof table !== 'object') return null
  const rows = table.rows ?? []
  const currency = table.currency || 'USD'
  const sources = uniqueSources(rows.map((row) => row.source))
  const captionId = `salary-table-${id ?? table.id}`
  return (
    <figure className="data-figure" data-salary-table={table.id}>
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="data-table salary-table" role="table">
          <caption id={captionId}>
            {caption || table.title}
            {table.period ? <span className="caption-period"> ({table.period})</span> : null}
          </caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">
                Role
              </th>
              <th scope="col" role="columnheader">
                Company tier
              </th>
              <th scope="col" role="columnheader" className="num">
                Total comp. <span className="th-note">(median, {currency})</span>
              </th>
              {PAY_PARTS.map((part) => (
                <th key={part} scope="col" role="columnheader" className="num">
                  {COLUMN_LABELS[part]}
                </th>
              ))}
              <th scope="col" role="columnheader">
                Data source
              </th>
            </tr>
          </thead>
          {roleGroups(rows).map((group) => (
            <tbody key={group[0].id ?? group[0].role} role="rowgroup">
              {group.map((row, index) => (
                <tr key={row.id ?? `${row.role}-${row.tier}`} role="row">
                  {index === 0 ? (
                    <th scope="rowgroup" role="rowheader" rowSpan={group.length} className="row-head">
                      {row.role}
                    </th>
                  ) : null}
                  <th scope="row" role="rowheader" className="row-sub">
                    {row.tier}
                  </th>
                  <td role="cell" className="num total">
                    <CellLabel>{SHORT_COLUMN_LABELS.total}</CellLabel>
                    {formatMoney(row.total ?? 0, currency)}
                  </td>
                  {PAY_PARTS.map((part) => (
                    <td key={part} role="cell" className={`num part part-${part}`}>
                      <CellLabel>{SHORT_COLUMN_LABELS[part]}</CellLabel>
                      {formatMoney(row[part], currency)}
                    </td>
                  ))}
                  <td role="cell" className="row-source">
                    <CellLabel>Source</CellLabel>
                    {row.source}
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      <figcaption className="table-source">
        Source{sources.length === 1 ? '' : 's'}: {sources.join(', ')}. Total = base + equity per year + bonus. Figures
        checked {formatDate(table.asOf)}.{' '}
        <a href={salaryTableCsvPath(table.id)} download>
          Download CSV
        </a>
      </figcaption>
      {showChart ? <SalaryChart table={table} chartId={`${captionId}-chart`} /> : null}
    </figure>
  )
}
