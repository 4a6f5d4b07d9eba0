'use client'

import { FieldLabel, useField, useFormFields } from '@payloadcms/ui'
import type { TextFieldClientComponent } from 'payload'

import { rowName, sameRow } from '@/salary-tables/model'

import { tableId, useSalaryTable } from './salaryTableCache'

type Props = { tierField?: string; label?: string }

/**
 * Replaces typing a role and a tier by hand: lists the chosen salary table's rows and writes both
 * strings (the stored shape stays role + tier, which the resolver matches on).
 */
export const RowPicker: TextFieldClientComponent = (props) => {
  const { path: staticPath, field } = props
  const { tierField = 'tier', label = 'Row' } = props as unknown as Props
  const {
    path,
    value: role,
    setValue: setRole,
    showError,
    errorMessage,
  } = useField<string>({ potentiallyStalePath: staticPath })
  const prefix = path.includes('.') ? path.slice(0, path.lastIndexOf('.') + 1) : ''
  const { value: tier, setValue: setTier } = useField<string>({ path: `${prefix}${tierField}` })
  const id = tableId(useFormFields(([fields]) => fields[`${prefix}table`]?.value))
  const table = useSalaryTable(id)

  const rows = table?.rows ?? []
  const selected = rows.findIndex((row) => sameRow(row, { role, tier }))
  const missing = Boolean(role || tier) && selected < 0 && table !== undefined
  const inputId = `field-${path.replace(/\./g, '__')}`

  return (
    <div className={`field-type select${showError ? ' error' : ''}`} style={{ flex: '2 1 0', minWidth: 0 }}>
      <FieldLabel htmlFor={inputId} label={label} required={false} path={path} />
      <select
        id={inputId}
        data-testid={`row-picker-${field?.name ?? 'role'}`}
        value={selected >= 0 ? String(selected) : missing ? 'missing' : ''}
        disabled={!id || !table}
        onChange={(event) => {
          const row = rows[Number(event.target.value)]
          if (!row) return
          setRole(row.role)
          setTier(row.tier)
        }}
        style={{ width: '100%', padding: '0.55rem 0.5rem', font: 'inherit' }}
      >
        <option value="" disabled>
          {!id
            ? 'Choose the salary table first'
            : table === undefined
              ? 'Loading rows…'
              : table === null
                ? 'The table could not be read'
                : 'Choose a row…'}
        </option>
        {missing && (
          <option value="missing" disabled>
            {`Missing row: ${rowName({ role, tier })}`}
          </option>
        )}
        {rows.map((row, index) => (
          <option key={row.id ?? index} value={String(index)}>
            {rowName(row)}
          </option>
        ))}
      </select>
      {showError && errorMessage && (
        <div className="field-description" role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {errorMessage}
        </div>
      )}
      {missing && (
        <div className="field-description">
          This row is no longer in the table; the article shows the figure’s last value until you pick another.
        </div>
      )}
    </div>
  )
}
