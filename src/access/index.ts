import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

/**
 * Every access rule of Valenx Press, by name. Collections and globals compose these;
 * the access-matrix tests exercise them role by role.
 *
 * Roles: `admin` (everything), `editor` (all content, publishing), `author` (own article drafts).
 */

export type Role = 'admin' | 'editor' | 'author'

export const ROLES: readonly Role[] = ['admin', 'editor', 'author']

type MaybeUser = PayloadRequest['user']

export function roleOf(user: MaybeUser): Role | undefined {
  const role = (user as { role?: unknown } | null | undefined)?.role
  return typeof role === 'string' && (ROLES as readonly string[]).includes(role) ? (role as Role) : undefined
}

export const isAdminUser = (user: MaybeUser): boolean => roleOf(user) === 'admin'

export const isEditorUser = (user: MaybeUser): boolean => {
  const role = roleOf(user)
  return role === 'admin' || role === 'editor'
}

const publishedOnly: Where = { _status: { equals: 'published' } }

export const anyone: Access = () => true

export const authenticated: Access = ({ req: { user } }) => Boolean(user)

/** Drafts are for signed-in staff; everyone else sees published documents only. */
export const authenticatedOrPublished: Access = ({ req: { user } }) => (user ? true : publishedOnly)

export const admins: Access = ({ req: { user } }) => isAdminUser(user)

export const editors: Access = ({ req: { user } }) => isEditorUser(user)

export const adminsOrSelf: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isAdminUser(user)) return true
  return { id: { equals: user.id } }
}

function isPublishing(data: unknown): boolean {
  return (data as { _status?: unknown } | undefined)?._status === 'published'
}

/** Editors create anything; authors create drafts only. */
export const editorsOrDraftingAuthors: Access = ({ req: { user }, data }) => {
  if (!user) return false
  if (isEditorUser(user)) return true
  return roleOf(user) === 'author' && !isPublishing(data)
}

/** Editors edit every article; authors edit, as drafts, the articles that list them as an author. */
export const editorsOrOwnDrafts: Access = ({ req: { user }, data }) => {
  if (!user) return false
  if (isEditorUser(user)) return true
  if (roleOf(user) !== 'author' || isPublishing(data)) return false
  return { authors: { in: [user.id] } }
}

export const adminFieldAccess: FieldAccess = ({ req: { user } }) => isAdminUser(user)

/** A user's own record, or any as an admin: for the parts of a profile colleagues need not see. */
export const adminOrSelfFieldAccess: FieldAccess = ({ req: { user }, id, doc }) => {
  if (!user) return false
  if (isAdminUser(user)) return true
  const target = id ?? (doc as { id?: unknown } | undefined)?.id
  return target !== undefined && String(target) === String(user.id)
}

/** Editorial content (salary tables, FAQs): editors write it, readers see what is published, staff see history. */
export const editorialAccess = {
  create: editors,
  delete: editors,
  read: authenticatedOrPublished,
  readVersions: editors,
  update: editors,
} as const
