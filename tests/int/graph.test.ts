import fc from 'fast-check'
import type { Field, Payload, SanitizedCollectionConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { TagCollector, queryTags } from '@/cache/documentTags'
import { changeTags, readerGraph } from '@/cache/graph'
import { registerPurger } from '@/cache/purgers.mjs'
import { cacheTags } from '@/cache/tags'
import { readTagged } from '@/data/read'
import { paragraph, richText as lexical } from '@/seed/lexical'

import { EDIT_KINDS } from '../../scripts/lib/edits.mjs'
import { bootDemo } from '../helpers/demo'
import { shutdown } from '../helpers/payload'

let payload: Payload

/** Lexical JSON as the Local API's types take it. */
const richText = (...nodes: Parameters<typeof lexical>) => lexical(...nodes) as never

beforeAll(async () => {
  ;({ payload } = await bootDemo())
})

afterAll(async () => {
  await shutdown(payload)
})

type AnyField = Field & {
  name?: string
  fields?: Field[]
  relationTo?: string | string[]
  blocks?: { fields: Field[] }[]
}

/** Collections a relationship, upload or Lexical block of these fields points to. */
function targets(fields: Field[]): string[] {
  const found: string[] = []
  for (const field of fields as AnyField[]) {
    if ((field.type === 'relationship' || field.type === 'upload') && field.relationTo)
      found.push(...(Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo]))
    if ('fields' in field && Array.isArray(field.fields)) found.push(...targets(field.fields))
    if (field.type === 'tabs') for (const tab of field.tabs) found.push(...targets(tab.fields))
    if (field.type === 'blocks') for (const block of field.blocks ?? []) found.push(...targets(block.fields))
    if (field.type === 'richText') {
      const features = (field.editor as { editorConfig?: { features?: { getSubFields?: Map<string, unknown> } } })
        ?.editorConfig?.features
      // Every node's sub-fields, asked without a node: the blocks' fields, the links' and uploads'.
      for (const subFields of features?.getSubFields?.values() ?? []) {
        try {
          const inner = (subFields as (args: { node: null }) => Field[] | null)({ node: null })
          if (inner) found.push(...targets(inner))
        } catch {
          // a feature that needs its node
        }
      }
      found.push('media', 'articles') // upload nodes and internal links name their collection themselves
    }
  }
  return found
}

/** Whether an anonymous reader may read some documents of the collection or the global. */
async function anonymousCanRead(read: unknown): Promise<boolean> {
  if (typeof read !== 'function') return false
  const req = { user: null, payload, context: {}, headers: new Headers() }
  return Boolean(await read({ req }))
}

