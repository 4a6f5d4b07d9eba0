/** The site global and the categories: what the layout, navigation and category pages read. */
import type { Category, Site } from '@payload-types'
import { cacheTags } from '@/cache/tags'

import { cachedRead } from './read'

export const getSite = () =>
  cachedRead(['site'], [cacheTags.site], (reader): Promise<Site> => reader.findGlobal({ slug: 'site', depth: 0 }))

export const getCategoryBySlug = (slug: string) =>
  cachedRead(['category-by-slug', slug], [cacheTags.categories], async (reader): Promise<Category | null> => {
    const { docs } = await reader.find({
      collection: 'categories',
      where: { slug: { equals: slug } },
      limit: 1,
      depth: 0,
      pagination: false,
    })
    return docs[0] ?? null
  })
