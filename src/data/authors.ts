import { relationId } from '@/lib/lexical'

import { cachedPrivilegedRead } from './read'

/**
 * The bylines of a published article. Users are private to readers (emails, roles), so their
 * relationship arrives as bare ids; the names credited on a public article are public, though, so
 * this reads the `name` field alone, with access overridden, for exactly the ids the article lists.
 */
export const getAuthorNames = (authors: unknown[] | null | undefined) => {
  const ids = (authors ?? []).map(relationId).filter((id): id is string => Boolean(id))
  if (!ids.length) return Promise.resolve([])
  // Tagged with each user read (users:<id>): a renamed author shows on every article crediting them.
  return cachedPrivilegedRead(['author-names', ...ids], [], async (reader) => {
    const { docs } = await reader.find({
      collection: 'users',
      where: { id: { in: ids } },
      limit: ids.length,
      depth: 0,
      overrideAccess: true,
      select: { name: true },
    })
    const names = new Map(docs.map((user) => [String(user.id), user.name]))
    return ids.map((id) => names.get(id)).filter((name): name is string => Boolean(name))
  })
}
