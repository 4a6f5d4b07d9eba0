import type { Block } from 'payload'

import { linkCustom, validateHttpUrl } from '@/fields/url'

export const RecommendedReadingBlock: Block = {
  slug: 'recommendedReading',
  interfaceName: 'RecommendedReadingBlock',
  labels: { singular: 'Recommended reading', plural: 'Recommended reading' },
  fields: [
    { name: 'label', type: 'text', required: true, defaultValue: 'Recommended Reading', maxLength: 60 },
    {
      name: 'linkType',
      type: 'radio',
      required: true,
      defaultValue: 'internal',
      options: [
        { label: 'An article of ours', value: 'internal' },
        { label: 'A web address', value: 'external' },
      ],
    },
    {
      name: 'article',
      type: 'relationship',
      relationTo: 'articles',
      admin: { condition: (_, sibling) => sibling?.linkType === 'internal' },
      validate: (value: unknown, { siblingData }: { siblingData: unknown }) =>
        (siblingData as { linkType?: string })?.linkType !== 'internal' || value
          ? true
          : 'Choose the article to recommend.',
    },
    {
      name: 'url',
      type: 'text',
      custom: linkCustom('web'),
      admin: { condition: (_, sibling) => sibling?.linkType === 'external' },
      validate: (value: unknown, { siblingData }: { siblingData: unknown }) =>
        validateHttpUrl(value, { required: (siblingData as { linkType?: string })?.linkType === 'external' }),
    },
    {
      // An article of ours is always shown under its own current title (see Component.tsx).
      name: 'title',
      type: 'text',
      maxLength: 200,
      admin: {
        condition: (_, sibling) => sibling?.linkType === 'external',
        description: 'Link text for the web address.',
      },
    },
    { name: 'blurb', type: 'textarea', maxLength: 400 },
  ],
}
