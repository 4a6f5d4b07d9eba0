import type { CollectionBeforeChangeHook } from 'payload'

/** A new article is credited to whoever writes it, which is also what lets an author edit it later. */
export const setDefaultAuthor: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  const hasAuthors = Array.isArray(data.authors) && data.authors.length > 0
  if (operation === 'create' && !hasAuthors && req.user?.collection === 'users') data.authors = [req.user.id]
  return data
}
