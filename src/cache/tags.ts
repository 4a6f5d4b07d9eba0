/**
 * Cache tags name what a cached read, page or response shows. The reads in src/data carry them
 * (derived from what each read returned: ./documentTags.ts), a change fires them (./graph.ts), and
 * reader responses announce them to edge caches in the `Surrogate-Key` header, space-separated: so
 * a tag holds no space and no comma.
 */
export const cacheTags = {
  /** One document: every read that returned it, or asked for it by id and found nothing. */
  doc: (collection: string, id: string | number) => `${collection}:${id}`,
  /** A global (the site). */
  global: (slug: string) => `global:${slug}`,
  /** Any change of any document of the collection: reads that depend on all of them (sitemaps). */
  any: (collection: string) => `${collection}:any`,
  /**
   * Which documents a list holds, and in which order. With a facet, only the lists filtered on that
   * field's value (a category's articles, the featured ones).
   */
  list: (collection: string, facet?: { field: string; value: unknown }) =>
    facet ? `${collection}:list:${facet.field}=${String(facet.value)}` : `${collection}:list`,
  /** A look-up by a unique field (an address): also carried when it found nothing, so a new slug shows. */
  lookup: (collection: string, field: string, value: unknown) => `${collection}:${field}=${String(value)}`,
} as const

/** Next's own implicit tags (`_N_T_/blog/[slug]/page`): never ours to fire or announce. */
export const isImplicitTag = (tag: string) => tag.startsWith('_N_T_')
