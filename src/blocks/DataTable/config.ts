import type { Block } from 'payload'

import { validateDataTableRows } from './validate'

export const DATA_COLUMN_TYPES = ['text', 'number', 'currency', 'percent'] as const

export const DataTableBlock: Block = {
  slug: 'dataTable',
  interfaceName: 'DataTableBlock',
  labels: { singular: 'Data table', plural: 'Data tables' },
  fields: [
    { name: 'caption', type: 'text', required: true, maxLength: 200 },
    {
      name: 'columns',
      type: 'array',
      required: true,
      minRows: 1,
      maxRows: 12,
      admin: { description: 'The first column labels each row.' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'label', type: 'text', required: true, maxLength: 120 },
            {
              name: 'type',
              type: 'select',
              required: true,
              defaultValue: 'text',
              options: DATA_COLUMN_TYPES.map((value) => ({ label: value[0].toUpperCase() + value.slice(1), value })),
            },
            {
              name: 'signed',
              label: 'Show + on positive values',
              type: 'checkbox',
              admin: { condition: (_, sibling) => sibling?.type !== 'text' },
            },
          ],
        },
        {
          name: 'source',
          type: 'text',
          maxLength: 200,
          admin: { description: 'Where this column’s figures come from.' },
        },
      ],
    },
    {
      name: 'rows',
      type: 'array',
      required: true,
      minRows: 1,
      maxRows: 200,
      validate: validateDataTableRows,
      fields: [
        {
          name: 'cells',
          type: 'array',
          required: true,
          minRows: 1,
          maxRows: 12,
          fields: [{ name: 'value', type: 'text', maxLength: 500 }],
        },
      ],
    },
    {
      name: 'currency',
      type: 'text',
      defaultValue: 'USD',
      maxLength: 3,
      admin: { description: 'For currency columns.' },
    },
    {
      name: 'source',
      type: 'text',
      maxLength: 300,
      admin: { description: 'Shown under the table, e.g. LinkedIn Jobs.' },
    },
  ],
}
