import type { CollectionConfig } from 'payload'

import { editorialAccess } from '@/access'
import { proseEditor } from '@/editor/prose'

export const FAQ_NOTE_LABELS = ['Data Point', 'Projection'] as const

export const Faqs: CollectionConfig = {
  slug: 'faqs',
  labels: { singular: 'FAQ', plural: 'FAQs' },
  admin: {
    useAsTitle: 'question',
    defaultColumns: ['question', 'topics', '_status', 'updatedAt'],
  },
  access: editorialAccess,
  fields: [
    { name: 'question', type: 'text', required: true, maxLength: 300 },
    { name: 'answer', type: 'richText', required: true, editor: proseEditor },
    {
      name: 'note',
      type: 'group',
      admin: { description: 'An optional figure under the answer, such as a Data Point or a Projection.' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'label', type: 'select', options: FAQ_NOTE_LABELS.map((label) => ({ label, value: label })) },
            {
              name: 'text',
              type: 'textarea',
              maxLength: 600,
              validate: (value: unknown, { siblingData }: { siblingData: unknown }) =>
                (siblingData as { label?: string })?.label && !value ? 'Write the note, or clear its label.' : true,
            },
          ],
        },
      ],
    },
    {
      name: 'topics',
      type: 'relationship',
      relationTo: 'categories',
      hasMany: true,
      admin: { position: 'sidebar' },
    },
  ],
  versions: { drafts: true, maxPerDoc: 50 },
}
