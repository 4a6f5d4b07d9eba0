import type {
  CollectionAfterOperationHook,
  CollectionBeforeOperationHook,
  CollectionSlug,
  Field,
  PayloadRequest,
  Tab,
} from 'payload'

import { isPlainObject, type Data } from '@/input/shape'

/**
 * A save changes what readers see only as much as it asks to. The product rule for a `PATCH` (REST,
 * GraphQL or Local API) without `?draft=true`:
 *
 * - with `_status`, it does what it says: `published` publishes the latest draft with the change,
 *   `draft` unpublishes;
 * - without `_status`, it is a change to the live document: the published document gets exactly the
 *   fields sent and stays published. A pending draft (autosave makes one as soon as an editor
 *   types) stays the latest version, with the same change applied, so the editor's next Publish
 *   neither loses their work nor undoes this change, and nothing of that draft reaches readers.
 *
 * Payload bases every save on the latest version. Over a pending draft that is the draft: a plain
 * PATCH made the draft the live document, with `_status: 'draft'`, so the article vanished from
 * REST while its cached page stayed, and nothing was revalidated. Here the live save is based on
 * the published document instead (all its fields, the request's on top), and the draft is saved
 * again afterwards, in the same transaction.
 */

const PLAIN_SAVE = Symbol.for('valenx.plainSave')
/** Set on req.context while the pending draft is saved again: that save is ours, not the client's. */
export const REAPPLYING_DRAFT = 'reapplyingPendingDraft'
const PUBLISHED_BEFORE = 'publishedBefore'

type UpdateArgs = { id?: number | string; data?: unknown; draft?: boolean; [PLAIN_SAVE]?: { body: Data } }

/** Kept by Payload itself, never copied from one version to another. */
const SYSTEM_FIELDS = new Set(['id', 'createdAt', 'updatedAt', 'deletedAt'])

const emptyValue = (field: Field) =>
  field.type === 'array' || field.type === 'blocks' || ('hasMany' in field && field.hasMany === true) ? [] : null

/**
 * `base` with `patch` applied as Payload applies a save's data to the document it updates: each
 * field sent replaces the stored one, groups field by field; every other field keeps `base`'s value
 * and is stated explicitly, so nothing falls back to another version's.
 */
export function applyPatch(fields: (Field | Tab)[], base: Data, patch: Data): Data {
  const result: Data = {}
  for (const [key, value] of Object.entries(patch)) if (!key.startsWith('_') || key === '_status') result[key] = value
  const visit = (fields: (Field | Tab)[], from: Data, over: Data, into: Data) => {
    for (const field of fields) {
      const name = 'name' in field && typeof field.name === 'string' && field.name ? field.name : undefined
      const nested = 'fields' in field && Array.isArray(field.fields) ? (field.fields as Field[]) : undefined
      if (!('type' in field) || field.type === 'group') {
        // a tab or a group: named ones hold an object of their own
        if (!name) visit(nested ?? [], from, over, into)
        else if (!Object.hasOwn(over, name) || isPlainObject(over[name])) {
          const own: Data = {}
          visit(
            nested ?? [],
            isPlainObject(from[name]) ? from[name] : {},
            isPlainObject(over[name]) ? over[name] : {},
            own,
          )
          into[name] = own
        }
        continue
      }
      if (field.type === 'tabs') visit(field.tabs, from, over, into)
      else if (!name) visit(nested ?? [], from, over, into)
      else if (field.type === 'join' || field.type === 'ui' || ('virtual' in field && field.virtual)) continue
      else if (Object.hasOwn(over, name) && over[name] !== undefined) into[name] = over[name]
      else if (!SYSTEM_FIELDS.has(name)) into[name] = from[name] ?? emptyValue(field)
    }
  }
  visit(fields, base, patch, result)
  return result
}

async function versionsOf(req: PayloadRequest, collection: CollectionSlug, id: number | string, limit: number) {
  const { docs } = await req.payload.db.findVersions({
    collection,
    where: { parent: { equals: id } },
    sort: '-updatedAt',
    limit,
    pagination: false,
    req,
  })
  return docs as unknown as { version: Data }[]
}

/** Whether the document was published before this request changed it (its previousDoc is its latest version). */
export function wasPublishedBefore(req: PayloadRequest, collection: string, id: unknown): boolean {
  return Boolean((req.context?.[PUBLISHED_BEFORE] as Record<string, boolean> | undefined)?.[`${collection}:${id}`])
}

export const keepPublishedOnPlainSave: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  const update = args as UpdateArgs
  if (operation !== 'update' || update.draft || !collection.versions?.drafts || req.context?.[REAPPLYING_DRAFT])
    return args
  const slug = collection.slug as CollectionSlug
  const body = update.data
  if (!isPlainObject(body)) return args
  let live: Data | null = null
  if (update.id !== undefined) {
    live = (await req.payload.db.findOne({
      collection: slug,
      where: { id: { equals: update.id } },
      req,
    })) as Data | null
    req.context[PUBLISHED_BEFORE] = {
      ...(req.context[PUBLISHED_BEFORE] as object),
      [`${slug}:${update.id}`]: live?._status === 'published',
    }
  }
  if (Object.hasOwn(body, '_status')) return args
  const marked: UpdateArgs = { ...update, [PLAIN_SAVE]: { body: structuredClone(body) } }
  // Bulk updates are based on each live document already; only the pending draft needs saving again.
  if (update.id === undefined || live?._status !== 'published') return marked as typeof args
  const [latest] = await versionsOf(req, slug, update.id, 1)
  if (latest?.version?._status !== 'draft') return marked as typeof args
  marked.data = { ...applyPatch(collection.fields, live, body), _status: 'published' }
  return marked as typeof args
}

/** After the live save: the draft that was pending becomes the latest version again, with the change. */
export const reapplyPendingDraft: CollectionAfterOperationHook = async ({
  args,
  collection,
  operation,
  req,
  result,
}) => {
  const plain = (args as UpdateArgs)[PLAIN_SAVE]
  if (!plain || (operation !== 'updateByID' && operation !== 'update')) return result
  const slug = collection.slug as CollectionSlug
  const docs = (operation === 'updateByID' ? [result] : ((result as { docs?: unknown[] }).docs ?? [])) as Data[]
  for (const doc of docs) {
    if (doc?._status !== 'published' || doc.id === undefined) continue
    const [saved, previous] = await versionsOf(req, slug, doc.id as string, 2)
    if (saved?.version?._status !== 'published' || previous?.version?._status !== 'draft') continue
    req.context[REAPPLYING_DRAFT] = true
    try {
      await req.payload.update({
        collection: slug,
        id: doc.id as string,
        draft: true,
        data: { ...applyPatch(collection.fields, previous.version, plain.body), _status: 'draft' } as never,
        depth: 0,
        overrideAccess: true,
        overrideLock: true,
        user: req.user,
        req,
      })
    } finally {
      delete req.context[REAPPLYING_DRAFT]
    }
  }
  return result
}
