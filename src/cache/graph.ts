/**
 * The dependency graph: every collection and global readers can see (through a page, directly or
 * through a document that shows it), declared once, with what decides where its documents appear.
 * From this alone:
 * - a change of a document fires its document tag, its collection's `any` tag, and the list tags
 *   when it enters, leaves or moves within a list (`changeTags`, below; installed as one
 *   afterChange / afterDelete hook per entry by ./graphHooks.ts);
 * - a read carries the document tags of everything it returned, and the list, facet or look-up
 *   tag of the query it made (./documentTags.ts), so each page is tagged with what it shows.
 * A collection readers can reach that is missing here fails tests/int/graph.test.ts, and a reader
 * read of it fails at once (src/data/read.ts).
 */
import { cacheTags } from './tags'

export type ReaderDependency = {
  /** Fields readers see; a save that changes none of them fires nothing. Default: all. */
  shown?: string[]
  /** Fields whose change moves a document within (or into, out of) the lists that show it. */
  listedBy?: string[]
  /** Fields lists are filtered on: each value has its own list tag (a category's page). */
  facets?: string[]
  /** Unique fields readers look a document up by (its address), dotted into arrays. */
  lookups?: string[]
}

export type ReaderGraph = {
  collections: Record<string, ReaderDependency>
  globals: Record<string, ReaderDependency>
}

export const readerGraph: ReaderGraph = {
  collections: {
    // Lists show articles newest first, per category and featured; pages find them by address.
    articles: { listedBy: ['publishedAt'], facets: ['category', 'featured'], lookups: ['slug', 'previousSlugs.slug'] },
    'salary-tables': {},
    faqs: {},
    categories: { lookups: ['slug'] },
    media: {},
    // Readers see an author's name on the articles that credit them, and nothing else of a user.
    users: { shown: ['name'] },
    // The search index (src/plugins): its text decides which articles a query finds.
    search: { listedBy: ['title', 'excerpt', 'body', 'priority', 'doc'] },
  },
  globals: { site: {} },
}

type Doc = Record<string, unknown> & { id?: string | number; _status?: string | null }

/** The values at a dotted path, through arrays and populated relations (as ids). */
export function valuesAt(doc: unknown, path: string): unknown[] {
  let values: unknown[] = [doc]
  for (const key of path.split('.')) {
    values = values.flatMap((value) => {
      if (Array.isArray(value)) value = value.map((item) => (item as Record<string, unknown>)?.[key])
      else value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined
      return Array.isArray(value) ? value : [value]
    })
  }
  return values
    .map((value) => (value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value))
    .filter((value) => value !== undefined && value !== null && value !== '')
}

const sameValues = (a: unknown[], b: unknown[]) => JSON.stringify(a) === JSON.stringify(b)

export type Change = {
  doc: Doc
  /** The document before the change; absent for a creation. */
  previousDoc?: Doc
  /** The document was deleted (`doc` is what it was). */
  deleted?: boolean
  /** The collection has drafts: readers see only published documents. */
  drafts: boolean
}

/** The tags a change of a document of `collection` fires, from its declaration; none for a draft's save. */
export function changeTags(collection: string, dependency: ReaderDependency, change: Change): string[] {
  const { doc, previousDoc, deleted, drafts } = change
  const visible = (value: Doc | undefined) => Boolean(value) && (!drafts || value?._status === 'published')
  const now = !deleted && visible(doc)
  const before = visible(previousDoc)
  if (!now && !before) return []
  const changed = (path: string) => !sameValues(valuesAt(doc, path), valuesAt(previousDoc, path))
  // Entering or leaving readers' view is always a change; otherwise only what they see counts.
  const entersOrLeaves = now !== before
  if (!entersOrLeaves && dependency.shown && !dependency.shown.some(changed)) return []

  const id = doc.id ?? previousDoc?.id
  const tags = new Set([cacheTags.doc(collection, id as string), cacheTags.any(collection)])
  const moved = entersOrLeaves || (dependency.listedBy ?? []).some(changed)
  if (moved) tags.add(cacheTags.list(collection))
  const versions = [now ? doc : undefined, before ? previousDoc : undefined]
  for (const field of dependency.facets ?? []) {
    if (!moved && !changed(field)) continue
    for (const version of versions)
      for (const value of valuesAt(version, field)) tags.add(cacheTags.list(collection, { field, value }))
  }
  for (const field of dependency.lookups ?? []) {
    if (!entersOrLeaves && !changed(field)) continue
    for (const version of [doc, previousDoc])
      for (const value of valuesAt(version, field)) tags.add(cacheTags.lookup(collection, field, value))
  }
  return [...tags]
}

/** A global's change: everything of it is shown. */
export const globalChangeTags = (slug: string): string[] => [cacheTags.global(slug)]
