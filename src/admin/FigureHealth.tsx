import type { Payload } from 'payload'

import { resolveFigures } from '@/figures/resolve'
import { staleAfterMonths, staleCutoff } from '@/config/staleness'

/**
 * On the admin dashboard: salary tables whose figures are due a check, and figures in articles
 * whose cell has gone (they show their last value to readers until an editor fixes them).
 */
export async function FigureHealth({ payload }: { payload: Payload }) {
  const months = staleAfterMonths()
  const [stale, articles] = await Promise.all([
    payload.find({
      collection: 'salary-tables',
      where: { asOf: { less_than: staleCutoff().toISOString() } },
      depth: 0,
      limit: 50,
      overrideAccess: true,
      select: { title: true, asOf: true },
    }),
    payload.find({
      collection: 'articles',
      where: { salaryTables: { exists: true } },
      depth: 2,
      limit: 500,
      overrideAccess: true,
      select: { title: true, content: true },
    }),
  ])
  const broken = articles.docs.flatMap((article) =>
    resolveFigures(article.content).broken.map(({ fields, reason }) => ({
      article,
      reason,
      shown: fields.lastValue || '—',
    })),
  )
  return (
    <section style={{ marginBottom: 'calc(var(--base) * 2)' }} aria-labelledby="figure-health-title">
      <h2 id="figure-health-title" style={{ marginBottom: 'var(--base)' }}>
        Figure health
      </h2>
      <h3>
        Salary tables older than {months} months ({stale.totalDocs})
      </h3>
      {stale.docs.length ? (
        <ul>
          {stale.docs.map((table) => (
            <li key={table.id}>
              <a href={`/admin/collections/salary-tables/${table.id}`}>{table.title}</a> — figures checked{' '}
              {new Date(table.asOf).toLocaleDateString('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' })}
            </li>
          ))}
        </ul>
      ) : (
        <p>None: every table was checked recently.</p>
      )}
      <h3>Broken figures ({broken.length})</h3>
      {broken.length ? (
        <ul>
          {broken.map(({ article, reason, shown }, index) => (
            <li key={`${article.id}-${index}`}>
              <a href={`/admin/collections/articles/${article.id}`}>{article.title}</a>: {reason} (readers see {shown})
            </li>
          ))}
        </ul>
      ) : (
        <p>None: every figure resolves.</p>
      )}
    </section>
  )
}
