import type { Endpoint } from 'payload'

import type { Article } from '@payload-types'
import { articleHistoryScope, loadFigureChanges } from '@/salary-tables/history'
import { relationId } from '@/lib/lexical'

/**
 * GET: the article's "What changed" entries as readers would get them (its own scope: what it
 * showed, since it began showing it), each with its key and
 * whether the latest draft hides it. Staff only (readers get the filtered list on the page); the
 * article is read with the caller's own rights, its latest draft included.
 */
export const figureChangesEndpoint: Endpoint = {
  path: '/:id/figure-changes',
  method: 'get',
  handler: async (req) => {
    if (!req.user)
      return Response.json({ errors: [{ message: 'Sign in to see an article’s figure history.' }] }, { status: 403 })
    const id = req.routeParams?.id as string | undefined
    let article: Article | undefined
    try {
      if (id)
        article = (await req.payload.findByID({
          collection: 'articles',
          id,
          depth: 0,
          draft: true,
          overrideAccess: false,
          user: req.user,
          req,
        })) as Article
    } catch {
      article = undefined
    }
    if (!article) return Response.json({ errors: [{ message: 'No such article.' }] }, { status: 404 })
    const tableIds = (article.salaryTables ?? [])
      .map(relationId)
      .filter((tableId): tableId is string => Boolean(tableId))
    const hidden = new Set(article.hiddenChanges ?? [])
    const changes = await loadFigureChanges(
      req.payload,
      tableIds,
      Object.fromEntries(tableIds.map((tableId) => [tableId, articleHistoryScope(article, tableId)])),
    )
    return Response.json(
      { changes: changes.map((change) => ({ ...change, hidden: hidden.has(change.key) })) },
      { headers: { 'cache-control': 'private, no-store' } },
    )
  },
}
