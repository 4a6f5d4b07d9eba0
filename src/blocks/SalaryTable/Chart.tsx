import type { SalaryTable } from '@payload-types'
import { formatMoney } from '@/lib/format'
import { PAY_PARTS, rowName, rowTotal, SHORT_COLUMN_LABELS } from '@/salary-tables/model'

/** Pixel rows of the drawing; widths are percentages of the box, so nothing is ever scaled. */
const LEGEND_HEIGHT = 30
const LINE_HEIGHT = 16
const LABEL_BASELINE = 14
const BAR_GAP = 6
const BAR_HEIGHT = 16
const ROW_GAP = 10
const AXIS_HEIGHT = 26
/**
 * SVG text does not wrap: a row's name is broken at spaces into lines of at most this many
 * characters, which fit a 280 px box (a 320 px phone) at the chart's 13 px.
 */
const LABEL_CHARS = 34
/** The longest bar's share of the width: the rest holds its total, written after it. */
const BAR_SHARE = 74
/** Legend entries: x offset in px (they fit a 280 px box at the chart's 13 px text). */
const LEGEND_X = [0, 64, 184]

/** A round step that divides `max` into at most five intervals: 10k, 20k, 25k, 50k, 100k… */
export function tickStep(max: number): number {
  const rough = Math.max(max, 1) / 5
  const magnitude = 10 ** Math.floor(Math.log10(rough))
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough)
  return step ?? 10 * magnitude
}

/** `text` in lines of at most `max` characters, broken at spaces (a longer word keeps its own line). */
export function wrapLabel(text: string, max = LABEL_CHARS): string[] {
  const lines: string[] = []
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1]
    if (last !== undefined && `${last} ${word}`.length <= max) lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
  }
  return lines.length ? lines : ['']
}

type SalaryRow = NonNullable<SalaryTable['rows']>[number]
type RowLayout = {
  row: SalaryRow
  lines: string[]
  top: number
  barTop: number
  /** Each part's start and width, in percent of the box; `end` is where the total is written. */
  segments: { part: (typeof PAY_PARTS)[number]; start: number; width: number }[]
  end: number
}

/** Where each row's name, bar and total go: rows stack down, each as tall as its name's lines. */
function layoutRows(rows: SalaryRow[], share: (amount: number) => number): { rows: RowLayout[]; bottom: number } {
  const laidOut: RowLayout[] = []
  let y = LEGEND_HEIGHT
  for (const row of rows) {
    const lines = wrapLabel(rowName(row))
    const barTop = y + lines.length * LINE_HEIGHT + BAR_GAP
    const segments: RowLayout['segments'] = []
    let end = 0
    for (const part of PAY_PARTS) {
      segments.push({ part, start: end, width: share(row[part]) })
      end += share(row[part])
    }
    laidOut.push({ row, lines, top: y, barTop, segments, end })
    y = barTop + BAR_HEIGHT + ROW_GAP
  }
  return { rows: laidOut, bottom: y - ROW_GAP / 2 }
}

const percent = (value: number) => `${Math.round(value * 100) / 100}%`

const compactMoney = (amount: number, currency: string) => {
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      notation: 'compact',
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
    }).format(amount)
  } catch {
    return formatMoney(amount, currency)
  }
}

/**
 * Each row's compensation as a stacked bar (base, equity per year, bonus) with its name above it,
 * its total written at its end and a money axis under the bars. Server-rendered SVG without a
 * viewBox: lengths across are percentages of the box and text is set in CSS pixels, so the text is
 * the same size (13 px, tables.css) in a phone's 300 px box as on a laptop, and never shrinks.
 * Colours come from the stylesheet, so it follows dark mode and print.
 */
export function SalaryChart({ table, chartId }: { table: SalaryTable; chartId: string }) {
  const rows = table.rows ?? []
  if (!rows.length) return null
  const currency = table.currency || 'USD'
  const step = tickStep(Math.max(...rows.map(rowTotal)))
  const axisMax = Math.max(step, Math.ceil(Math.max(...rows.map(rowTotal)) / step) * step)
  const share = (amount: number) => (Math.max(amount, 0) / axisMax) * BAR_SHARE
  const ticks = Array.from({ length: Math.round(axisMax / step) + 1 }, (_, index) => index * step)
  const { rows: layout, bottom: barsBottom } = layoutRows(rows, share)
  const height = barsBottom + AXIS_HEIGHT
  const titleId = `${chartId}-title`
  const descId = `${chartId}-desc`
  return (
    <svg
      className="salary-chart"
      width="100%"
      height={height}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      data-chart-for={table.id}
    >
      <title id={titleId}>{`Chart: ${table.title}`}</title>
      <desc id={descId}>
        Stacked bars of base salary, equity per year and bonus for each role and company tier, with each total at the
        end of its bar; the table above shows the same figures.
      </desc>
      <g className="chart-legend">
        {PAY_PARTS.map((part, index) => (
          <g key={part} transform={`translate(${LEGEND_X[index]}, 6)`}>
            <rect className={`chart-${part}`} width="12" height="12" rx="2" />
            <text x="18" y="11">
              {SHORT_COLUMN_LABELS[part]}
            </text>
          </g>
        ))}
      </g>
      <g className="chart-grid">
        {ticks.map((tick) => (
          <line key={tick} x1={percent(share(tick))} x2={percent(share(tick))} y1={LEGEND_HEIGHT} y2={barsBottom} />
        ))}
      </g>
      {layout.map(({ row, lines, top, barTop, segments, end }) => (
        <g key={row.id ?? `${row.role}-${row.tier}`} className="chart-row">
          <text className="chart-label" x="0" y={top + LABEL_BASELINE}>
            {lines.map((line, index) => (
              <tspan key={index} x="0" dy={index ? LINE_HEIGHT : 0}>
                {line}
              </tspan>
            ))}
          </text>
          {segments.map(({ part, start, width }) => (
            <rect
              key={part}
              className={`chart-${part}`}
              x={percent(start)}
              y={barTop}
              width={percent(width)}
              height={BAR_HEIGHT}
            />
          ))}
          <text className="chart-total" x={percent(end)} dx="6" y={barTop + BAR_HEIGHT - 3}>
            {formatMoney(rowTotal(row), currency)}
          </text>
        </g>
      ))}
      <g className="chart-axis">
        <line x1="0" x2={percent(BAR_SHARE)} y1={barsBottom} y2={barsBottom} />
        {ticks.map((tick, index) => (
          // Every other label gives way in a narrow box (tables.css), so none overlap.
          <text
            key={tick}
            className={index % 2 ? 'tick-odd' : undefined}
            x={percent(share(tick))}
            y={barsBottom + 18}
            textAnchor={index === 0 ? 'start' : 'middle'}
          >
            {compactMoney(tick, currency)}
          </text>
        ))}
      </g>
    </svg>
  )
}
