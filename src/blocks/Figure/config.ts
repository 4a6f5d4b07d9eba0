import type { Block, Condition } from 'payload'

import { PAY_COLUMNS, SHORT_COLUMN_LABELS } from '@/salary-tables/model'

const isSalary: Condition = (_, sibling) => sibling?.source === 'salaryCell' || sibling?.source === 'salaryComparison'
const isSalaryComparison: Condition = (_, sibling) => sibling?.source === 'salaryComparison'
const isData: Condition = (_, sibling) => sibling?.source === 'dataCell' || sibling?.source === 'dataRatio'
const isDataRatio: Condition = (_, sibling) => sibling?.source === 'dataRatio'
const isComparison: Condition = (_, sibling) =>
  sibling?.source === 'salaryComparison' || sibling?.source === 'dataRatio'

const PICKER = '/src/blocks/Figure/RowPicker#RowPicker'

const SALARY_COLUMNS = PAY_COLUMNS.map((column) => ({ label: SHORT_COLUMN_LABELS[column], value: column }))

/** Required only when the chosen kind of figure uses the field. */
const requiredWhen =
  (condition: Condition, message: string) =>
  (value: unknown, { siblingData, data }: { siblingData: unknown; data: unknown }) =>
    !condition(data as never, siblingData as never, {} as never) ||
    (value !== undefined && value !== null && value !== '')
      ? true
      : message

export const FigureBlock: Block = {
  slug: 'figure',
  interfaceName: 'FigureBlock',
  labels: { singular: 'Figure', plural: 'Figures' },
  admin: { components: { Label: '/src/blocks/Figure/FigurePreview#FigureLabel' } },
  fields: [
    {
      name: 'source',
      label: 'Figure from',
      type: 'select',
      required: true,
      defaultValue: 'salaryCell',
      options: [
        { label: 'A salary-table cell', value: 'salaryCell' },
        { label: 'Two salary-table cells compared', value: 'salaryComparison' },
        { label: 'A data-table cell in this article', value: 'dataCell' },
        { label: 'Two data-table cells compared', value: 'dataRatio' },
      ],
    },
    {
      name: 'table',
      type: 'relationship',
      relationTo: 'salary-tables',
      admin: { condition: isSalary },
      validate: requiredWhen(isSalary, 'Choose the salary table.'),
    },
    {
      type: 'row',
      fields: [
        {
          name: 'role',
          type: 'text',
          admin: {
            condition: isSalary,
            components: { Field: { path: PICKER, clientProps: { tierField: 'tier', label: 'Row (role · tier)' } } },
          },
          validate: requiredWhen(isSalary, 'Pick the row (role · tier).'),
        },
        // Written by the row picker together with the role.
        {
          name: 'tier',
          type: 'text',
          admin: { condition: isSalary, hidden: true },
          validate: requiredWhen(isSalary, 'Pick the row (role · tier).'),
        },
        {
          name: 'column',
          type: 'select',
          defaultValue: 'total',
          options: SALARY_COLUMNS,
          admin: { condition: isSalary },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'compareRole',
          label: 'Compared with',
          type: 'text',
          admin: {
            condition: isSalaryComparison,
            components: {
              Field: { path: PICKER, clientProps: { tierField: 'compareTier', label: 'Compared with row' } },
            },
          },
          validate: requiredWhen(isSalaryComparison, 'Pick the row to compare with.'),
        },
        {
          name: 'compareTier',
          type: 'text',
          admin: { condition: isSalaryComparison, hidden: true },
          validate: requiredWhen(isSalaryComparison, 'Pick the row to compare with.'),
        },
        {
          name: 'compareColumn',
          label: 'Column',
          type: 'select',
          options: SALARY_COLUMNS,
          admin: { condition: isSalaryComparison },
        },
      ],
    },
    {
      name: 'dataTableCaption',
      label: 'Data table (caption)',
      type: 'text',
      admin: { condition: isData },
      validate: requiredWhen(isData, 'Give the caption of the data table in this article.'),
    },
    {
      type: 'row',
      fields: [
        {
          name: 'rowLabel',
          label: 'Row',
          type: 'text',
          admin: { condition: isData },
          validate: requiredWhen(isData, 'Which row (first-column label)?'),
        },
        {
          name: 'columnLabel',
          label: 'Column',
          type: 'text',
          admin: { condition: isData },
          validate: requiredWhen(isData, 'Which column?'),
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'compareRowLabel',
          label: 'Divided by row',
          type: 'text',
          admin: { condition: isDataRatio },
          validate: requiredWhen(isDataRatio, 'Which row to compare with?'),
        },
        {
          name: 'compareColumnLabel',
          label: 'Column (default: same)',
          type: 'text',
          admin: { condition: isDataRatio },
        },
      ],
    },
    {
      name: 'operation',
      type: 'select',
      defaultValue: 'premium',
      admin: { condition: isComparison },
      options: [
        { label: 'Premium, % (a − b) / b', value: 'premium' },
        { label: 'Difference (a − b)', value: 'difference' },
        { label: 'Ratio (a / b)', value: 'ratio' },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'format',
          type: 'select',
          required: true,
          defaultValue: 'currency',
          options: [
            { label: 'Currency ($210,000)', value: 'currency' },
            { label: 'Percent (22%)', value: 'percent' },
            { label: 'Multiplier (3.5x)', value: 'multiplier' },
            { label: 'Plain number', value: 'plain' },
          ],
        },
        { name: 'decimals', type: 'number', defaultValue: 0, min: 0, max: 4, admin: { step: 1 } },
      ],
    },
    {
      // The words that are true only on one side of a threshold (src/figures/claims.ts).
      name: 'claim',
      label: 'Words that depend on this figure',
      type: 'text',
      maxLength: 60,
      admin: {
        description:
          'Such as “higher”, “premium”, “outnumber” or “lag”: publishing a change that makes them false (the premium turns negative, the ratio drops below 1) asks you to confirm first, and readers keep the last value that agreed with them. Left empty on a comparison, they are suggested from the words around the figure when the article is saved; write “none” for none.',
      },
    },
    {
      name: 'preview',
      type: 'ui',
      admin: { components: { Field: '/src/blocks/Figure/FigurePreview#FigurePreview' } },
    },
    {
      name: 'lastValue',
      type: 'text',
      admin: {
        readOnly: true,
        description: 'The value when the article was last saved; shown if the figure’s cell disappears.',
      },
    },
    // Filled in at read time with the current text; never edited.
    { name: 'display', type: 'text', admin: { hidden: true } },
  ],
}
