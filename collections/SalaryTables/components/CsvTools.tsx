'use client'

import { Button, useDocumentInfo } from '@payloadcms/ui'
import { useState, type ChangeEvent } from 'react'

import { formatMoney } from '@/lib/format'
import type { RowChange, SalaryDiff } from '@/salary-tables/csv'
import { rowName, rowTotal, type RowFigures } from '@/salary-tables/model'

type Pending = { fileName: string; csv: string; diff: SalaryDiff }

const show = (change: RowChange) =>
  typeof change.from === 'number'
    ? `${formatMoney(change.from)} → ${formatMoney(change.to as number)}`
    : `${change.from} → ${change.to}`
const figures = (row: RowFigures) =>
  `base ${formatMoney(row.base)}, equity ${formatMoney(row.equity)}, bonus ${formatMoney(row.bonus)}, total ${formatMoney(rowTotal(row))}`

async function post(id: string | number, csv: string, dryRun: boolean) {
  const response = await fetch(`/api/salary-tables/${id}/import${dryRun ? '?dryRun=1' : ''}`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ csv }),
  })
  const body = (await response.json().catch(() => ({}))) as {
    diff?: SalaryDiff
    applied?: boolean
    errors?: { message: string }[]
  }
  if (!response.ok) throw new Error(body.errors?.[0]?.message ?? `The server answered ${response.status}.`)
  return body
}

/**
 * Export and import of the table as CSV. An import is checked on the server first and shown as a
 * diff; nothing is written until the editor confirms, and the page then reloads the saved table.
 */
/** One group of the import diff (changed, added or removed rows), hidden when empty. */
function DiffSection<Row extends { role: string; tier: string }>({
  title,
  rows,
  describe,
}: {
  title: string
  rows: Row[]
  describe: (row: Row) => string
}) {
  if (!rows.length) return null
  return (
    <>
      <h5>{title}</h5>
      <ul>
        {rows.map((row) => (
          <li key={`${row.role}·${row.tier}`}>
            {rowName(row)}: {describe(row)}
          </li>
        ))}
      </ul>
    </>
  )
}

export function CsvTools() {
  const { id } = useDocumentInfo()
  const [pending, setPending] = useState<Pending | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  if (!id) return <p className="field-description">Save the table once to export or import it as CSV.</p>

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    event.target.value = ''
    setPending(null)
    setError(null)
    setMessage(null)
    if (!file) return
    setBusy(true)
    try {
      const csv = await file.text()
      const { diff } = await post(id, csv, true)
      if (diff) setPending({ fileName: file.name, csv, diff })
    } catch (reason) {
      setError(`${file.name}: ${(reason as Error).message} Nothing was changed.`)
    } finally {
      setBusy(false)
    }
  }

  const apply = async () => {
    if (!pending) return
    setBusy(true)
    try {
      const { applied } = await post(id, pending.csv, false)
      setPending(null)
      setMessage(
        applied ? 'Imported and published. Reloading the table…' : 'The file matches the table: nothing to change.',
      )
      if (applied) window.location.reload()
    } catch (reason) {
      setError(`${(reason as Error).message} Nothing was changed.`)
    } finally {
      setBusy(false)
    }
  }

  const diff = pending?.diff
  const empty = diff && !diff.added.length && !diff.removed.length && !diff.changed.length

  return (
    <section aria-labelledby="csv-tools-heading" data-testid="csv-tools" style={{ margin: '1rem 0 1.5rem' }}>
      <h3 id="csv-tools-heading" className="field-label" style={{ marginBottom: '0.5rem' }}>
        CSV
      </h3>
      <div style={{ display: 'flex', gap: '1rem', alignItems: 'center', flexWrap: 'wrap' }}>
        <a className="btn btn--style-secondary btn--size-small" href={`/api/salary-tables/${id}/csv`} download>
          Export CSV
        </a>
        <label className="btn btn--style-secondary btn--size-small" style={{ cursor: 'pointer' }}>
          Import CSV…
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={onFile}
            disabled={busy}
            data-testid="csv-import-file"
            style={{ display: 'none' }}
          />
        </label>
        <span className="field-description">
          Columns: role, tier, base, equity, bonus, total (ignored, recomputed), source.
        </span>
      </div>
      {error && (
        <p role="alert" style={{ color: 'var(--theme-error-500)', marginTop: '0.75rem' }}>
          {error}
        </p>
      )}
      {message && (
        <p role="status" style={{ marginTop: '0.75rem' }}>
          {message}
        </p>
      )}
      {diff && pending && (
        <div
          data-testid="csv-diff"
          style={{ marginTop: '0.75rem', padding: '0.75rem 1rem', border: '1px solid var(--theme-elevation-150)' }}
        >
          <h4 style={{ margin: '0 0 0.5rem' }}>Changes in {pending.fileName}</h4>
          {empty && (
            <p>
              {diff.reordered
                ? 'Same figures; only the order of the rows changes.'
                : 'No changes: the file matches the table.'}
            </p>
          )}
          <DiffSection
            title="Changed"
            rows={diff.changed}
            describe={(row) => row.changes.map((change) => `${change.field} ${show(change)}`).join('; ')}
          />
          <DiffSection title="Added" rows={diff.added} describe={figures} />
          <DiffSection title="Removed" rows={diff.removed} describe={figures} />
          <div style={{ display: 'flex', gap: '0.75rem' }}>
            {!(empty && !diff.reordered) && (
              <Button buttonStyle="primary" size="small" onClick={apply} disabled={busy}>
                Apply and publish
              </Button>
            )}
            <Button buttonStyle="secondary" size="small" onClick={() => setPending(null)} disabled={busy}>
              Cancel
            </Button>
          </div>
        </div>
      )}
    </section>
  )
}
