import type { Block } from 'payload'

export const SalaryTableBlock: Block = {
  slug: 'salaryTable',
  interfaceName: 'SalaryTableBlock',
  labels: { singular: 'Salary table', plural: 'Salary tables' },
  fields: [
    {
      name: 'table',
      type: 'relationship',
      relationTo: 'salary-tables',
      required: true,
      admin: { description: 'The table renders from this document, so an edit there shows here.' },
    },
    { name: 'caption', type: 'text', maxLength: 200, admin: { description: 'Defaults to the table title.' } },
    { name: 'showChart', label: 'Show a chart beside the table', type: 'checkbox', defaultValue: true },
  ],
}
