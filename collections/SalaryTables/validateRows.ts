import type { ArrayFieldValidation } from 'payload'

import { MAX_ROWS, rowKey, rowName } from '@/salary-tables/model'

type Row = { role?: unknown; tier?: unknown }

const filled = (value: unknown) => typeof value === 'string' && value.trim() !== ''

/** Each role and company tier appears once, or figures would contradict each other. */
export const validateUniqueRoleTier: ArrayFieldValidation = (value, { data }) => {
  const rows = (Array.isArray((data as { rows?: unknown })?.rows) ? (data as { rows: Row[] }).rows : []) as Row[]
  // A custom validate replaces Payload's own (required, minRows), so the row count is checked here.
  // The value is the row count in the admin form and the rows themselves through the API.
  const count = typeof value === 'number' ? value : Array.isArray(value) ? value.length : rows.length
  if (count < 1) return 'A salary table needs at least one row.'
  if (count > MAX_ROWS) return `A salary table holds at most ${MAX_ROWS} rows.`
  const seen = new Map<string, number>()
  for (const [index, row] of rows.entries()) {
    if (!filled(row.role) || !filled(row.tier)) continue
    const first = seen.get(rowKey(row))
    if (first !== undefined) {
      return `Rows ${first + 1} and ${index + 1} both hold ${rowName(row)}: each role and tier may appear once.`
    }
    seen.set(rowKey(row), index)
  }
  return true
}
