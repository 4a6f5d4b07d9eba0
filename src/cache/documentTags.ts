/**
 * The tags a read carries, derived from what it asked and what it returned, by the collections'
 * own schemas: the document tag of every document in the result, walked through relationship and
 * upload fields, arrays, groups, blocks and the nodes of Lexical rich text (blocks, inline blocks,
 * uploads, internal links), populated or left as ids (a draft FAQ arrives as its id: when it is
 * published, its tag re-renders the page); plus, for the query itself, the list, facet or look-up
 * tag of ./graph.ts. The reads in src/data collect them (src/data/read.ts), so a page carries the
 * tags of exactly what it shows.
 */
import type { Field, SanitizedConfig, Where } from 'payload'

import { readerGraph, type ReaderGraph } from './graph'
import { cacheTags } from './tags'

/** More document tags than this in one read are folded, per collection, into its `any` tag. */
export const MAX_TAGS_PER_READ = 96

type Doc = Record<string, unknown>
type LexicalNode = { type?: string; children?: LexicalNode[]; fields?: Doc; relationTo?: string; value?: unknown }
type SubFields = (args: { node: LexicalNode; req?: unknown }) => Field[] | null | undefined
type Editor = {
  editorConfig?: { features?: { getSubFields?: Map<string, SubFields>; getSubFieldsData?: Map<string, SubFields> } }
}

export class TagCollector {
  private readonly docs = new Map<string, Set<string>>()
  private readonly queries = new Set<string>()
  private readonly seen = new WeakSet<object>()

  constructor(
    private readonly config: SanitizedConfig,
    private readonly graph: ReaderGraph = readerGraph,
  ) {}

  /** A `find`, `findOne` or `count` of `collection` with these arguments, and the documents it returned. */
  found(collection: string, args: { where?: Where; sort?: string | string[] }, docs: unknown[] = []): void {
    const dependency = this.graph.collections[collection]
    if (!dependency)
      throw new Error(`Readers read "${collection}", which src/cache/graph.ts does not declare: declare it there.`)
    for (const tag of queryTags(collection, args, dependency)) this.queries.add(tag)
    for (const doc of docs) this.document(collection, doc)
  }

  /** A global as readers read it. */
  global(slug: string, doc: unknown): void {
    if (!this.graph.globals[slug])
      throw new Error(`Readers read the global "${slug}", which src/cache/graph.ts does not declare: declare it there.`)
    this.queries.add(cacheTags.global(slug))
    const global = this.config.globals.find((candidate) => candidate.slug === slug)
    if (global && doc && typeof doc === 'object') this.fields(global.fields, doc as Doc)
  }

  /** Tags named by the read itself, beyond what its result shows. */
  add(...tags: string[]): void {
    for (const tag of tags) this.queries.add(tag)
  }

  /** Every tag collected, collections with too many documents folded into their `any` tag. */
  tags(): string[] {
    const tags = new Set(this.queries)
    const collections = [...this.docs].sort((a, b) => a[1].size - b[1].size)
    let total = collections.reduce((sum, [, ids]) => sum + ids.size, 0)
    for (let index = collections.length - 1; index >= 0 && total > MAX_TAGS_PER_READ; index--) {
      const [collection, ids] = collections[index]
      total -= ids.size
      tags.add(cacheTags.any(collection))
      collections.splice(index, 1)
    }
    for (const [collection, ids] of collections) for (const id of ids) tags.add(cacheTags.doc(collection, id))
    return [...tags].sort()
  }

  private addDoc(collection: string, id: unknown): void {
    if (typeof id !== 'string' && typeof id !== 'number') return
    if (!this.graph.collections[collection])
      throw new Error(
        `Readers were shown "${collection}", which src/cache/graph.ts does not declare: declare it there.`,
      )
    let ids = this.docs.get(collection)
    if (!ids) this.docs.set(collection, (ids = new Set()))
    ids.add(String(id))
  }

  private document(collection: string, doc: unknown): void {
    if (!doc || typeof doc !== 'object') return this.addDoc(collection, doc)
    if (this.seen.has(doc)) return
    this.seen.add(doc)
    this.addDoc(collection, (doc as Doc).id)
    const config = this.config.collections.find((candidate) => candidate.slug === collection)
    if (config) this.fields(config.fields, doc as Doc)
  }

  private relation(relationTo: string | string[], value: unknown): void {
    if (Array.isArray(value)) return value.forEach((item) => this.relation(relationTo, item))
    if (value === null || value === undefined) return
    if (Array.isArray(relationTo) || (typeof value === 'object' && 'relationTo' in (value as Doc))) {
      const { relationTo: target, value: inner } = value as { relationTo?: string; value?: unknown }
      if (typeof target === 'string') this.document(target, inner)
      return
    }
    this.document(relationTo, value)
  }

