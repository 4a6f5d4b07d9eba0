import type { CollectionBeforeChangeHook } from 'payload'

/** The first publication stamps the date readers see; editors may still set it by hand. */
export const populatePublishedAt: CollectionBeforeChangeHook = ({ data }) => {
  if (data._status === 'published' && !data.publishedAt) data.publishedAt = new Date().toISOString()
  return data
}
