import type { GlobalConfig } from 'payload'

import { anyone, editors } from '@/access'
import { linkCustom, validateSiteLink } from '@/fields/url'
import { SITE_NAME } from '@/seo/site'

const linkFields = [
  { name: 'label', type: 'text', required: true, maxLength: 60 },
  {
    name: 'href',
    type: 'text',
    required: true,
    maxLength: 500,
    admin: { description: 'A path on this site (/blog) or a full http(s) address.' },
    custom: linkCustom('siteOrWeb'),
    validate: (value: unknown) => validateSiteLink(value, { required: true }),
  },
] as const

export const Site: GlobalConfig = {
  slug: 'site',
  label: 'Site',
  access: { read: anyone, update: editors },
  fields: [
    { name: 'siteName', type: 'text', required: true, defaultValue: SITE_NAME, maxLength: 60 },
    { name: 'tagline', type: 'text', maxLength: 160 },
    { name: 'navigation', type: 'array', maxRows: 8, fields: [...linkFields] },
    { name: 'footerLinks', type: 'array', maxRows: 12, fields: [...linkFields] },
  ],
}
