'use client'

import type { ReactNode } from 'react'

import type { ImportPlan, PlanTable } from '../plan'

const KINDS: Record<string, string> = {
  heading: 'Heading',
  callout: 'Callout',
  salaryTable: 'Salary table',
  dataTable: 'Data table',
  faqList: 'FAQ list',
  recommendedReading: 'Recommended reading',
}

function Section({
  title,
  count,
  children,
  tone,
}: {
  title: string
  count?: number
  children: ReactNode
  tone?: 'error' | 'warning'
}) {
  const color =
    tone === 'error' ? 'var(--theme-error-500)' : tone === 'warning' ? 'var(--theme-warning-500)' : undefined
  return (
    <section
      aria-label={title}
      style={{
        margin: '0 0 calc(var(--base) * 1.5)',
        borderLeft: color ? `4px solid ${color}` : undefined,
        paddingLeft: color ? 'var(--base)' : undefined,
      }}
    >
      <h3 style={{ margin: '0 0 calc(var(--base) / 2)' }}>
        {title}
        {count !== undefined ? ` (${count})` : ''}
      </h3>
      {children}
    </section>
  )
}

const Line = ({ line }: { line?: number }) =>
  line ? (
    <span style={{ color: 'var(--theme-elevation-600)', fontVariantNumeric: 'tabular-nums' }}>line {line} · </span>
  ) : null

function tableBecomes(table: PlanTable): string {
  if (table.becomes === 'salary-tables') {
    const named = Object.entries(table.columns)
      .filter(([, label]) => label)
      .map(([column, label]) => `${column} ← “${label}”`)
      .join(', ')
    return `a salary table (${table.rows} rows, ${table.period ? `${table.period}, ` : ''}${table.currency}, totals computed from base + equity + bonus); columns: ${named}`
  }
  const columns = table.columns.map((column) => `${column.label} (${column.type})`).join(', ')
  return `a data table (${table.rows} rows${table.transposed ? ', turned so that each column holds one kind of value' : ''}); columns: ${columns}`
}

/** The dry run, as the editor reviews it before anything is created. */
export function PlanView({ plan, errors }: { plan: ImportPlan; errors: string[] }) {
  const { article } = plan
  return (
    <div>
      {errors.length ? (
        <Section title="Errors: nothing can be created until they are fixed" count={errors.length} tone="error">
          <ul role="alert">
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section title="The article">
        <dl
          style={{
            display: 'grid',
            gridTemplateColumns: 'minmax(6rem, max-content) 1fr',
            gap: '0.25rem 1rem',
            margin: 0,
          }}
        >
          <dt>Title</dt>
          <dd style={{ margin: 0 }}>{article.title || '—'}</dd>
          <dt>Address</dt>
          <dd style={{ margin: 0, overflowWrap: 'anywhere' }}>/blog/{article.slug}</dd>
          <dt>Category</dt>
          <dd style={{ margin: 0 }}>{article.category?.title ?? 'none found: choose one before publishing'}</dd>
          <dt>Excerpt</dt>
          <dd style={{ margin: 0 }}>{article.excerpt}</dd>
          <dt>Status</dt>
          <dd style={{ margin: 0 }}>created as a draft; nothing is published</dd>
        </dl>
      </Section>
      <Section title="Outline" count={plan.outline.length}>
        <ol style={{ paddingLeft: '1.25rem' }}>
          {plan.outline.map((entry, index) => (
            <li
              key={`${entry.line}-${index}`}
              style={{ marginLeft: entry.level ? `${(entry.level - 2) * 1.25}rem` : undefined }}
            >
              <Line line={entry.line} />
              <strong>{entry.level ? `H${entry.level}` : (KINDS[entry.kind] ?? entry.kind)}</strong> {entry.text}
            </li>
          ))}
        </ol>
      </Section>
      <Section title="Tables" count={plan.tables.length}>
        <ul>
          {plan.tables.map((table) => (
            <li key={table.line}>
              <Line line={table.line} />“{table.caption}” becomes {tableBecomes(table)}
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Live figures" count={plan.figures.length}>
        <ul>
          {plan.figures.map((figure, index) => (
            <li key={`${figure.line}-${index}`}>
              <Line line={figure.line} />
              <strong>{figure.text}</strong> → {figure.description}
            </li>
          ))}
        </ul>
      </Section>
      {plan.unmatchedNumbers.length ? (
        <Section
          title="Numbers left as text (bind them by hand if they come from a table)"
          count={plan.unmatchedNumbers.length}
        >
          <ul>
            {plan.unmatchedNumbers.map((number, index) => (
              <li key={`${number.line}-${index}`}>
                <Line line={number.line} />
                {number.text}: {number.why}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section title="FAQs" count={plan.faqs.length}>
        <ul>
          {plan.faqs.map((faq) => (
            <li key={faq.line}>
              <Line line={faq.line} />
              {faq.question} —{' '}
              {faq.reuses ? `reuses the existing FAQ${faq.reuses.published ? '' : ' (a draft)'}` : 'a new FAQ (draft)'}
              {faq.note ? `, with its ${faq.note}` : ''}
            </li>
          ))}
        </ul>
      </Section>
      {plan.recommendedReading.length ? (
        <Section title="Recommended reading" count={plan.recommendedReading.length}>
          <ul>
            {plan.recommendedReading.map((entry) => (
              <li key={entry.line}>
                <Line line={entry.line} />
                {entry.linkType === 'internal'
                  ? `our article “${entry.article?.title}”`
                  : entry.linkType === 'external'
                    ? `the web page ${entry.url}`
                    : 'no article or link found: kept as a paragraph'}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {plan.warnings.length ? (
        <Section title="Warnings" count={plan.warnings.length} tone="warning">
          <ul>
            {plan.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </Section>
      ) : null}
      {plan.removed.length ? (
        <Section title="Removed for safety" count={plan.removed.length} tone="warning">
          <ul>
            {plan.removed.map((entry, index) => (
              <li key={`${entry}-${index}`}>{entry}</li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section title="Dropped blog-engine lines" count={plan.dropped.length}>
        <ul>
          {plan.dropped.map((entry) => (
            <li key={entry}>{entry}</li>
          ))}
        </ul>
      </Section>
    </div>
  )
}
