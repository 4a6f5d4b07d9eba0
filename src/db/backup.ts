import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { upsertRow } from '@payloadcms/drizzle'
import {
  buildVersionCollectionFields,
  type CollectionSlug,
  type GlobalSlug,
  type Payload,
  type PayloadRequest,
} from 'payload'

import { withExclusiveWrites } from './sqliteTransactions'

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

type Doc = Record<string, unknown> & { id?: string | number }
type VersionDoc = Doc & {
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

function payloadVersion(): string {
  try {
    const file = path.join(process.cwd(), 'node_modules', 'payload', 'package.json')
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version
  } catch {
    return 'unknown'
  }
}

function backedUpCollections(payload: Payload) {
  return payload.config.collections.filter((collection) => !SKIPPED_COLLECTIONS.has(collection.slug))
}

/** JSON with dates as ISO strings and ids as strings, whatever the adapter handed back. */
function portable<T>(value: T): T {
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

const writeJson = (file: string, value: unknown) => {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n')
}
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T

function copyFiles(from: string, to: string): { files: number; bytes: number } {
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

function uploadDir(payload: Payload, slug: string): string | undefined {
  const upload = payload.collections[slug as CollectionSlug]?.config.upload
  if (!upload || typeof upload !== 'object' || !upload.staticDir) return undefined
  return path.resolve(process.cwd(), upload.staticDir)
}

async function allVersions(
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

/** Writes the backup into `dir` (created; must be empty or missing) and returns its manifest. */
export async function writeBackup(payload: Payload, dir: string): Promise<Manifest> {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length) throw new Error(`The backup folder ${dir} is not empty.`)
  fs.mkdirSync(dir, { recursive: true })
  const manifest: Manifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    payloadVersion: payloadVersion(),
    sourceAdapter: payload.db.name,
    collections: {},
    globals: {},
    uploads: {},
  }

  for (const collection of backedUpCollections(payload)) {
    const slug = collection.slug as CollectionSlug
    const { docs } = await payload.db.find({
      collection: slug,
      limit: 0,
      pagination: false,
      sort: 'createdAt',
      joins: false as never,
    })
    const documents = portable(docs as Doc[])
    const versions = collection.versions ? await allVersions(payload, { collection: slug }) : []
    writeJson(path.join(dir, 'collections', `${slug}.json`), { documents, versions } satisfies CollectionExport)
    manifest.collections[slug] = { documents: documents.length, versions: versions.length }

    const files = uploadDir(payload, slug)
    if (files) manifest.uploads[slug] = copyFiles(files, path.join(dir, 'uploads', slug))
  }

  for (const global of payload.config.globals) {
    const slug = global.slug as GlobalSlug
    const found = (await payload.db.findGlobal({ slug })) as Doc | null
    // An unsaved global reads as an empty object: nothing to restore.
    const document = found && Object.keys(found).length ? portable(found) : null
    const versions = global.versions ? await allVersions(payload, { global: slug }) : []
    writeJson(path.join(dir, 'globals', `${slug}.json`), { document, versions } satisfies GlobalExport)
    manifest.globals[slug] = { document: Boolean(document), versions: versions.length }
  }

  writeJson(path.join(dir, 'manifest.json'), manifest)
  return manifest
}

/** What the target database already holds: a restore only goes into an empty one. */
async function existingContent(payload: Payload): Promise<string[]> {
  const found: string[] = []
  for (const collection of backedUpCollections(payload)) {
    const { totalDocs } = await payload.db.count({ collection: collection.slug as CollectionSlug })
    if (totalDocs) found.push(`${totalDocs} ${collection.slug}`)
  }
  for (const global of payload.config.globals) {
    const doc = (await payload.db.findGlobal({ slug: global.slug })) as Doc | null
    if (doc && Object.keys(doc).length) found.push(`the ${global.slug} global`)
  }
  return found
}

const isObjectId = (id: unknown) => typeof id === 'string' && /^[0-9a-f]{24}$/i.test(id)
const newObjectId = () =>
  Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0') + crypto.randomBytes(8).toString('hex')

/**
 * MongoDB's documents without a custom id field take ObjectIds, SQLite's take UUIDs. A MongoDB
 * backup restores into SQLite as is (its ids are strings there too); a SQLite backup restored into
 * MongoDB gets new ObjectIds, and every place that names an old id (relationships, uploads, version
 * parents, ids inside rich text) is rewritten. Ids are UUIDs, so a string equal to one is a reference.
 */
export function remapIds<T>(value: T, map: Map<string, string>): T {
  if (typeof value === 'string') return (map.get(value) ?? value) as T
  if (Array.isArray(value)) return value.map((item) => remapIds(item, map)) as T
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, remapIds(item, map)])) as T
  }
  return value
}

