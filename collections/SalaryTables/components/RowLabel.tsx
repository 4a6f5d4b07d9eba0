'use client'

import { useRowLabel } from '@payloadcms/ui'

import { rowLabel } from '@/salary-tables/grid'

/** Wherever Payload itself lists the rows (bulk edit, drawers): "AI Engineer · FAANG+", not "Row 01". */
export function SalaryRowLabel() {
  const { data, rowNumber } = useRowLabel<{ role?: string; tier?: string }>()
  return <span>{rowLabel(data, rowNumber ?? 0)}</span>
}
