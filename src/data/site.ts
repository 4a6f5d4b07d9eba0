/** The site global and the categories: what the layout, navigation and category pages read. */
import type { Category, Site } from '@payload-types'

import { cachedRead } from './read'

export const getSite = () =>
  cachedRead(['site'], [], (reader): Promise<Site> => reader.findGlobal({ slug: 'site', depth: 0 }))

export const getCategoryBySlug = (slug: string) =>
  cachedRead(['category-by-slug', slug], [], (reader): Promise<Category | null> =>
    reader.findOne({ collection: 'categories', where: { slug: { equals: slug } }, depth: 0 }),
  )
