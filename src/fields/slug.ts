import type { Field, FieldHook, TextFieldValidation } from 'payload'

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export function slugify(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 96)
    .replace(/-+$/g, '')
}

/** An empty slug follows the title; a typed one is normalised so URLs stay lower-case and dashed. */
const slugFromTitle: FieldHook = ({ value, data, originalDoc }) => {
  // A title with no latin letters or digits slugifies to '': keep no slug rather than an empty one
  // (publishing then asks for a slug; a draft may wait).
  if (typeof value === 'string' && value.trim()) return slugify(value) || null
  const title = (data?.title ?? originalDoc?.title) as unknown
  return typeof title === 'string' ? slugify(title) || null : value || null
}

const validateSlug: TextFieldValidation = (value) => {
  if (typeof value !== 'string' || !value) return 'A slug is required: give the document a title.'
  if (!SLUG_PATTERN.test(value)) return 'Use lower-case letters, digits and single dashes only.'
  return true
}

export function slugField(): Field[] {
  return [
    {
      name: 'slug',
      type: 'text',
      index: true,
      unique: true,
      maxLength: 96,
      validate: validateSlug,
      admin: {
        position: 'sidebar',
        description: 'The address of the page. Leave it empty to make it from the title.',
      },
      hooks: { beforeValidate: [slugFromTitle] },
    },
  ]
}
