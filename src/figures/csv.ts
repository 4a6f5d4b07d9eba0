import type { SalaryTable } from '@payload-types'

export const SALARY_CSV_COLUMNS = ['role', 'tier', 'base', 'equity', 'bonus', 'total', 'source'] as const

/**
 * One CSV cell (RFC 4180). A text cell that a spreadsheet would run as a formula (=, +, -, @) is
 * prefixed with an apostrophe, so a downloaded file can never execute anything.
 */
function cell(value: string | number): string {
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function salaryTableToCsv(table: Pick<SalaryTable, 'rows'>): string {
  const lines = [SALARY_CSV_COLUMNS.join(',')]
  for (const row of table.rows ?? []) {
    lines.push([row.role, row.tier, row.base, row.equity, row.bonus, row.base + row.equity + row.bonus, row.source].map(cell).join(','))
  }
  return lines.join('\r\n') + '\r\n'
}