export type RestoreOptions = {
  /** Give every document and version a new id (references rewritten); MongoDB targets do this for non-ObjectId ids. */
  newIds?: boolean
  log?: (message: string) => void
}

/** Loads a backup written by writeBackup into an empty database, in one transaction where the adapter has them. */
export async function restoreBackup(payload: Payload, dir: string, options: RestoreOptions = {}): Promise<Manifest> {
  const log = options.log ?? (() => undefined)
  const manifestFile = path.join(dir, 'manifest.json')
  if (!fs.existsSync(manifestFile)) throw new Error(`${dir} holds no manifest.json: not a Valenx Press backup.`)
  const manifest = readJson<Manifest>(manifestFile)
  if (manifest.format !== BACKUP_FORMAT || manifest.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new Error(
      `${dir} is not a backup this version can read (format ${manifest.format} v${manifest.formatVersion}).`,
    )
  }

  const existing = await existingContent(payload)
  if (existing.length) {
    throw new Error(
      `Refusing to restore: the database is not empty (it holds ${existing.join(', ')}). Restore into a new database.`,
    )
  }

  const collections = new Map<string, CollectionExport>()
  for (const slug of Object.keys(manifest.collections)) {
    if (!payload.collections[slug as CollectionSlug])
      throw new Error(`The backup has a collection "${slug}" that this site does not define.`)
    collections.set(slug, readJson<CollectionExport>(path.join(dir, 'collections', `${slug}.json`)))
  }
  const globals = new Map<string, GlobalExport>()
  for (const slug of Object.keys(manifest.globals)) {
    globals.set(slug, readJson<GlobalExport>(path.join(dir, 'globals', `${slug}.json`)))
  }

  const isMongo = payload.db.name === 'mongoose'
  const ids = new Map<string, string>()
  const allIds = [...collections.values()].flatMap(({ documents, versions }) =>
    [...documents, ...versions].map((doc) => String(doc.id)),
  )
  if (options.newIds || (isMongo && allIds.some((id) => !isObjectId(id)))) {
    for (const id of allIds) ids.set(id, isMongo ? newObjectId() : crypto.randomUUID())
    log(`Giving ${ids.size} documents and versions new ids for the ${payload.db.name} adapter.`)
  }
  const remap = <T>(value: T): T => (ids.size ? remapIds(value, ids) : value)

  await inOneTransaction(payload, async (transactionID) => {
    const req = { transactionID, payload, context: { disableRevalidate: true } } as Partial<PayloadRequest>
    for (const [slug, { documents, versions }] of collections) {
      const collection = slug as CollectionSlug
      for (const doc of remap(documents)) {
        await payload.db.create({ collection, customID: doc.id, data: doc, req, returning: false })
      }
      for (const version of remap(versions)) await createVersionWithId(payload, collection, version, req)
      log(`${slug}: ${documents.length} documents, ${versions.length} versions`)
    }

    for (const [slug, { document, versions }] of globals) {
      if (document) await createGlobalWithId(payload, slug, remap(document), req)
      for (const version of remap(versions)) {
        const { createdAt, updatedAt, autosave, version: versionData } = version
        await payload.db.createGlobalVersion({
          globalSlug: slug as GlobalSlug,
          createdAt,
          updatedAt,
          autosave: Boolean(autosave),
          versionData,
          req,
          returning: false,
        })
      }
      if (document || versions.length) log(`global ${slug}: ${versions.length} versions`)
    }
  })

  for (const slug of Object.keys(manifest.uploads)) {
    const target = uploadDir(payload, slug)
    if (!target) continue
    const { files } = copyFiles(path.join(dir, 'uploads', slug), target)
    log(`${slug}: ${files} files copied to ${path.relative(process.cwd(), target) || '.'}`)
  }
  return manifest
}

type TransactionId = string | number | undefined

/**
 * The whole restore is one transaction. On SQLite it needs foreign keys off until the end (articles
 * relate to articles in any order; they are checked once before COMMIT), which SQLite only allows
 * outside a transaction, so instead of a Payload transaction it opens one by hand on the adapter's
 * main connection, which every adapter call without a transaction uses, while holding the write
 * queue (withExclusiveWrites): the other saves of this process wait for it. MongoDB uses Payload's
 * transactions (a replica set has them; a standalone server writes without one).
 */