describe('the dependency graph (src/cache/graph.ts)', () => {
  it('declares every collection and global readers can see, directly or through one they see', async () => {
    const collections = payload.config.collections as SanitizedCollectionConfig[]
    const visible = new Set<string>()
    for (const collection of collections)
      if (await anonymousCanRead(collection.access.read)) visible.add(collection.slug)
    const globals = []
    for (const global of payload.config.globals) if (await anonymousCanRead(global.access.read)) globals.push(global)
    // Reachable: whatever a visible document or global shows (the authors of an article are users).
    const queue = [...visible, ...globals.flatMap((global) => targets(global.fields))]
    for (const slug of queue) visible.add(slug)
    while (queue.length) {
      const slug = queue.pop()
      const collection = collections.find((candidate) => candidate.slug === slug)
      for (const target of targets(collection?.fields ?? [])) {
        if (visible.has(target)) continue
        visible.add(target)
        queue.push(target)
      }
    }
    expect([...visible].sort()).toEqual(
      expect.arrayContaining(['articles', 'categories', 'faqs', 'media', 'salary-tables', 'search', 'users']),
    )
    const undeclared = [...visible].filter((slug) => !readerGraph.collections[slug])
    expect(undeclared, 'reader-visible collections missing from src/cache/graph.ts').toEqual([])
    const undeclaredGlobals = globals.map((global) => global.slug).filter((slug) => !readerGraph.globals[slug])
    expect(undeclaredGlobals, 'reader-visible globals missing from src/cache/graph.ts').toEqual([])
  })

  it('hooks every declared collection and global', () => {
    for (const slug of Object.keys(readerGraph.collections)) {
      const collection = payload.collections[slug as keyof typeof payload.collections].config
      const hooked = (hooks: unknown[] | undefined) =>
        (hooks ?? []).some((hook) => (hook as { readerGraph?: string }).readerGraph === slug)
      expect(hooked(collection.hooks.afterChange), `${slug} afterChange`).toBe(true)
      expect(hooked(collection.hooks.afterDelete), `${slug} afterDelete`).toBe(true)
    }
    for (const slug of Object.keys(readerGraph.globals)) {
      const global = payload.config.globals.find((candidate) => candidate.slug === slug)
      expect(
        (global?.hooks?.afterChange ?? []).some((hook) => (hook as { readerGraph?: string }).readerGraph === slug),
      ).toBe(true)
    }
  })

  it('has an edit kind in the end-to-end walk for every field a reader sees, or says why not', () => {
    // Shown to readers, but walked elsewhere or not editable as such.
    const elsewhere: Record<string, string> = {
      'articles.content': 'its figures, tables and FAQs are walked through the salary cell and FAQ kinds',
      'articles.slug': 'an address: tests/e2e/reader.spec.ts (old slugs redirect)',
      'articles.category': 'moving categories: the category kinds, and the list facets below',
      'articles.authors': 'the author name kind',
      'articles.heroImage': 'the media alt kind',
      'articles.relatedPosts': 'the related page of every kind',
      'articles.publishedAt': 'the list order, tested by changeTags below',
      'articles.featured': 'the featured facet, tested by changeTags below',
      'articles.meta': 'the SEO description follows the excerpt kind (src/figures/summary.ts)',
      'articles.hiddenChanges': 'tests/e2e/figures-admin.spec.ts',
      'categories.slug': 'an address',
      'faqs.topics': 'not shown to readers',
      'media.caption': 'not shown to readers',
      'site.navigation': 'tests/e2e/reader.spec.ts',
      'site.footerLinks': 'tests/e2e/reader.spec.ts',
      'salary-tables.title': 'the table caption, shown with the rows',
      'salary-tables.currency': 'shown with the rows',
      'salary-tables.period': 'shown with the rows',
      'salary-tables.asOf': 'shown with the rows',
      'salary-tables.notes': 'the Dataset description, shown with the rows',
      'articles.confirmContradictions': 'stored nowhere: it confirms one save (tests/int/figure-preview.test.ts)',
      'salary-tables.confirmContradictions': 'stored nowhere: it confirms one save (tests/int/figure-preview.test.ts)',
    }
    // The uploaded file itself: a new file is a change of the image's document like any other.
    for (const field of [
      'url',
      'thumbnailURL',
      'filename',
      'mimeType',
      'filesize',
      'width',
      'height',
      'focalX',
      'focalY',
      'sizes',
      'prefix',
    ])
      elsewhere[`media.${field}`] = 'the file of the image'
    const covered = new Set(EDIT_KINDS.flatMap((kind) => kind.covers))
    const computed = new Set([
      'readingTime',
      'salaryTables',
      'faqs',
      'images',
      'summaryFigures',
      'noteFigures',
      'previousSlugs',
      'updatedBy',
    ])
    const missing: string[] = []
    const visit = (prefix: string, fields: Field[]) => {
      for (const field of fields as AnyField[]) {
        if (field.type === 'row' || field.type === 'collapsible') {
          visit(prefix, field.fields ?? [])
          continue
        }
        if (!field.name || field.type === 'ui' || field.type === 'join' || field.name.startsWith('_')) continue
        if (['id', 'createdAt', 'updatedAt'].includes(field.name) || computed.has(field.name)) continue
        const path = `${prefix}.${field.name}`
        if (!covered.has(path) && !elsewhere[path]) missing.push(path)
      }
    }
    for (const slug of ['articles', 'faqs', 'categories', 'media', 'salary-tables'])
      visit(slug, payload.collections[slug as keyof typeof payload.collections].config.fields)
    visit('site', payload.config.globals.find((global) => global.slug === 'site')?.fields ?? [])
    visit('users', [{ name: 'name', type: 'text' }])
    expect(missing, 'reader-visible fields with neither an edit kind nor a reason').toEqual([])
  })
})

