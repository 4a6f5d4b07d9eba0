'use client'

import { useField, useFormFields } from '@payloadcms/ui'
import type { NumberFieldClientComponent } from 'payload'

import { formatMoney } from '@/lib/format'
import { rowTotal } from '@/salary-tables/model'

/**
 * The row's total as the editor types, so a mistyped figure shows before it is saved. It only
 * displays: the stored total is still computed on the server from the saved parts.
 */
export const RowTotalField: NumberFieldClientComponent = ({ path: staticPath }) => {
  // The path from context follows the row when rows are added, removed or reordered.
  const { path } = useField<number>({ potentiallyStalePath: staticPath })
  const rowPath = path.slice(0, path.lastIndexOf('.'))
  const base = useFormFields(([fields]) => fields[`${rowPath}.base`]?.value)
  const equity = useFormFields(([fields]) => fields[`${rowPath}.equity`]?.value)
  const bonus = useFormFields(([fields]) => fields[`${rowPath}.bonus`]?.value)
  const currency = useFormFields(([fields]) => fields.currency?.value)

  const total = rowTotal({ base, equity, bonus })
  const code = typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : 'USD'
  const id = `field-${path.replace(/\./g, '__')}`

  return (
    <div className="field-type number read-only" style={{ flex: '1 1 0', minWidth: 0 }}>
      <label className="field-label" htmlFor={id}>
        Total compensation
      </label>
      <output
        id={id}
        data-testid="row-total"
        aria-live="polite"
        style={{ display: 'block', fontWeight: 600, padding: '0.6rem 0' }}
      >
        {formatMoney(total, code)}
      </output>
      <div className="field-description">base + equity + bonus, computed on save</div>
    </div>
  )
}
