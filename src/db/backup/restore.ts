import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { CollectionSlug, GlobalSlug, Payload, PayloadRequest } from 'payload'

import { withExclusiveWrites } from '../sqliteTransactions'
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  backedUpCollections,
  copyFiles,
  type CollectionExport,
  type Doc,
  type GlobalExport,
  type Manifest,
  readJson,
  uploadDir,
} from './format'
import { createGlobalWithId, createVersionWithId } from './rows'

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
