import fs from 'node:fs'
import path from 'node:path'

import type { CollectionSlug, GlobalSlug, Payload } from 'payload'

/**
 * A portable export of all content, and its restore. The files are plain JSON, written from the
 * database adapter's own reads (no hooks, no access rules, hidden fields such as password hashes
 * included), so the same folder restores into SQLite or MongoDB:
 *
 *   manifest.json              format, date, Payload version, source adapter, counts
 *   collections/<slug>.json    { documents, versions }
 *   globals/<slug>.json        { document, versions }
 *   uploads/<slug>/…           the files of each upload collection, as stored
 *
 * Ids stay strings and relationships stay ids. Restoring writes through the adapter as well
 * (`payload.db.create`, `createGlobal`, versions with their ids), so nothing is recomputed,
 * re-validated or revalidated: the restored database holds the same rows, timestamps and statuses.
 */

export const BACKUP_FORMAT = 'valenx-press-backup'
export const BACKUP_FORMAT_VERSION = 1

/**
 * Payload's own bookkeeping that does not belong in a content backup: the target database applies
 * its own migrations, and document locks are held by editors' open sessions, which a restore ends.
 */
const SKIPPED_COLLECTIONS = new Set(['payload-migrations', 'payload-locked-documents'])

export type Doc = Record<string, unknown> & { id?: string | number }
export type VersionDoc = Doc & {
  parent?: string | number
  version: Doc
  createdAt: string
  updatedAt: string
  latest?: boolean
  autosave?: boolean
  snapshot?: boolean
  publishedLocale?: string
}

export type CollectionExport = { documents: Doc[]; versions: VersionDoc[] }
export type GlobalExport = { document: Doc | null; versions: VersionDoc[] }
export type Manifest = {
  format: typeof BACKUP_FORMAT
  formatVersion: number
  createdAt: string
  payloadVersion: string
  sourceAdapter: string
  collections: Record<string, { documents: number; versions: number }>
  globals: Record<string, { document: boolean; versions: number }>
  uploads: Record<string, { files: number; bytes: number }>
}

export function payloadVersion(): string {
  try {
    const file = path.join(process.cwd(), 'node_modules', 'payload', 'package.json')
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version
  } catch {
    return 'unknown'
  }
}

export function backedUpCollections(payload: Payload) {
  return payload.config.collections.filter((collection) => !SKIPPED_COLLECTIONS.has(collection.slug))
}

/** JSON with dates as ISO strings and ids as strings, whatever the adapter handed back. */
export function portable<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => {
      if (
        v &&
        typeof v === 'object' &&
        !Array.isArray(v) &&
        typeof (v as { toHexString?: unknown }).toHexString === 'function'
      ) {
        return (v as { toHexString: () => string }).toHexString()
      }
      return v
    }),
  ) as T
}

export const writeJson = (file: string, value: unknown) => {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n')
}
export const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T

export function copyFiles(from: string, to: string): { files: number; bytes: number } {
  let files = 0
  let bytes = 0
  if (!fs.existsSync(from)) return { files, bytes }
  fs.mkdirSync(to, { recursive: true })
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name)
    const target = path.join(to, entry.name)
    if (entry.isDirectory()) {
      const inner = copyFiles(source, target)
      files += inner.files
      bytes += inner.bytes
    } else if (entry.isFile()) {
      fs.copyFileSync(source, target)
      files++
      bytes += fs.statSync(source).size
    }
  }
  return { files, bytes }
}

export function uploadDir(payload: Payload, slug: string): string | undefined {
  const upload = payload.collections[slug as CollectionSlug]?.config.upload
  if (!upload || typeof upload !== 'object' || !upload.staticDir) return undefined
  return path.resolve(process.cwd(), upload.staticDir)
}

export async function allVersions(
  payload: Payload,
  args: { collection: CollectionSlug } | { global: GlobalSlug },
): Promise<VersionDoc[]> {
  const query = { limit: 0, pagination: false, sort: 'createdAt' } as const
  const result =
    'collection' in args
      ? await payload.db.findVersions({ collection: args.collection, ...query })
      : await payload.db.findGlobalVersions({ global: args.global, ...query })
  return portable(result.docs as unknown as VersionDoc[])
}
