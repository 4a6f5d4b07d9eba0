import fs from 'node:fs'
import path from 'node:path'

import type { CollectionSlug, GlobalSlug, Payload } from 'payload'

import {
  allVersions,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  backedUpCollections,
  copyFiles,
  type CollectionExport,
  type Doc,
  type GlobalExport,
  type Manifest,
  payloadVersion,
  portable,
  uploadDir,
  writeJson,
} from './format'

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
