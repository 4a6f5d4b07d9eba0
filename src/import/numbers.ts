/**
 * Amounts as posts write them: "$210,000", "165000", "$165k", "+180%", "38%", "3.5x",
 * "12,500 (LinkedIn)". Table cells are read whole; prose is searched for the numbers that can be
 * figures (money, percentages, multipliers, grouped counts), not years, levels or list numbers.
 */

export type NumberKind = 'currency' | 'percent' | 'multiplier' | 'number'

export type ReadNumber = {
  value: number
  kind: NumberKind
  /** Written with a leading "+". */
  signed: boolean
  /** Digits after the decimal point, as written ("3.5x" → 1). */
  decimals: number
  currency?: string
  /** Text after the number that the cell also held, e.g. "(LinkedIn)". */
  note?: string
}

const SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP' }
const SCALE: Record<string, number> = { k: 1_000, K: 1_000, m: 1_000_000, M: 1_000_000 }

// sign, currency symbol, digits (grouped or not), decimals, scale, unit; then an optional note.
const CELL =
  /^([+\-−]?)\s*([$€£])?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*([kKmM](?![a-z]))?\s*(%|[x×](?![a-z]))?\s*(?:USD|EUR|GBP)?\s*(\(.*\))?$/

/** Reads a whole table cell as a number, or null when it is not one. */
export function readCell(raw: string): ReadNumber | null {
  const text = raw.trim().replace(/\u00a0/g, ' ')
  const match = CELL.exec(text)
  if (!match) return null
  const [, sign, symbol, whole, fraction = '', scale, unit, note] = match
  let value = Number(`${whole.replace(/,/g, '')}${fraction ? `.${fraction}` : ''}`)
  if (scale) value *= SCALE[scale]
  if (sign === '-' || sign === '−') value = -value
  const kind: NumberKind = symbol ? 'currency' : unit === '%' ? 'percent' : unit ? 'multiplier' : 'number'
  return {
    value: Number(value.toFixed(6)),
    kind,
    signed: sign === '+',
    decimals: scale ? 0 : fraction.length,
    currency: symbol ? SYMBOLS[symbol] : undefined,
    note: note?.trim() || undefined,
  }
}

/** A whole, non-negative money amount in a salary-table cell, or why it is not one. */
export function readMoney(raw: string): { value: number } | { error: string } {
  const text = raw.trim()
  if (!text) return { error: 'the amount is empty' }
  const read = readCell(text)
  if (!read || read.kind === 'percent' || read.kind === 'multiplier' || read.note)
    return { error: `“${text}” is not an amount` }
  if (read.value < 0) return { error: `“${text}” is negative` }
  if (!Number.isInteger(read.value)) return { error: `“${text}” has cents; salary tables hold whole amounts` }
  if (read.value > 100_000_000) return { error: `“${text}” is too large for a salary figure` }
  return { value: read.value }
}

export type FoundNumber = ReadNumber & { start: number; end: number; text: string }

// In prose: money with a symbol, percentages, multipliers, and counts grouped by thousands.
const PROSE =
  /(?<![\w.,])(?:([+-]?)([$€£])\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?([kKmM](?![a-zA-Z]))?|([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s?(%|[x×](?![a-zA-Z0-9]))|(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?)(?![\w,]*\d)/g

/** The figure-like numbers in a sentence, with their positions. */
export function findNumbers(text: string): FoundNumber[] {
  const found: FoundNumber[] = []
  for (const match of text.matchAll(PROSE)) {
    const start = match.index ?? 0
    let matched = match[0]
    // "0.1%–0.3%": a range is two numbers; the lookbehind stops the second from starting mid-word.
    const read = readCell(matched.replace(/\s/g, ''))
    if (!read) continue
    // The end-of-number guard can swallow a trailing comma of a list; the number ends at its digits.
    matched = matched.replace(/[,\s]+$/, '')
    found.push({ ...read, start, end: start + matched.length, text: matched })
  }
  return found
}
