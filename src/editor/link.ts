import { LinkFeature, type LinkFields } from '@payloadcms/richtext-lexical'
import type { TextFieldSingleValidation } from 'payload'

import { HTTP_URL_MESSAGE, isHttpUrl } from '@/fields/url'

/** Custom links must be web addresses; internal links point at articles by relationship instead. */
const validateLinkUrl: TextFieldSingleValidation = (value, { siblingData }) => {
  if ((siblingData as Partial<LinkFields>)?.linkType === 'internal') return true
  return isHttpUrl(value) ? true : HTTP_URL_MESSAGE
}

export const linkFeature = LinkFeature({
  enabledCollections: ['articles'],
  fields: ({ defaultFields }) =>
    defaultFields.map((field) =>
      field.type === 'text' && field.name === 'url' ? ({ ...field, validate: validateLinkUrl } as typeof field) : field,
    ),
})
