'use client'

import { Button } from '@payloadcms/ui'
import { useState, type ChangeEvent } from 'react'

import type { ImportResult } from '../create'
import type { ImportFormat, ImportPlan } from '../plan'
import { MAX_SOURCE_BYTES } from '../request'

import { PlanView } from './PlanView'

type Answer = { plan?: ImportPlan; errors?: { message: string }[] } & Partial<ImportResult>

async function send(body: {
  format: ImportFormat
  source: string
  dryRun: boolean
}): Promise<{ status: number; answer: Answer }> {
  const response = await fetch('/api/articles/import', {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, answer: (await response.json().catch(() => ({}))) as Answer }
}

const formatOf = (name: string, text: string): ImportFormat =>
  /\.html?$/i.test(name) || (!/\.(md|markdown|txt)$/i.test(name) && /^\s*</.test(text)) ? 'html' : 'markdown'

/** Paste or upload, see the plan, create: nothing is written before "Create the draft". */
export function ImportForm({ articlesUrl }: { articlesUrl: string }) {
  const [source, setSource] = useState('')
  const [format, setFormat] = useState<ImportFormat>('markdown')
  const [plan, setPlan] = useState<ImportPlan | null>(null)
  const [planned, setPlanned] = useState<string | null>(null)
  const [errors, setErrors] = useState<string[]>([])
  const [result, setResult] = useState<ImportResult | null>(null)
  const [busy, setBusy] = useState(false)

  const changed = (next: string, nextFormat = format) => {
    setSource(next)
    setFormat(nextFormat)
    setResult(null)
  }

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file) return
    if (file.size > MAX_SOURCE_BYTES) {
      setPlan(null)
      setErrors([`${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; the import reads posts of at most 2 MB.`])
      return
    }
    const text = await file.text()
    changed(text, formatOf(file.name, text))
  }

  const run = async (dryRun: boolean) => {
    setBusy(true)
    try {
      const { status, answer } = await send({ format, source, dryRun })
      setErrors(
        status >= 400
          ? (answer.errors ?? [{ message: `The server answered ${status}.` }]).map((error) => error.message)
          : [],
      )
      if (answer.plan) {
        setPlan(answer.plan)
        setPlanned(status < 400 ? `${format}\u0000${source}` : null)
      } else if (status >= 400) setPlan(null)
      if (status === 201) setResult(answer as ImportResult)
    } catch {
      setErrors(['The server could not be reached. Nothing was created.'])
    } finally {
      setBusy(false)
    }
  }

  const ready = plan && planned === `${format}\u0000${source}` && !errors.length && !result
  return (
    <div style={{ maxWidth: '60rem' }}>
      <p>
        Paste a post, or choose its file. The import shows what it will create — the article and its outline, each table
        and what it becomes, each live figure and every warning — and creates nothing until you click{' '}
        <strong>Create the draft</strong>. The article, its salary tables and new FAQs are drafts until you publish the
        article.
      </p>
      <div
        style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--base)', alignItems: 'center', margin: 'var(--base) 0' }}
      >
        <label>
          File (.md or .html){' '}
          <input type="file" accept=".md,.markdown,.txt,.html,.htm,text/markdown,text/html" onChange={onFile} />
        </label>
        <fieldset style={{ border: 0, padding: 0, margin: 0, display: 'flex', gap: 'var(--base)' }}>
          <legend style={{ float: 'left', marginRight: 'calc(var(--base) / 2)' }}>Format</legend>
          {(['markdown', 'html'] as const).map((value) => (
            <label key={value}>
              <input
                type="radio"
                name="import-format"
                value={value}
                checked={format === value}
                onChange={() => changed(source, value)}
              />{' '}
              {value === 'markdown' ? 'Markdown' : 'HTML'}
            </label>
          ))}
        </fieldset>
      </div>
      <label htmlFor="import-source" style={{ display: 'block', marginBottom: 'calc(var(--base) / 4)' }}>
        The post
      </label>
      <textarea
        id="import-source"
        value={source}
        onChange={(event) => changed(event.target.value)}
        rows={14}
        spellCheck={false}
        style={{
          width: '100%',
          fontFamily: 'var(--font-mono, monospace)',
          fontSize: '0.85rem',
          padding: 'calc(var(--base) / 2)',
          boxSizing: 'border-box',
        }}
        placeholder={
          '# Title\n\n**Data Hook**\nThe median … $210,000 …\n\n| Role | Company Tier | Base Salary | Equity/Year | Bonus | Total | Source |'
        }
      />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--base)', margin: 'var(--base) 0' }}>
        <Button buttonStyle="secondary" disabled={busy || !source.trim()} onClick={() => run(true)}>
          Show what will be created
        </Button>
        <Button buttonStyle="primary" disabled={busy || !ready} onClick={() => run(false)}>
          Create the draft
        </Button>
      </div>
      {result ? (
        <div
          role="status"
          style={{ border: '1px solid var(--theme-success-500)', padding: 'var(--base)', margin: '0 0 var(--base)' }}
        >
          <strong>Draft created.</strong> {result.figures} live figures, {result.salaryTables.length} salary table
          {result.salaryTables.length === 1 ? '' : 's'}, {result.faqs.length} FAQs (
          {result.faqs.length - result.createdFaqs.length} reused).{' '}
          <a href={`${articlesUrl}/${result.article.id}`}>Open the draft</a> to review and publish it.
        </div>
      ) : null}
      {plan ? (
        <PlanView plan={plan} errors={errors} />
      ) : errors.length ? (
        <ul role="alert">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
