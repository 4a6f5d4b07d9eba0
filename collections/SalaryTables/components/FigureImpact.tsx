'use client'

import { toast, useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useRef, useState } from 'react'

import type { TableImpact } from '@/salary-tables/impact'

/**
 * At the top of a salary table's form: the figures in articles that this table no longer
 * resolves (a referenced row deleted or renamed, the table unpublished). Read from
 * `GET /api/salary-tables/:id/impact` when the form opens and after every save; a save that leaves
 * broken figures also raises a warning toast. The save itself has gone through: those figures show
 * their last published value until an editor fixes them.
 */
export function FigureImpact() {
  const { id, lastUpdateTime } = useDocumentInfo()
  const [impact, setImpact] = useState<TableImpact | null>(null)
  const seenUpdate = useRef<number | null>(null)

  useEffect(() => {
    if (!id) return
    const afterSave = seenUpdate.current !== null && seenUpdate.current !== lastUpdateTime
    seenUpdate.current = lastUpdateTime
    const controller = new AbortController()
    fetch(`/api/salary-tables/${id}/impact`, { credentials: 'include', signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) return
        const body = (await response.json()) as TableImpact
        setImpact(body)
        // One toast per table: a save can move lastUpdateTime twice (save, then the form's reload).
        if (afterSave && body.message) toast.warning(body.message, { id: `figure-impact-${id}`, duration: 15_000 })
      })
      .catch(() => {
        // The warning is advisory: a failed look-up must not disturb editing.
      })
    return () => controller.abort()
  }, [id, lastUpdateTime])

  if (!impact?.brokenFigures) return null
  const affected = impact.articles.filter((article) => article.broken.length)
  return (
    <div
      role="alert"
      data-testid="figure-impact"
      style={{
        margin: '0 0 1.5rem',
        padding: '0.75rem 1rem',
        border: '1px solid var(--theme-warning-500)',
        background: 'var(--theme-warning-100)',
        borderRadius: 'var(--style-radius-s)',
      }}
    >
      <strong>{impact.summary}.</strong>
      <ul style={{ margin: '0.5rem 0 0' }}>
        {affected.map((article) => (
          <li key={article.id}>
            <a href={`/admin/collections/articles/${article.id}`}>{article.title}</a>:{' '}
            {article.broken
              .map((broken) => `${broken.figure}: ${broken.reason} (readers see ${broken.shown})`)
              .join('; ')}
          </li>
        ))}
      </ul>
    </div>
  )
}