describe('changeTags', () => {
  const article = (overrides: Record<string, unknown> = {}) => ({
    id: 'a1',
    _status: 'published',
    slug: 'one',
    category: 'c1',
    featured: false,
    publishedAt: '2026-01-01T00:00:00.000Z',
    title: 'One',
    ...overrides,
  })
  const articles = readerGraph.collections.articles

  it('fires nothing for a draft that was never published, and the document tag for any published change', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('draft', 'published'),
        fc.constantFrom('draft', 'published'),
        fc.string(),
        (before, after, title) => {
          const tags = changeTags('articles', articles, {
            doc: article({ _status: after, title }),
            previousDoc: article({ _status: before }),
            drafts: true,
          })
          if (before === 'draft' && after === 'draft') expect(tags).toEqual([])
          else expect(tags).toContain(cacheTags.doc('articles', 'a1'))
          // Entering or leaving readers' view moves every list it is on.
          if (before !== after) {
            expect(tags).toContain(cacheTags.list('articles'))
            expect(tags).toContain(cacheTags.list('articles', { field: 'category', value: 'c1' }))
            expect(tags).toContain(cacheTags.lookup('articles', 'slug', 'one'))
          }
        },
      ),
    )
  })

  it('fires the list tags only when membership or order can change', () => {
    const title = changeTags('articles', articles, {
      doc: article({ title: 'Two' }),
      previousDoc: article(),
      drafts: true,
    })
    expect(title).toEqual(expect.arrayContaining([cacheTags.doc('articles', 'a1'), cacheTags.any('articles')]))
    expect(title.some((tag) => tag.includes(':list'))).toBe(false)
    const moved = changeTags('articles', articles, {
      doc: article({ category: 'c2' }),
      previousDoc: article(),
      drafts: true,
    })
    expect(moved).toEqual(
      expect.arrayContaining([
        cacheTags.list('articles', { field: 'category', value: 'c1' }),
        cacheTags.list('articles', { field: 'category', value: 'c2' }),
      ]),
    )
    expect(moved).not.toContain(cacheTags.list('articles'))
    const reordered = changeTags('articles', articles, {
      doc: article({ publishedAt: '2026-02-01T00:00:00.000Z' }),
      previousDoc: article(),
      drafts: true,
    })
    expect(reordered).toContain(cacheTags.list('articles'))
    const renamed = changeTags('articles', articles, {
      doc: article({ slug: 'two' }),
      previousDoc: article(),
      drafts: true,
    })
    expect(renamed).toEqual(
      expect.arrayContaining([
        cacheTags.lookup('articles', 'slug', 'one'),
        cacheTags.lookup('articles', 'slug', 'two'),
      ]),
    )
  })

  it('ignores what readers do not see of a user', () => {
    const users = readerGraph.collections.users
    const user = { id: 'u1', name: 'Ada', email: 'ada@example.com' }
    expect(
      changeTags('users', users, { doc: { ...user, email: 'new@example.com' }, previousDoc: user, drafts: false }),
    ).toEqual([])
    expect(
      changeTags('users', users, { doc: { ...user, name: 'Ada L.' }, previousDoc: user, drafts: false }),
    ).toContain(cacheTags.doc('users', 'u1'))
  })
})

