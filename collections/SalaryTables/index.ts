import type { CollectionConfig, RelationshipField } from 'payload'

import { editorialAccess } from '@/access'
import { moneyField } from '@/fields/money'
import { updatedByField } from '@/fields/updatedBy'
import { refuseStaleSave, showEditConflictWhole } from '@/hooks/refuseStaleSave'
import { staleAfterMonths } from '@/config/staleness'
import { COLUMN_LABELS, MAX_ROWS, PAY_PARTS, TEXT_LIMITS } from '@/salary-tables/model'

import { confirmContradictionsField } from '@/figures/confirm'

import { exportCsv, impact, importCsv, preview } from './endpoints'
import { computeRowTotal } from './hooks/computeRowTotal'
import { refuseContradictions } from './hooks/refuseContradictions'
import { validateUniqueRoleTier } from './validateRows'

export const SalaryTables: CollectionConfig = {
  slug: 'salary-tables',
  labels: { singular: 'Salary table', plural: 'Salary tables' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'period', 'asOf', '_status', 'updatedAt'],
    description: 'Each figure lives here once; every article that embeds or cites a table follows it.',
    // Who saved each version and what it changed, row by row (src/admin/versions).
    components: { views: { edit: { versions: { Component: '/src/admin/versions/VersionsView#VersionsView' } } } },
  },
  access: editorialAccess,
  // Wherever a table is populated (an article's blocks and figures), everything but "Used by": that
  // join reads every article citing the table, thousands on a large site, and no reader needs it.
  defaultPopulate: { usedBy: false },
  fields: [
    {
      // Display only: after a save, warns when figures in articles no longer find their cell.
      name: 'figureImpact',
      type: 'ui',
      admin: { components: { Field: '/collections/SalaryTables/components/FigureImpact#FigureImpact' } },
    },
    {
      // Display only: what publishing the form as it stands would change for readers, before → after
      // (POST /api/salary-tables/:id/preview), with the confirmation below when it is needed.
      name: 'changePreview',
      type: 'ui',
      admin: { components: { Field: '/collections/SalaryTables/components/ChangePreview#ChangePreview' } },
    },
    // Shown by the preview panel above, beside what it confirms.
    confirmContradictionsField({ hidden: true }),
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    {
      type: 'row',
      fields: [
        {
          name: 'currency',
          type: 'text',
          required: true,
          defaultValue: 'USD',
          maxLength: 3,
          validate: (value: unknown) =>
            typeof value === 'string' && /^[A-Z]{3}$/.test(value)
              ? true
              : 'Use a three-letter ISO 4217 code such as USD.',
        },
        { name: 'period', type: 'text', maxLength: 40, admin: { description: 'For example 2023–2024.' } },
        {
          name: 'asOf',
          label: 'Figures checked on',
          type: 'date',
          required: true,
          admin: {
            // With its year: "Jun 1, 2026", never "Jun 01".
            date: { pickerAppearance: 'dayOnly', displayFormat: 'MMM d, yyyy' },
            components: {
              Cell: { path: '/src/admin/AsOfCell#AsOfCell', clientProps: { staleAfterMonths: staleAfterMonths() } },
            },
          },
        },
      ],
    },
    { name: 'notes', type: 'textarea', maxLength: 2000 },
    {
      name: 'rows',
      type: 'array',
      required: true,
      minRows: 1,
      maxRows: MAX_ROWS,
      validate: validateUniqueRoleTier,
      labels: { singular: 'Row', plural: 'Rows' },
      admin: {
        initCollapsed: false,
        components: {
          // A spreadsheet of the rows; the stored shape and every path stay Payload's array's.
          Field: '/collections/SalaryTables/components/RowsGrid#RowsGrid',
          RowLabel: '/collections/SalaryTables/components/RowLabel#SalaryRowLabel',
          // Payload's version comparison: rows by name, not "Item 01".
          Diff: '/collections/SalaryTables/components/RowsDiff#RowsDiff',
        },
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'role', type: 'text', required: true, maxLength: TEXT_LIMITS.role },
            { name: 'tier', label: 'Company tier', type: 'text', required: true, maxLength: TEXT_LIMITS.tier },
          ],
        },
        {
          type: 'row',
          fields: [
            ...PAY_PARTS.map((part) => moneyField(part, COLUMN_LABELS[part])),
            moneyField('total', COLUMN_LABELS.total, {
              required: false,
              validate: () => true as const,
              admin: { readOnly: true, description: 'Base + equity + bonus, computed on save.' },
              hooks: { beforeChange: [computeRowTotal] },
            }),
          ],
        },
        {
          name: 'source',
          type: 'text',
          required: true,
          maxLength: TEXT_LIMITS.source,
          admin: { description: 'For example Levels.fyi (2023).' },
        },
      ],
    },
    {
      // Display only (a `ui` field stores nothing): export, and import with a diff to confirm.
      name: 'csvTools',
      type: 'ui',
      admin: { components: { Field: '/collections/SalaryTables/components/CsvTools#CsvTools' } },
    },
    {
      name: 'usedBy',
      label: 'Used by',
      type: 'join',
      collection: 'articles',
      on: 'salaryTables',
      admin: {
        description:
          'Articles that embed this table or cite its figures. Renaming or removing a row breaks their figures (they keep their last value).',
        defaultColumns: ['title', '_status', 'updatedAt'],
      },
    },
    // In the main column, not a sidebar: with no sidebar the form, and the rows grid, get the whole
    // width of the screen.
    { ...(updatedByField as RelationshipField), admin: { readOnly: true } },
  ],
  endpoints: [exportCsv, importCsv, impact, preview],
  hooks: {
    beforeOperation: [refuseStaleSave],
    beforeChange: [refuseContradictions],
    afterError: [showEditConflictWhole],
  },
  versions: {
    // Drafts are validated too: a figure saved as a draft is one click from being published, and
    // salary tables have no autosave that would need to store half-typed rows.
    drafts: { validate: true },
    maxPerDoc: 100,
  },
}
