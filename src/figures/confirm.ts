/**
 * The confirmation a publication needs when it makes a figure's claim false or breaks a cited
 * figure: `"confirmContradictions": true` in the body (a virtual checkbox in the admin, near
 * Publish). Without it the save is refused with a 400 naming each article and sentence.
 */
import { ValidationError, type CheckboxField, type PayloadRequest } from 'payload'

export const CONFIRM_FIELD = 'confirmContradictions'

/** The checkbox, stored nowhere: it travels with one save. */
export const confirmContradictionsField = (admin: CheckboxField['admin']): CheckboxField => ({
  name: CONFIRM_FIELD,
  label: 'Publish even though sentences become false or figures break',
  type: 'checkbox',
  virtual: true,
  defaultValue: false,
  admin,
})

/** Whether the save confirmed; anything but `true` (or the admin's "true") is no. */
export function confirmed(data: Record<string, unknown> | undefined, req: PayloadRequest): boolean {
  const value = data?.[CONFIRM_FIELD] ?? (req.data as Record<string, unknown> | undefined)?.[CONFIRM_FIELD]
  return value === true || value === 'true'
}

/** The 400 that refuses the save, one error per sentence or figure, each on the confirmation's path. */
export function refuseUnconfirmed(collection: string, problems: string[], req: PayloadRequest): never {
  const error = new ValidationError({
    collection,
    errors: problems.map((message) => ({
      path: CONFIRM_FIELD,
      message: `${message} Confirm to publish anyway ("${CONFIRM_FIELD}": true), or change the sentence or the figures.`,
    })),
    req,
  })
  // A minified build renames the class; clients and the logger read the name.
  error.name = 'ValidationError'
  throw error
}
