import { LinkFeature, type LinkFields } from '@payloadcms/richtext-lexical'
import type { TextFieldSingleValidation } from 'payload'

import { linkCustom, linkProblem } from '@/fields/url'

/** Custom links must be web addresses; internal links point at articles by relationship instead. */
const validateLinkUrl: TextFieldSingleValidation = (value, { siblingData }) => {
  if ((siblingData as Partial<LinkFields>)?.linkType === 'internal') return true
  return linkProblem(value, 'web') ?? true
}

export const linkFeature = LinkFeature({
  enabledCollections: ['articles'],
  fields: ({ defaultFields }) =>
    defaultFields.map((field) =>
      field.type === 'text' && field.name === 'url'
        ? ({ ...field, custom: { ...field.custom, ...linkCustom('web') }, validate: validateLinkUrl } as typeof field)
        : field,
    ),
})
