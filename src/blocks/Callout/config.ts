import type { Block } from 'payload'

import { proseEditor } from '@/editor/prose'

export const CALLOUT_LABELS = ['Data Hook', 'Key Insights', 'Analysis', 'Critical Delta', 'Note'] as const

export const CalloutBlock: Block = {
  slug: 'callout',
  interfaceName: 'CalloutBlock',
  labels: { singular: 'Callout', plural: 'Callouts' },
  fields: [
    {
      name: 'label',
      type: 'select',
      required: true,
      defaultValue: 'Key Insights',
      options: CALLOUT_LABELS.map((label) => ({ label, value: label })),
    },
    { name: 'content', type: 'richText', required: true, editor: proseEditor },
  ],
}
