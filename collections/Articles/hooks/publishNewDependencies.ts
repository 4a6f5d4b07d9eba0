import type { CollectionAfterChangeHook, CollectionSlug, PayloadRequest } from 'payload'

import type { Article } from '@payload-types'
import { figureNodes } from '@/figures/resolve'
import { blocksOf, relationId, type LexicalRoot } from '@/lib/lexical'

/** Documents of `collection` among `ids` that have never been published (not ones since unpublished). */
async function neverPublished(req: PayloadRequest, collection: CollectionSlug, ids: string[]): Promise<string[]> {
  if (!ids.length) return []
  const { docs } = await req.payload.find({
    collection,
    where: { and: [{ id: { in: ids } }, { _status: { equals: 'draft' } }] },
    depth: 0,
    limit: ids.length,
    pagination: false,
    select: {},
    overrideAccess: true,
    req,
  })
  const drafts: string[] = []
  for (const doc of docs) {
    const { totalDocs } = await req.payload.countVersions({
      collection,
      where: { and: [{ parent: { equals: doc.id } }, { 'version._status': { equals: 'published' } }] },
      overrideAccess: true,
      req,
    })
    if (!totalDocs) drafts.push(String(doc.id))
  }
  return drafts
}

/**
 * Publishing an article publishes the salary tables and FAQs it shows that have never been
 * published: an imported post arrives as a draft with draft tables and FAQs (src/import), and its
 * readers would otherwise get the article without them. A table or FAQ that was published once and
 * then unpublished stays as the editor left it. Same transaction and same editor as the article,
 * so access rules and validation apply and a refusal leaves the article unpublished too.
 */
export const publishNewDependencies: CollectionAfterChangeHook<Article> = async ({ doc, req }) => {
  if (doc._status !== 'published') return doc
  const content = doc.content as LexicalRoot
  const tables = [
    ...blocksOf(content, 'salaryTable').map((block) => relationId(block.table)),
    ...figureNodes(content).map((figure) => relationId(figure.table)),
  ]
  const faqs = blocksOf(content, 'faqList').flatMap((block) =>
    Array.isArray(block.faqs) ? block.faqs.map(relationId) : [],
  )
  const as = req.user ? { overrideAccess: false, user: req.user } : { overrideAccess: true }
  for (const [collection, ids] of [
    ['salary-tables', tables],
    ['faqs', faqs],
  ] as const) {
    for (const id of await neverPublished(req, collection, [
      ...new Set(ids.filter((value): value is string => Boolean(value))),
    ])) {
      await req.payload.update({ collection, id, data: { _status: 'published' }, ...as, req })
    }
  }
  return doc
}
