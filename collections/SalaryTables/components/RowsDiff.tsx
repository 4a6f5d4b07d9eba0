import type { FieldDiffServerProps } from 'payload'

import { formatNumber } from '@/lib/format'
import { rowKey, rowName, rowTotal, type SalaryRow } from '@/salary-tables/model'
import { summarizeRowChanges } from '@/salary-tables/versionSummary'

const rowsOf = (value: unknown): SalaryRow[] => (Array.isArray(value) ? (value as SalaryRow[]) : [])

/**
 * The rows in Payload's comparison of two versions: what changed, row by named row
 * ("AI Engineer · FAANG+ base 165,000 → 170,000"), then the compared version's rows with the
 * changed ones marked, instead of Payload's "Item 01 … Item 06".
 */
export function RowsDiff({ comparisonValue, versionValue }: FieldDiffServerProps) {
  const from = rowsOf(comparisonValue)
  const to = rowsOf(versionValue)
  const changes = summarizeRowChanges(from, to)
  const before = new Map(from.map((row) => [rowKey(row), row]))
  const same = (row: SalaryRow) => {
    const old = before.get(rowKey(row))
    return (
      old &&
      old.base === row.base &&
      old.equity === row.equity &&
      old.bonus === row.bonus &&
      old.source === row.source &&
      old.role === row.role &&
      old.tier === row.tier
    )
  }
  return (
    <section data-testid="rows-diff" style={{ marginBottom: 'calc(var(--base) * 1.5)' }}>
      <h3 className="field-label" style={{ marginBottom: '0.5rem' }}>
        Rows
      </h3>
      {changes.length ? (
        <ul style={{ margin: '0 0 0.75rem', paddingLeft: '1.25rem' }}>
          {changes.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      ) : (
        <p className="field-description">No change to the rows.</p>
      )}
      <div className="table">
        <table cellPadding="0" cellSpacing="0" style={{ fontVariantNumeric: 'tabular-nums' }}>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Base</th>
              <th scope="col">Equity / year</th>
              <th scope="col">Bonus</th>
              <th scope="col">Total</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {to.map((row) => (
              <tr key={rowKey(row)} style={same(row) ? undefined : { fontWeight: 600 }}>
                <th scope="row" style={{ textAlign: 'left', fontWeight: 'inherit' }}>
                  {rowName(row)}
                  {same(row) ? '' : before.has(rowKey(row)) ? ' (changed)' : ' (added)'}
                </th>
                <td>{formatNumber(row.base)}</td>
                <td>{formatNumber(row.equity)}</td>
                <td>{formatNumber(row.bonus)}</td>
                <td style={{ whiteSpace: 'nowrap' }}>{formatNumber(rowTotal(row))}</td>
                <td>{row.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
