'use client'

import { useAllFormFields, useDocumentInfo, useField } from '@payloadcms/ui'
import { reduceFieldsToValues } from 'payload/shared'
import { useEffect, useMemo, useState } from 'react'

import type { TablePreview } from '@/salary-tables/preview'

/** The fields a preview sends: the table as the form holds it, nothing of the admin's own state. */
const SENT = ['title', 'currency', 'period', 'asOf', 'notes', 'rows'] as const
const DEBOUNCE_MS = 400

const CLAIM_TEXT = { holds: 'claim holds', contradicted: 'claim becomes false', unchanged: null } as const

/**
 * Above the form, before "Publish changes": every statement readers will see change once the form
 * as it stands is published (sentences, callouts, FAQs, excerpts on cards, SEO descriptions), as
 * before → after with its article, and every figure that would break. Refreshed from the form
 * state as the editor types (POST /api/salary-tables/:id/preview writes nothing). When a sentence
 * would become false or a figure break, it holds the confirmation Publish then needs.
 */
export function ChangePreview() {
  const { id } = useDocumentInfo()
  const [fields] = useAllFormFields()
  const confirm = useField<boolean>({ path: 'confirmContradictions' })
  const [preview, setPreview] = useState<TablePreview | null>(null)
  const [state, setState] = useState<'idle' | 'loading' | 'failed'>('idle')

  const body = useMemo(() => {
    const values = reduceFieldsToValues(fields, true) as Record<string, unknown>
    return JSON.stringify(Object.fromEntries(SENT.filter((name) => name in values).map((name) => [name, values[name]])))
  }, [fields])

  useEffect(() => {
    if (!id) return
    const controller = new AbortController()
    const timer = setTimeout(() => {
      setState('loading')
      fetch(`/api/salary-tables/${id}/preview`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body,
        signal: controller.signal,
      })
        .then(async (response) => {
          // A half-typed form (an empty amount) is not a table yet: keep the last preview.
          if (!response.ok) return setState(response.status === 400 ? 'idle' : 'failed')
          setPreview((await response.json()) as TablePreview)
          setState('idle')
        })
        .catch(() => {
          if (!controller.signal.aborted) setState('failed')
        })
    }, DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [id, body])

  if (!id) return null
  const statements = preview?.statements ?? []
  const broken = preview?.broken ?? []
  const needsConfirm = statements.some((statement) => statement.claim === 'contradicted') || broken.length > 0
  return (
    <section
      data-testid="change-preview"
      aria-labelledby="change-preview-title"
      aria-busy={state === 'loading'}
      style={{
        margin: '0 0 1.5rem',
        padding: '0.75rem 1rem',
        border: `1px solid var(${needsConfirm ? '--theme-warning-500' : '--theme-elevation-150'})`,
        background: needsConfirm ? 'var(--theme-warning-100)' : 'var(--theme-elevation-50)',
        borderRadius: 'var(--style-radius-s)',
      }}
    >
      <h3 id="change-preview-title" style={{ margin: '0 0 0.5rem' }}>
        Before you publish: what readers will see change
      </h3>
      {!preview ? (
        <p style={{ margin: 0 }}>
          {state === 'failed' ? 'The preview could not be computed.' : 'Checking the articles…'}
        </p>
      ) : !statements.length && !broken.length ? (
        <p style={{ margin: 0 }} data-testid="change-preview-none">
          No sentence on the site changes with these figures.
        </p>
      ) : null}
      {statements.length ? (
        <ul data-testid="change-preview-statements" style={{ margin: 0, paddingLeft: '1.25rem' }}>
          {statements.map((statement, index) => (
            <li key={index} data-claim={statement.claim} style={{ marginBottom: '0.5rem' }}>
              <a href={`/admin/collections/articles/${statement.article.id}`}>{statement.article.title}</a>,{' '}
              {statement.where}: <del>{statement.before}</del> → <ins>{statement.after}</ins>
              {CLAIM_TEXT[statement.claim] ? (
                <strong style={{ marginLeft: '0.5rem' }}>({CLAIM_TEXT[statement.claim]})</strong>
              ) : null}
              {statement.claim === 'contradicted' ? <div>Readers would keep: “{statement.shown}”</div> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {broken.length ? (
        <>
          <p style={{ margin: '0.5rem 0 0.25rem' }}>
            <strong>
              {broken.length} {broken.length === 1 ? 'figure' : 'figures'} would break:
            </strong>
          </p>
          <ul data-testid="change-preview-broken" style={{ margin: 0, paddingLeft: '1.25rem' }}>
            {broken.map((figure, index) => (
              <li key={index}>
                <a href={`/admin/collections/articles/${figure.article.id}`}>{figure.article.title}</a>, {figure.where}:{' '}
                {figure.figure}: {figure.reason} (readers keep {figure.shown})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {needsConfirm || confirm.value ? (
        <label style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', marginTop: '0.75rem' }}>
          <input
            type="checkbox"
            data-testid="confirm-contradictions"
            checked={Boolean(confirm.value)}
            onChange={(event) => confirm.setValue(event.target.checked)}
          />
          Publish even though{' '}
          {statements.some((statement) => statement.claim === 'contradicted') ? 'sentences become false' : ''}
          {statements.some((statement) => statement.claim === 'contradicted') && broken.length ? ' and ' : ''}
          {broken.length ? 'figures break' : ''}
        </label>
      ) : null}
      {confirm.showError && confirm.errorMessage ? (
        <p
          role="alert"
          data-testid="confirm-contradictions-error"
          style={{ margin: '0.5rem 0 0', color: 'var(--theme-error-500)' }}
        >
          {confirm.errorMessage}
        </p>
      ) : null}
    </section>
  )
}
