import type { CollectionConfig } from 'payload'

import { editorialAccess } from '@/access'
import { proseEditor } from '@/editor/prose'

import { bindNoteFigures } from './hooks/bindNoteFigures'

export const FAQ_NOTE_LABELS = ['Data Point', 'Projection'] as const

export const Faqs: CollectionConfig = {
  slug: 'faqs',
  labels: { singular: 'FAQ', plural: 'FAQs' },
  admin: {
    useAsTitle: 'question',
    defaultColumns: ['question', 'topics', '_status', 'updatedAt'],
    // The answer is rich text: publish what is on screen, its last keystrokes included.
    components: { edit: { PublishButton: '/src/admin/PublishButton#PublishButton' } },
  },
  access: editorialAccess,
  // Wherever a FAQ is populated (an article's FAQ lists), everything but "Used by", which no reader needs.
  defaultPopulate: { usedBy: false },
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
    {
      // The numbers of the note bound to live figures of the answer (src/figures/summary.ts).
      name: 'noteFigures',
      type: 'json',
      admin: { hidden: true },
    },
    {
      name: 'usedBy',
      label: 'Used by',
      type: 'join',
      collection: 'articles',
      on: 'faqs',
      admin: {
        position: 'sidebar',
        description: 'Articles that show this FAQ. An edit here shows in each of them.',
        defaultColumns: ['title', '_status', 'updatedAt'],
      },
    },
  ],
  hooks: {
    beforeChange: [bindNoteFigures],
  },
  versions: { drafts: true, maxPerDoc: 50 },
}
