'use client'

import { useFormFields } from '@payloadcms/ui'
import type { UIFieldClientComponent } from 'payload'

import { resolveFigure, type FigureFields } from '@/figures/resolve'

import { tableId, useSalaryTable } from './salaryTableCache'

const NAMES = [
  'source',
  'table',
  'role',
  'tier',
  'column',
  'compareRole',
  'compareTier',
  'compareColumn',
  'operation',
  'format',
  'decimals',
  'lastValue',
] as const

/**
 * The figure's current text, computed by the same resolver as the public page from the table's
 * latest version. Data-table figures depend on the article around them, so the admin shows their
 * last saved value instead.
 */
export function useFigureText(prefix = ''): { text: string; note?: string } {
  const values = useFormFields(([fields]) => NAMES.map((name) => fields[`${prefix}${name}`]?.value))
  const fields = Object.fromEntries(NAMES.map((name, index) => [name, values[index]])) as unknown as FigureFields
  const id = fields.source === 'salaryCell' || fields.source === 'salaryComparison' ? tableId(fields.table) : undefined
  const table = useSalaryTable(id)

  if (fields.source === 'dataCell' || fields.source === 'dataRatio') {
    return { text: fields.lastValue || '—', note: 'Computed from this article’s data table when the article is saved.' }
  }
  if (!id) return { text: '—' }
  if (table === undefined) return { text: '…' }
  const result = resolveFigure({ ...fields, table: table ?? null }, { dataTables: [] })
  return result.ok
    ? { text: result.text }
    : { text: fields.lastValue || '—', note: `Not computable: ${result.reason}.` }
}

/** In the figure's drawer: the value the sentence will show. */
export const FigurePreview: UIFieldClientComponent = ({ path }) => {
  const { text, note } = useFigureText(path && path.includes('.') ? path.slice(0, path.lastIndexOf('.') + 1) : '')
  return (
    <div className="field-type" style={{ margin: '0.5rem 0 1rem' }}>
      <span className="field-label">Current value</span>
      <output
        data-testid="figure-preview"
        aria-live="polite"
        style={{ display: 'block', fontSize: '1.4rem', fontWeight: 600 }}
      >
        {text}
      </output>
      {note && <div className="field-description">{note}</div>}
    </div>
  )
}

/** In the editor's text: the figure reads as its value, as it will on the page. */
export function FigureLabel() {
  const { text, note } = useFigureText()
  return (
    <span data-testid="figure-label" title={note ?? 'Figure: computed from its table'}>
      {text}
    </span>
  )
}
