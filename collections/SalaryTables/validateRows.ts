import type { ArrayFieldValidation } from 'payload'

type Row = { role?: unknown; tier?: unknown }

const key = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : '')

/** Each role and company tier appears once, or figures would contradict each other. */
export const validateUniqueRoleTier: ArrayFieldValidation = (value, { data }) => {
  const rows = (Array.isArray((data as { rows?: unknown })?.rows) ? (data as { rows: Row[] }).rows : []) as Row[]
  if (typeof value === 'number' && value < 1) return 'A salary table needs at least one row.'
  const seen = new Map<string, number>()
  for (const [index, row] of rows.entries()) {
    const id = `${key(row.role)}\u0000${key(row.tier)}`
    if (!key(row.role) || !key(row.tier)) continue
    const first = seen.get(id)
    if (first !== undefined) {
      return `Rows ${first + 1} and ${index + 1} both hold ${String(row.role)} · ${String(row.tier)}: each role and tier may appear once.`
    }
    seen.set(id, index)
  }
  return true
}
