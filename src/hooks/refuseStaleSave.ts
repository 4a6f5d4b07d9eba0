import {
  APIError,
  type CollectionAfterErrorHook,
  type CollectionBeforeOperationHook,
  type CollectionSlug,
  type PayloadRequest,
  type SanitizedCollectionConfig,
} from 'payload'

import { REAPPLYING_DRAFT } from './keepPublishedOnPlainSave'

/**
 * No lost update: a save that starts from an older version than the stored one is refused with a
 * 409 instead of silently overwriting what someone else saved in between.
 *
 * The client states which version it started from: the admin's form submits the document's
 * `updatedAt` with every save (it is a hidden field of the form), and REST or GraphQL clients may
 * send the `updatedAt` they read (from a `?draft=true` read for drafts) or an `If-Unmodified-Since`
 * header. A save that states nothing (scripts, the seed, jobs, the CSV import) is not checked.
 *
 * It runs before the operation, ahead of Payload's document lock: an editor whose colleague took
 * over the document and saved is told who changed it and what to do (409), not only that it is
 * locked (423), whichever of the two the colleague's open form still holds.
 *
 * Only other people's saves count. The admin does not queue "Publish" behind a pending autosave,
 * so an editor's own autosave regularly lands between reading the form and publishing it; and a
 * version saved by oneself cannot be news to oneself. Versions record who saved them (`updatedBy`),
 * so the check looks at every version saved since the stated one.
 */

type Doc = Record<string, unknown>

/** A refused save: the editor's normal business, logged as information rather than as a server error. */
export class EditConflict extends APIError {
  constructor(message: string, data: Record<string, unknown>) {
    super(message, 409, data, true)
    // Set explicitly: a minified build renames classes, and `loggingLevels` matches on the name.
    this.name = 'EditConflict'
  }
}

const idOf = (value: unknown): string | undefined => {
  if (value && typeof value === 'object' && 'id' in value) return idOf((value as { id: unknown }).id)
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined
}

const timeOf = (value: unknown): number | undefined => {
  if (!(typeof value === 'string' || value instanceof Date)) return undefined
  const time = new Date(value).getTime()
  return Number.isNaN(time) ? undefined : time
}

/** The latest moment the client says it has seen, or undefined when it says nothing. */
function statedVersion(data: Doc | undefined, req: PayloadRequest): number | undefined {
  const fromBody = timeOf(data?.updatedAt)
  const header = req.headers?.get('if-unmodified-since')
  // An HTTP date has whole seconds: anything saved within that second counts as seen.
  const fromHeader = header ? timeOf(header) : undefined
  const headerUntil = fromHeader === undefined ? undefined : fromHeader + 999
  if (fromBody === undefined) return headerUntil
  if (headerUntil === undefined) return fromBody
  return Math.min(fromBody, headerUntil)
}

const when = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'UTC',
})

/** Who saved, and when, each version saved after `since` by someone other than this user, newest first. */
async function changesByOthers({
  collection,
  id,
  since,
  req,
}: {
  collection: CollectionSlug
  id: number | string
  since: number
  req: PayloadRequest
}) {
  const { docs } = await req.payload.findVersions({
    collection,
    where: {
      and: [{ parent: { equals: id } }, { 'version.updatedAt': { greater_than: new Date(since).toISOString() } }],
    },
    sort: '-updatedAt',
    depth: 0,
    limit: 200,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const self = idOf(req.user)
  return docs
    .map((version) => {
      const saved = version.version as unknown as Doc
      return { by: idOf(saved.updatedBy), at: String(saved.updatedAt ?? version.updatedAt) }
    })
    .filter((change) => !self || change.by !== self)
}

async function nameOf(id: string | undefined, req: PayloadRequest): Promise<string> {
  if (!id) return 'someone else'
  // The editor needs to know whom to ask about the other change; the name is all this reveals,
  // and only to a signed-in colleague.
  const user = await req.payload.findByID({
    collection: 'users',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    select: { name: true },
    req,
  })
  return typeof user?.name === 'string' && user.name ? user.name : 'another user'
}

/** The stored version's `updatedAt`: the latest version, a pending draft included, as Payload bases a save on it. */
async function storedVersion(collection: SanitizedCollectionConfig, id: number | string, req: PayloadRequest) {
  const slug = collection.slug as CollectionSlug
  if (collection.versions) {
    const { docs } = await req.payload.findVersions({
      collection: slug,
      where: { parent: { equals: id } },
      sort: '-updatedAt',
      depth: 0,
      limit: 1,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const latest = docs[0]?.version as unknown as Doc | undefined
    if (latest) return latest
  }
  return (await req.payload.db.findOne({ collection: slug, where: { id: { equals: id } }, req })) as Doc | null
}

export const refuseStaleSave: CollectionBeforeOperationHook = async ({ args, collection, context, operation, req }) => {
  // Restoring a version submits that version's own (old) `updatedAt`: it is a deliberate overwrite.
  // A pending draft saved again after a plain save (keepPublishedOnPlainSave) is part of that save.
  if (operation !== 'update' || context?.isRestoringVersion || context?.[REAPPLYING_DRAFT]) return args
  // Access is checked after this hook: only a signed-in user hears who changed a document (the
  // name, which colleagues may read: collections/Users); anyone else meets Payload's 403.
  if (!req.user) return args
  const { id, data } = args as { id?: number | string; data?: Doc }
  // A bulk update (by `where`) names no version of any one document.
  if (id === undefined || id === null || !data || typeof data !== 'object') return args
  const stated = statedVersion(data, req)
  if (stated === undefined) return args
  const original = await storedVersion(collection, id, req)
  const stored = timeOf(original?.updatedAt)
  if (!original || stored === undefined || stored <= stated) return args

  const changes = collection.versions
    ? await changesByOthers({ collection: collection.slug as CollectionSlug, id, since: stated, req })
    : [{ by: idOf(original.updatedBy), at: String(original.updatedAt) }].filter(
        (change) => change.by !== idOf(req.user),
      )
  const latest = changes[0]
  if (!latest) return args

  const label = typeof collection.labels?.singular === 'string' ? collection.labels.singular.toLowerCase() : 'document'
  const name = await nameOf(latest.by, req)
  throw new EditConflict(
    `This ${label} was changed by ${name} at ${when.format(new Date(latest.at))} UTC since you opened it. Reload to see their changes, then apply yours again.`,
    {
      updatedAt: original.updatedAt,
      changedAt: latest.at,
      changedBy: latest.by ? { id: latest.by, name } : null,
    },
  )
}

/**
 * The admin shows a response's top-level `message` as it is, but reads `errors[0].message` as
 * "intro: field, field" and would cut this one apart at the time's colons. The REST shape stays
 * Payload's (`errors: [{ message }]`); the same sentence is added where the admin reads it whole.
 */
export const showEditConflictWhole: CollectionAfterErrorHook = ({ error, result }) => {
  if (!(error instanceof EditConflict) || !result) return
  return { response: { ...result, message: error.message } }
}
