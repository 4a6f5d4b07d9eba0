'use client'

import type { DefaultCellComponentProps } from 'payload'

import { monthsSince } from '@/config/staleness'

/** The "as of" column of the salary-table list: the date, its age, and a flag once it is stale. */
export function AsOfCell({
  cellData,
  staleAfterMonths = 12,
}: DefaultCellComponentProps & { staleAfterMonths?: number }) {
  if (typeof cellData !== 'string') return <span>—</span>
  const age = monthsSince(cellData)
  const date = new Date(cellData).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  })
  const stale = age >= staleAfterMonths
  return (
    <span>
      {date} · {age} mo{' '}
      {stale ? (
        <strong
          style={{ color: 'var(--theme-error-500)' }}
          title={`Older than ${staleAfterMonths} months: check the figures`}
        >
          Stale
        </strong>
      ) : null}
    </span>
  )
}
