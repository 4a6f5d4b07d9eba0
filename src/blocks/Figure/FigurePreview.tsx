'use client'

import { useFormFields } from '@payloadcms/ui'
import type { UIFieldClientComponent } from 'payload'
import { resolveFigure, type FigureFields } from '@/figures/resolve'

import { tableId, useSalaryTable } from './salaryTableCache'

const NAMES = ['source', 'table', 'role', 'tier', 'column', 'compareRole', 'compareTier', 'compareColumn', 'operation', 'format', 'decimals', 'lastValue'] as const

/**
 * The figure's current value while editing, computed by the same resolver as the public page, from
 * the table's latest version. Data-table figures depend on the article around them, so the drawer
 * shows their last saved value instead.
 */
export const FigurePreview: UIFieldClientComponent = ({ path: ownPath }) => {
  const prefix = ownPath && ownPath.includes('.') ? ownPath.slice(0, ownPath.lastIndexOf('.') + 1) : ''
  const values = useFormFields(([fields]) => NAMES.map((name) => fields[`${prefix}${name}`]?.value))
  const fields = Object.fromEntries(NAMES.map((name, index) => [name, values[index]])) as unknown as FigureFields
  const id = fields.source === 'salaryCell' || fields.source === 'salaryComparison' ? tableId(fields.table) : undefined
  const table = useSalaryTable(id)

  let text: string
  let note: string | undefined
  if (fields.source === 'dataCell' || fields.source === 'dataRatio') {
    text = fields.lastValue || '—'
    note = 'Computed from this article’s data table when the article is saved.'
  } else if (!id) text = '—'
  else if (table === undefined) text = '…'
  else {
    const result = resolveFigure({ ...fields, table: table ?? null }, { dataTables: [] })
    text = result.ok ? result.text : '—'
    note = result.ok ? undefined : `Not computable yet: ${result.reason}.`
  }

  return (
    <div className="field-type" style={{ margin: '0.5rem 0 1rem' }}>
      <span className="field-label">Current value</span>
      <output data-testid="figure-preview" aria-live="polite" style={{ display: 'block', fontSize: '1.4rem', fontWeight: 600 }}>
        {text}
      </output>
      {note && <div className="field-description">{note}</div>}
    </div>
  )
}
