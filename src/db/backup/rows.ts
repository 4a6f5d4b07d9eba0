import { upsertRow } from '@payloadcms/drizzle'
import { buildVersionCollectionFields, type CollectionSlug, type Payload, type PayloadRequest } from 'payload'

import type { Doc, VersionDoc } from './format'

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
export async function createGlobalWithId(payload: Payload, slug: string, document: Doc, req: Partial<PayloadRequest>) {
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
export async function createVersionWithId(
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
