/**
 * What the import asks of the existing content, always as the signed-in editor
 * (`overrideAccess: false`): categories by name, FAQs by question, articles by title or slug, and
 * whether an address is free.
 */
import type { PayloadRequest } from 'payload'

import { slugify } from '@/lib/slugify'

export type ArticleRef = { id: string; title: string; slug: string; published: boolean }

const normal = (text: string) =>
  text
    .toLowerCase()
    .replace(/^(the|a|an)\s+/, '')
    .replace(/[^\p{L}\p{N}+→]+/gu, ' ')
    .trim()

export function lookups(req: PayloadRequest) {
  const as = { overrideAccess: false, user: req.user, req } as const
  const { payload } = req

  return {
    normal,

    async category(names: string[], chosen?: string): Promise<{ id: string; title: string } | undefined> {
      const { docs } = await payload.find({
        collection: 'categories',
        depth: 0,
        limit: 200,
        pagination: false,
        select: { title: true, slug: true },
        ...as,
      })
      if (chosen)
        return docs.find((doc) => doc.id === chosen || doc.slug === chosen) as { id: string; title: string } | undefined
      const wanted = names.map((name) => normal(name))
      const found = docs.find(
        (doc) => wanted.includes(normal(doc.title)) || wanted.includes(normal(String(doc.slug ?? ''))),
      )
      return found ? { id: found.id, title: found.title } : undefined
    },

    /** An existing FAQ with the same question (case, spacing and the final "?" aside). */
    async faq(question: string): Promise<{ id: string; question: string; published: boolean } | undefined> {
      const core = question.replace(/[?？.\s]+$/, '').trim()
      if (!core) return undefined
      const { docs } = await payload.find({
        collection: 'faqs',
        where: { question: { contains: core } },
        depth: 0,
        limit: 20,
        draft: true,
        select: { question: true, _status: true },
        ...as,
      })
      const found = docs.find((doc) => normal(doc.question) === normal(question))
      return found ? { id: found.id, question: found.question, published: found._status === 'published' } : undefined
    },

    async articlesBySlug(slugs: string[]): Promise<Map<string, ArticleRef>> {
      if (!slugs.length) return new Map()
      const { docs } = await payload.find({
        collection: 'articles',
        where: { slug: { in: slugs } },
        depth: 0,
        limit: slugs.length,
        draft: true,
        select: { title: true, slug: true, _status: true },
        ...as,
      })
      return new Map(
        docs.map((doc) => [
          String(doc.slug),
          { id: doc.id, title: doc.title, slug: String(doc.slug), published: doc._status === 'published' },
        ]),
      )
    },

    /** Articles whose title is this one, "The" and punctuation aside; published ones first. */
    async articleByTitle(title: string): Promise<ArticleRef | undefined> {
      const core = normal(title)
      if (core.length < 3) return undefined
      const longestWord = core.split(' ').sort((a, b) => b.length - a.length)[0]
      const { docs } = await payload.find({
        collection: 'articles',
        where: { title: { contains: longestWord } },
        depth: 0,
        limit: 50,
        draft: true,
        select: { title: true, slug: true, _status: true },
        ...as,
      })
      const matches = docs
        .filter((doc) => normal(doc.title) === core)
        .map((doc) => ({
          id: doc.id,
          title: doc.title,
          slug: String(doc.slug),
          published: doc._status === 'published',
        }))
      return matches.find((doc) => doc.published) ?? matches[0]
    },

    /** The title's address, or the first free "-2", "-3" … after it. */
    async freeSlug(title: string): Promise<{ slug: string; takenBy?: string }> {
      const base = slugify(title) || 'imported-post'
      const candidates = [base, ...Array.from({ length: 49 }, (_, index) => `${base.slice(0, 90)}-${index + 2}`)]
      // Read without access rules: an address taken by an article this editor cannot see is still taken.
      const { docs } = await payload.find({
        collection: 'articles',
        where: { slug: { in: candidates } },
        depth: 0,
        limit: candidates.length,
        pagination: false,
        draft: true,
        select: { slug: true, title: true },
        overrideAccess: true,
        req,
      })
      const taken = new Map(docs.map((doc) => [String(doc.slug), doc.title]))
      const slug =
        candidates.find((candidate) => !taken.has(candidate)) ?? `${base.slice(0, 80)}-${Date.now().toString(36)}`
      return { slug, takenBy: slug === base ? undefined : taken.get(base) }
    },
  }
}

export type Lookups = ReturnType<typeof lookups>
