import type { SalaryTable } from '@payload-types'
import { formatMoney } from '@/lib/format'
import { PAY_PARTS, rowName, rowTotal, SHORT_COLUMN_LABELS } from '@/salary-tables/model'

const LABEL_WIDTH = 230
const BAR_WIDTH = 330
const TOTAL_WIDTH = 90
const ROW_HEIGHT = 30
const LEGEND_HEIGHT = 34

/**
 * A server-rendered SVG of each row's compensation, stacked base / equity / bonus. No client
 * JavaScript; colours come from the site's stylesheet, so it follows dark mode and print.
 */
export function SalaryChart({ table, chartId }: { table: SalaryTable; chartId: string }) {
  const rows = table.rows ?? []
  if (!rows.length) return null
  const currency = table.currency || 'USD'
  const max = Math.max(...rows.map(rowTotal), 1)
  const scale = BAR_WIDTH / max
  const width = LABEL_WIDTH + BAR_WIDTH + TOTAL_WIDTH
  const height = LEGEND_HEIGHT + rows.length * ROW_HEIGHT
  const titleId = `${chartId}-title`
  const descId = `${chartId}-desc`
  return (
    <svg
      className="salary-chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
    >
      <title id={titleId}>{`Chart: ${table.title}`}</title>
      <desc id={descId}>
        Stacked bars of base salary, equity per year and bonus for each role and company tier; the table shows the same
        figures.
      </desc>
      <g className="chart-legend">
        {PAY_PARTS.map((part, index) => (
          <g key={part} transform={`translate(${LABEL_WIDTH + index * 110}, 8)`}>
            <rect className={`chart-${part}`} width="12" height="12" rx="2" />
            <text x="18" y="11">
              {SHORT_COLUMN_LABELS[part]}
            </text>
          </g>
        ))}
      </g>
      {rows.map((row, index) => {
        const y = LEGEND_HEIGHT + index * ROW_HEIGHT
        let x = LABEL_WIDTH
        return (
          <g key={row.id ?? `${row.role}-${row.tier}`}>
            <text className="chart-label" x={LABEL_WIDTH - 8} y={y + 18} textAnchor="end">
              {rowName(row)}
            </text>
            {PAY_PARTS.map((part) => {
              const segment = row[part] * scale
              const rect = (
                <rect
                  key={part}
                  className={`chart-${part}`}
                  x={x}
                  y={y + 5}
                  width={Math.max(segment, 0)}
                  height={ROW_HEIGHT - 10}
                />
              )
              x += segment
              return rect
            })}
            <text className="chart-total" x={x + 6} y={y + 18}>
              {formatMoney(rowTotal(row), currency)}
            </text>
          </g>
        )
      })}
    </svg>
  )
}
