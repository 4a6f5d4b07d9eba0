'use client'

import { Button, FieldDescription, FieldLabel, useDocumentInfo, useField } from '@payloadcms/ui'
import type { TextFieldClientComponent } from 'payload'
import { useEffect, useState } from 'react'

import type { FigureChange } from '@/salary-tables/history'

type Loaded = { changes: FigureChange[] } | { error: string }

/**
 * The article's "What changed", as generated from its salary tables' published versions, each
 * entry with a Hide / Show toggle. The field stores the keys of hidden entries; editors never see
 * or type a key. Reloaded after each save, since a save may change which tables the article shows.
 */
export const HiddenChangesField: TextFieldClientComponent = ({ path: staticPath, readOnly }) => {
  const { id, lastUpdateTime } = useDocumentInfo()
  const { path, value, setValue } = useField<string[]>({ potentiallyStalePath: staticPath })
  const [loaded, setLoaded] = useState<Loaded | null>(null)

  useEffect(() => {
    if (!id) return
    const controller = new AbortController()
    fetch(`/api/articles/${id}/figure-changes`, { credentials: 'include', signal: controller.signal })
      .then(async (response) => {
        const body = (await response.json().catch(() => ({}))) as {
          changes?: FigureChange[]
          errors?: { message: string }[]
        }
        setLoaded(
          response.ok && body.changes
            ? { changes: body.changes }
            : { error: body.errors?.[0]?.message ?? `The server answered ${response.status}.` },
        )
      })
      .catch((reason: Error) => {
        if (reason.name !== 'AbortError') setLoaded({ error: reason.message })
      })
    return () => controller.abort()
  }, [id, lastUpdateTime])

  const hidden = new Set(Array.isArray(value) ? value : [])
  const toggle = (key: string) => {
    const next = new Set(hidden)
    if (next.has(key)) next.delete(key)
    else next.add(key)
    setValue([...next])
  }

  const changes = loaded && 'changes' in loaded ? loaded.changes : []
  const shown = changes.filter((change) => !hidden.has(change.key)).length

  return (
    <section
      className="field-type"
      data-testid="hidden-changes"
      aria-label="What changed"
      style={{ margin: '1.5rem 0' }}
    >
      <FieldLabel label={`What changed (${shown} of ${changes.length} shown to readers)`} path={path} />
      <FieldDescription
        path={path}
        description="Generated from the published versions of the salary tables this article shows. Hide an entry readers do not need; it leaves the page when the article is published."
      />
      {!id ? (
        <p className="field-description">Save the article once to see its figure history.</p>
      ) : !loaded ? (
        <p className="field-description">Loading…</p>
      ) : 'error' in loaded ? (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {loaded.error}
        </p>
      ) : !changes.length ? (
        <p className="field-description">No figure of its salary tables has changed since they were first published.</p>
      ) : (
        <ul style={{ listStyle: 'none', padding: 0, margin: '0.5rem 0 0' }}>
          {changes.map((change) => {
            const isHidden = hidden.has(change.key)
            return (
              <li
                key={change.key}
                style={{
                  display: 'flex',
                  gap: '0.75rem',
                  alignItems: 'center',
                  padding: '0.25rem 0',
                  borderBottom: '1px solid var(--theme-elevation-100)',
                }}
              >
                <span
                  style={{
                    flex: 1,
                    textDecoration: isHidden ? 'line-through' : undefined,
                    opacity: isHidden ? 0.6 : 1,
                  }}
                >
                  {change.text}
                  {isHidden ? ' (hidden)' : ''}
                </span>
                <Button
                  buttonStyle="secondary"
                  size="small"
                  margin={false}
                  disabled={readOnly}
                  onClick={() => toggle(change.key)}
                  aria-label={`${isHidden ? 'Show' : 'Hide'}: ${change.text}`}
                >
                  {isHidden ? 'Show' : 'Hide'}
                </Button>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