async function inOneTransaction(
  payload: Payload,
  write: (transactionID: TransactionId) => Promise<void>,
): Promise<void> {
  if (payload.db.name === 'sqlite') {
    await withExclusiveWrites(payload.db, async (execute) => {
      await execute('PRAGMA foreign_keys = OFF')
      try {
        await execute('BEGIN IMMEDIATE')
        try {
          await write(undefined)
          const broken = await execute('PRAGMA foreign_key_check')
          if (broken.rows.length) {
            throw new Error(
              `The backup refers to ${broken.rows.length} missing documents: ${JSON.stringify(broken.rows.slice(0, 5))}`,
            )
          }
          await execute('COMMIT')
        } catch (error) {
          await execute('ROLLBACK').catch(() => undefined)
          throw error
        }
      } finally {
        await execute('PRAGMA foreign_keys = ON')
      }
    })
    return
  }
  const id = (await payload.db.beginTransaction()) ?? undefined
  try {
    await write(id)
    if (id !== undefined) await payload.db.commitTransaction(id)
  } catch (error) {
    if (id !== undefined) await payload.db.rollbackTransaction(id)
    throw error
  }
}

type DrizzleAdapter = Parameters<typeof upsertRow>[0]['adapter'] & {
  sessions: Record<string, { db: Parameters<typeof upsertRow>[0]['db'] }>
  drizzle: Parameters<typeof upsertRow>[0]['db']
  tableNameMap: Map<string, string>
  versionsSuffix?: string
}

function drizzleOf(payload: Payload, req: Partial<PayloadRequest>) {
  const adapter = payload.db as unknown as DrizzleAdapter
  const db = req.transactionID ? adapter.sessions[String(req.transactionID)].db : adapter.drizzle
  return { adapter, db }
}

/**
 * `payload.db.createGlobal` stamps a new createdAt (and, on SQLite, a new row id); the SQLite
 * restore writes the row as it was. MongoDB keeps the createdAt and gives the global a new _id,
 * which nothing refers to.
 */
async function createGlobalWithId(payload: Payload, slug: string, document: Doc, req: Partial<PayloadRequest>) {
  const { globalType: _type, ...data } = document
  if (payload.db.name !== 'sqlite') {
    const { id: _id, ...rest } = data
    await payload.db.createGlobal({ slug, data: rest, req, returning: false })
    return
  }
  const { adapter, db } = drizzleOf(payload, req)
  const config = payload.globals.config.find((global) => global.slug === slug)!
  const tableName = adapter.tableNameMap.get(toSnakeCase(slug))
  if (!tableName) throw new Error(`No table for the ${slug} global.`)
  await upsertRow({
    adapter,
    customID: data.id,
    data,
    db,
    fields: config.flattenedFields,
    globalSlug: slug,
    ignoreResult: true,
    operation: 'create',
    req,
    tableName,
  })
}

/**
 * `payload.db.createVersion` gives every version a new id and marks it the latest. A restore keeps
 * both as they were: on SQLite the adapter's own row writer takes the id; MongoDB keeps the
 * adapter's new version id (nothing in the content refers to a version id).
 */
async function createVersionWithId(
  payload: Payload,
  collection: CollectionSlug,
  version: VersionDoc,
  req: Partial<PayloadRequest>,
) {
  const {
    id,
    parent,
    createdAt,
    updatedAt,
    autosave,
    latest,
    snapshot,
    publishedLocale,
    version: versionData,
  } = version
  if (payload.db.name === 'sqlite') {
    const { adapter, db } = drizzleOf(payload, req)
    const config = payload.collections[collection].config
    const tableName = adapter.tableNameMap.get(`_${toSnakeCase(collection)}${adapter.versionsSuffix ?? '_v'}`)
    if (!tableName) throw new Error(`No versions table for ${collection}.`)
    const { id: _ignored, ...content } = versionData
    await upsertRow({
      adapter,
      collectionSlug: collection,
      customID: id,
      data: { parent, createdAt, updatedAt, autosave, latest, snapshot, publishedLocale, version: content },
      db,
      fields: buildVersionCollectionFields(payload.config, config, true),
      ignoreResult: 'idOnly',
      operation: 'create',
      req,
      tableName,
    })
    return
  }
  const created = await payload.db.createVersion({
    collectionSlug: collection,
    parent: parent as string,
    createdAt,
    updatedAt,
    autosave: Boolean(autosave),
    publishedLocale,
    versionData,
    req,
  })
  if (!latest) {
    await payload.db.updateVersion({
      collection,
      id: created.id,
      versionData: { ...created, latest: false } as never,
      req,
      returning: false,
    })
  }
}

const toSnakeCase = (value: string) =>
  value
    .replace(/[-\s]+/g, '_')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
