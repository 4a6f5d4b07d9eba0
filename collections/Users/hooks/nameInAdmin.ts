import type { CollectionAfterReadHook } from 'payload'

/**
 * Payload's "currently editing this document" notice (and its "taken over" notice) names the
 * other editor by the `email` of the lock's user, falling back to the id. Colleagues may not read
 * each other's email (collections/Users), so the admin put the user's id there. In the admin only,
 * a profile read without its email gets the name in its place: the admin's views and server
 * functions read through the Local API, while REST and GraphQL clients get no email at all.
 */
export const nameInAdmin: CollectionAfterReadHook = ({ doc, req }) => {
  if (req.payloadAPI !== 'local' || !req.user) return doc
  if (doc.email !== undefined || typeof doc.name !== 'string' || !doc.name) return doc
  return { ...doc, email: doc.name }
}
