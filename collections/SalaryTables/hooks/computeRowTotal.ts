import type { FieldHook } from 'payload'

type RowParts = { base?: unknown; equity?: unknown; bonus?: unknown }

export function rowTotal(row: RowParts): number {
  const part = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0)
  return part(row.base) + part(row.equity) + part(row.bonus)
}

/** The total is never taken from input: whatever a client sends, the parts decide it. */
export const computeRowTotal: FieldHook = ({ siblingData }) => rowTotal(siblingData as RowParts)