  private fields(fields: Field[], data: Doc | undefined): void {
    if (!data || typeof data !== 'object') return
    for (const field of fields) {
      switch (field.type) {
        case 'tabs':
          for (const tab of field.tabs)
            this.fields(tab.fields, 'name' in tab && tab.name ? (data[tab.name] as Doc) : data)
          break
        case 'row':
        case 'collapsible':
          this.fields(field.fields, data)
          break
        case 'group':
          this.fields(field.fields, 'name' in field && field.name ? (data[field.name] as Doc) : data)
          break
        case 'array':
          for (const item of asArray(data[field.name])) this.fields(field.fields, item as Doc)
          break
        case 'blocks':
          for (const item of asArray(data[field.name])) {
            const type = (item as Doc)?.blockType
            const block =
              field.blocks?.find((candidate) => candidate.slug === type) ??
              this.config.blocks?.find((candidate) => candidate.slug === type)
            if (block) this.fields(block.fields, item as Doc)
          }
          break
        case 'relationship':
        case 'upload':
          this.relation(field.relationTo, data[field.name])
          break
        case 'richText':
          this.richText(field.editor as Editor | undefined, data[field.name])
          break
        default:
          // join fields are never read for readers; the rest hold no other document.
          break
      }
    }
  }

  /** Lexical: the sub-fields of each node as the editor's own features declare them. */
  private richText(editor: Editor | undefined, value: unknown): void {
    const root = (value as { root?: LexicalNode } | null)?.root
    if (!root) return
    const features = editor?.editorConfig?.features
    const stack: LexicalNode[] = [root]
    while (stack.length) {
      const node = stack.pop() as LexicalNode
      if (Array.isArray(node.children)) stack.push(...node.children)
      // Upload and relationship nodes name their document themselves.
      if (typeof node.relationTo === 'string' && node.value !== undefined) this.relation(node.relationTo, node.value)
      const subFields = node.type ? features?.getSubFields?.get(node.type) : undefined
      if (!subFields) continue
      let fields: Field[] | null | undefined
      try {
        fields = subFields({ node })
      } catch {
        fields = null
      }
      const dataOf = features?.getSubFieldsData?.get(node.type as string)
      const data = (dataOf ? dataOf({ node }) : node.fields) as unknown as Doc | undefined
      if (fields?.length) this.fields(fields, data)
    }
  }
}

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])

type Condition = Record<string, unknown>

/** The field conditions every match must meet: the top level and its `and`s (an `or` names none). */
function conditions(where: Where | undefined): Map<string, Condition> {
  const found = new Map<string, Condition>()
  const visit = (clause: Where | undefined) => {
    if (!clause) return
    for (const [key, value] of Object.entries(clause)) {
      if (key === 'and' && Array.isArray(value)) value.forEach((inner) => visit(inner as Where))
      else if (key !== 'or' && value && typeof value === 'object') found.set(key, value as Condition)
    }
  }
  visit(where)
  return found
}

/**
 * The tags of a query itself: by id, the documents asked for (found or not); by a look-up field,
 * the look-up; filtered on facets, those facets' lists; otherwise the collection's list. Sorted
 * on a field that no declared list order follows (the newest change), any change can reorder it.
 */
export function queryTags(
  collection: string,
  { where, sort }: { where?: Where; sort?: string | string[] },
  dependency = readerGraph.collections[collection] ?? {},
): string[] {
  const clauses = conditions(where)
  const tags: string[] = []
  const ids = clauses.get('id')
  if (ids && ('equals' in ids || 'in' in ids)) {
    const values = 'equals' in ids ? [ids.equals] : asArray(ids.in)
    return values.map((id) => cacheTags.doc(collection, String(id)))
  }
  for (const field of dependency.lookups ?? []) {
    const clause = clauses.get(field)
    if (clause && 'equals' in clause) return [cacheTags.lookup(collection, field, clause.equals)]
  }
  for (const field of dependency.facets ?? []) {
    const clause = clauses.get(field)
    if (clause && 'equals' in clause) tags.push(cacheTags.list(collection, { field, value: clause.equals }))
  }
  if (!tags.length) tags.push(cacheTags.list(collection))
  const ordered = new Set(['id', 'createdAt', ...(dependency.listedBy ?? [])])
  const sorts = (Array.isArray(sort) ? sort : sort ? sort.split(',') : []).map((field) =>
    field.trim().replace(/^-/, ''),
  )
  if (sorts.some((field) => field && !ordered.has(field))) tags.push(cacheTags.any(collection))
  return tags
}
