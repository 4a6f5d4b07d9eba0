import type { SalaryTableBlock } from '@payload-types'
import { formatDate, formatMoney } from '@/lib/format'
import { salaryTableCsvPath } from '@/lib/paths'
import { COLUMN_LABELS, PAY_PARTS, type SalaryRow } from '@/salary-tables/model'

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

export function SalaryTableView({ table, caption, id, showChart }: Props) {
  // An unpublished or deleted table is left out rather than breaking the article.
  if (!table || typeof table !== 'object') return null
  const rows = table.rows ?? []
  const currency = table.currency || 'USD'
  const sources = [...new Set(rows.map((row) => row.source).filter(Boolean))]
  const captionId = `salary-table-${id ?? table.id}`
  return (
    <figure className="data-figure" data-salary-table={table.id}>
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="data-table">
          <caption id={captionId}>
            {caption || table.title}
            {table.period ? <span className="caption-period"> ({table.period})</span> : null}
          </caption>
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Company tier</th>
              <th scope="col" className="num">
                Total comp. <span className="th-note">(median, {currency})</span>
              </th>
              {PAY_PARTS.map((part) => (
                <th key={part} scope="col" className="num">
                  {COLUMN_LABELS[part]}
                </th>
              ))}
              <th scope="col">Data source</th>
            </tr>
          </thead>
          {roleGroups(rows).map((group) => (
            <tbody key={group[0].id ?? group[0].role}>
              {group.map((row, index) => (
                <tr key={row.id ?? `${row.role}-${row.tier}`}>
                  {index === 0 ? (
                    <th scope="rowgroup" rowSpan={group.length} className="row-head">
                      {row.role}
                    </th>
                  ) : null}
                  <th scope="row" className="row-sub">
                    {row.tier}
                  </th>
                  <td className="num total">{formatMoney(row.total ?? 0, currency)}</td>
                  {PAY_PARTS.map((part) => (
                    <td key={part} className="num">
                      {formatMoney(row[part], currency)}
                    </td>
                  ))}
                  <td>{row.source}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      <figcaption className="table-source">
        Source{sources.length === 1 ? '' : 's'}: {sources.join('; ')}. Total = base + equity per year + bonus. Figures
        checked {formatDate(table.asOf)}.{' '}
        <a href={salaryTableCsvPath(table.id)} download>
          Download CSV
        </a>
      </figcaption>
      {showChart ? (
        // On a phone the chart keeps a legible size and scrolls sideways, like the table.
        <div className="chart-scroll" role="region" aria-label={`Chart: ${table.title}`} tabIndex={0}>
          <SalaryChart table={table} chartId={`${captionId}-chart`} />
        </div>
      ) : null}
    </figure>
  )
}
