import type { NumberField, NumberFieldSingleValidation } from 'payload'

/** Salary figures are whole, non-negative amounts in the table's currency. */
export const validateMoney: NumberFieldSingleValidation = (value, { required }) => {
  if (value === null || value === undefined || (value as unknown) === '') {
    return required ? 'Enter an amount (0 if there is none).' : true
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'Enter a number.'
  if (!Number.isInteger(value)) return 'Enter a whole amount, without cents.'
  if (value < 0) return 'An amount cannot be negative.'
  if (value > 100_000_000) return 'That amount is too large for a salary figure.'
  return true
}

export function moneyField(name: string, label: string, overrides: Partial<NumberField> = {}): NumberField {
  return {
    name,
    label,
    type: 'number',
    required: true,
    min: 0,
    validate: validateMoney,
    admin: { step: 1000 },
    ...overrides,
  } as NumberField
}