describe('the tags a read carries', () => {
  it('names each query by what decides its result', () => {
    expect(queryTags('articles', { where: { id: { in: ['x', 'y'] } } })).toEqual(['articles:x', 'articles:y'])
    expect(queryTags('articles', { where: { slug: { equals: 'one' } } })).toEqual(['articles:slug=one'])
    expect(queryTags('articles', { where: { category: { equals: 'c1' } }, sort: '-publishedAt' })).toEqual([
      'articles:list:category=c1',
    ])
    expect(queryTags('articles', { sort: '-publishedAt' })).toEqual(['articles:list'])
    expect(queryTags('articles', { sort: '-updatedAt' })).toEqual(['articles:list', 'articles:any'])
  })

  it('carries every document an article page shows, populated or left as an id', async () => {
    const faq = await payload.create({
      collection: 'faqs',
      data: { question: 'Tagged?', answer: richText(paragraph('Yes.')), _status: 'published' },
      overrideAccess: true,
    })
    const draftFaq = await payload.create({
      collection: 'faqs',
      data: { question: 'Draft?', answer: richText(paragraph('Not yet.')), _status: 'draft' },
      overrideAccess: true,
      draft: true,
    })
    const [category] = (await payload.find({ collection: 'categories', limit: 1, overrideAccess: true })).docs
    const content = richText(paragraph('FAQs:'), {
      type: 'block',
      version: 2,
      format: '',
      fields: { id: '0123456789abcdef01234567', blockName: '', blockType: 'faqList', faqs: [faq.id, draftFaq.id] },
    })
    const article = await payload.create({
      collection: 'articles',
      data: { title: 'Tagged page', excerpt: 'Tags.', category: category.id, content, _status: 'published' },
      overrideAccess: true,
    })
    const { tags } = await readTagged((reader) =>
      reader.findOne({ collection: 'articles', where: { slug: { equals: article.slug } }, depth: 2 }),
    )
    expect(tags).toEqual(
      expect.arrayContaining([
        cacheTags.lookup('articles', 'slug', article.slug),
        cacheTags.doc('articles', article.id),
        cacheTags.doc('categories', category.id),
        cacheTags.doc('faqs', faq.id),
        // A draft FAQ is not shown, but its publication must re-render the page.
        cacheTags.doc('faqs', draftFaq.id),
      ]),
    )
    // Saving the FAQ fires a tag of the page (purgers hear the tags outside Next).
    const fired: string[] = []
    const unregister = registerPurger('graph test', (changed) => fired.push(...changed))
    try {
      await payload.update({
        collection: 'faqs',
        id: faq.id,
        data: { question: 'Tagged, again?' },
        overrideAccess: true,
      })
      expect(fired).toContain(cacheTags.doc('faqs', faq.id))
      expect(fired.filter((tag) => tags.includes(tag)).length).toBeGreaterThan(0)
      // An unrelated FAQ's save fires no tag of the page.
      fired.length = 0
      const other = await payload.create({
        collection: 'faqs',
        data: { question: 'Elsewhere?', answer: richText(paragraph('Elsewhere.')), _status: 'published' },
        overrideAccess: true,
      })
      await payload.update({
        collection: 'faqs',
        id: other.id,
        data: { question: 'Still elsewhere?' },
        overrideAccess: true,
      })
      expect(fired.filter((tag) => tags.includes(tag))).toEqual([])
    } finally {
      unregister()
    }
  })

  it('folds a collection with more documents than a tag list holds into its any tag', () => {
    const collector = new TagCollector(payload.config)
    const docs = Array.from({ length: 200 }, (_, index) => ({ id: `id-${index}` }))
    collector.found('categories', { sort: 'title' }, docs)
    const tags = collector.tags()
    expect(tags).toContain(cacheTags.any('categories'))
    expect(tags.length).toBeLessThan(10)
  })

  it('refuses a reader read of a collection the graph does not declare', () => {
    const collector = new TagCollector(payload.config)
    expect(() => collector.found('payload-preferences', {})).toThrow(/src\/cache\/graph.ts/)
  })
})
