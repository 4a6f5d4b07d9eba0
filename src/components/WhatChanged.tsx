import type { FigureChange } from '@/salary-tables/history'

/** "What changed": the figure edits behind this article, newest first, collapsed by default. */
export function WhatChanged({ changes }: { changes: FigureChange[] }) {
  if (!changes.length) return null
  return (
    <details className="what-changed">
      <summary>What changed ({changes.length})</summary>
      <ol>
        {changes.map((change) => (
          <li key={change.key}>{change.text}</li>
        ))}
      </ol>
    </details>
  )
}
