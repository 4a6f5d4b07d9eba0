'use client'

import { useEffect, useState } from 'react'

import type { SalaryTable } from '@payload-types'

/**
 * The salary tables a figure drawer has asked for, shared by its pickers and its preview. Drafts
 * included: an editor may be citing a row they have just added.
 */
const tables = new Map<string, Promise<SalaryTable | null>>()

export function tableId(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  if (value && typeof value === 'object') {
    const inner = (value as { id?: unknown; value?: unknown }).id ?? (value as { value?: unknown }).value
    if (typeof inner === 'string' || typeof inner === 'number') return String(inner)
  }
  return undefined
}

export function loadSalaryTable(id: string): Promise<SalaryTable | null> {
  let pending = tables.get(id)
  if (!pending) {
    pending = fetch(`/api/salary-tables/${encodeURIComponent(id)}?depth=0&draft=true`, { credentials: 'include' })
      .then((response) => (response.ok ? (response.json() as Promise<SalaryTable>) : null))
      .catch(() => null)
    tables.set(id, pending)
    // A table edited in another tab shows its new rows the next time a drawer opens.
    setTimeout(() => tables.delete(id), 10_000)
  }
  return pending
}

/** The table with this id: undefined while loading, null when it cannot be read. */
export function useSalaryTable(id: string | undefined): SalaryTable | null | undefined {
  const [loaded, setLoaded] = useState<{ id: string; table: SalaryTable | null } | null>(null)
  useEffect(() => {
    let live = true
    if (id) void loadSalaryTable(id).then((table) => live && setLoaded({ id, table }))
    return () => {
      live = false
    }
  }, [id])
  return id && loaded?.id === id ? loaded.table : undefined
}
