import { slugField, type FieldHook, type RowField, type TextField, type TextFieldSingleValidation } from 'payload'

import { MAX_SLUG_LENGTH, slugify } from '@/lib/slugify'

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** An empty slug follows the title; a typed one is normalised so URLs stay lower-case and dashed. */
const slugFromTitle: FieldHook = ({ value, data, originalDoc }) => {
  // A title with no latin letters or digits slugifies to '': keep no slug rather than an empty one
  // (publishing then asks for a slug; a draft may wait).
  if (typeof value === 'string' && value.trim()) return slugify(value) || null
  const title = (data?.title ?? originalDoc?.title) as unknown
  return typeof title === 'string' ? slugify(title) || null : value || null
}

const validateSlug: TextFieldSingleValidation = (value) => {
  if (typeof value !== 'string' || !value) return 'A slug is required: give the document a title.'
  if (!SLUG_PATTERN.test(value)) return 'Use lower-case letters, digits and single dashes only.'
  return true
}

/**
 * The `slug` of articles and categories: Payload's `slugField` (the sidebar field with its lock and
 * its "Generate" button, which asks the server for `slugify(title)`), with this site's rules.
 *
 * Payload's own generation lives in a stored `generateSlug` checkbox that regenerates the slug from
 * the title on later saves. That would add a column to the schema and move live URLs when a title
 * changes; here the slug is made from the title only while it is empty (`slugFromTitle`, before
 * validation), and stays as it is after that. So the checkbox is left out, and what is stored is one
 * unique, indexed `slug` text column.
 */
export function urlSlugField(): RowField {
  return slugField({
    slugify: ({ valueToSlugify }) => (typeof valueToSlugify === 'string' ? slugify(valueToSlugify) : undefined),
    overrides: (row) => {
      const slug = row.fields.find((field): field is TextField => 'name' in field && field.name === 'slug')
      if (!slug) throw new Error('Payload’s slugField no longer has a slug field.')
      const field = {
        ...slug,
        // Publishing checks the slug (validateSlug); a draft may be saved without one.
        required: false,
        maxLength: MAX_SLUG_LENGTH,
        validate: validateSlug,
        admin: { ...slug.admin, description: 'The address of the page. Leave it empty to make it from the title.' },
        hooks: { beforeValidate: [slugFromTitle] },
      } as TextField
      return { ...row, fields: [field] }
    },
  })
}
