/** Number formatting for figures shown to readers: one place, so every table and sentence agree. */

const LOCALE = 'en-US'

/** Reads a numeric table cell as editors type it ("12,500", "+180", "38%", "$1,200"). */
export function parseNumericCell(raw: string): number | null {
  const cleaned = raw
    .trim()
    .replace(/[,\s]/g, '')
    .replace(/^\+/, '')
    .replace(/%$/, '')
    .replace(/^[$€£]/, '')
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null
  return Number(cleaned)
}

export function formatMoney(amount: number, currency = 'USD', maximumFractionDigits = 0): string {
  try {
    return new Intl.NumberFormat(LOCALE, { style: 'currency', currency, maximumFractionDigits }).format(amount)
  } catch {
    return `${currency} ${formatNumber(amount, maximumFractionDigits)}`
  }
}

export function formatNumber(value: number, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(LOCALE, { maximumFractionDigits }).format(value)
}

export function formatPercent(value: number, maximumFractionDigits = 0): string {
  return `${formatNumber(value, maximumFractionDigits)}%`
}

export function withSign(text: string, value: number, signed: boolean | null | undefined): string {
  return signed && value > 0 ? `+${text}` : text
}

const monthYear = new Intl.DateTimeFormat(LOCALE, { month: 'long', year: 'numeric', timeZone: 'UTC' })
const fullDate = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

export function formatMonthYear(date: string | Date): string {
  return monthYear.format(new Date(date))
}

export function formatDate(date: string | Date): string {
  return fullDate.format(new Date(date))
}
