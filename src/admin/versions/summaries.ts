import type { Field } from 'payload'
import { fieldAffectsData, flattenTopLevelFields } from 'payload/shared'

import { summarizeTableVersion, type TableVersion } from '@/salary-tables/versionSummary'

type VersionData = Record<string, unknown>

/** Bookkeeping every save changes, which says nothing about the edit. */
const BOOKKEEPING = new Set(['updatedAt', 'createdAt', '_status', 'updatedBy', 'id'])

const labelOf = (field: { name: string; label?: unknown }) =>
  typeof field.label === 'string' ? field.label : field.name.replace(/^./, (first) => first.toUpperCase())

/**
 * For any collection: the names of the fields a version changed ("Title, Content"). Fields are
 * compared whole, as stored; joins and display-only fields are not stored in versions.
 */
export function changedFields(fields: Field[], older: VersionData | undefined, newer: VersionData): string[] {
  if (!older) return ['Created']
  const named = flattenTopLevelFields(fields).filter(fieldAffectsData) as unknown as {
    name: string
    type: string
    label?: unknown
  }[]
  const changed = named
    .filter((field) => !BOOKKEEPING.has(field.name) && field.type !== 'join')
    .filter((field) => JSON.stringify(older[field.name] ?? null) !== JSON.stringify(newer[field.name] ?? null))
    .map(labelOf)
  return changed.length ? [`Changed: ${changed.join(', ')}`] : []
}

/** What the version list says a version changed, by collection. */
export function summarizeVersion(
  collection: string,
  fields: Field[],
  older: VersionData | undefined,
  newer: VersionData,
): string[] {
  if (collection === 'salary-tables')
    return summarizeTableVersion(older as TableVersion | undefined, newer as TableVersion)
  return changedFields(fields, older, newer)
}
