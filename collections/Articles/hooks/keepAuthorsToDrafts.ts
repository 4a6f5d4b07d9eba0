import { APIError, type CollectionBeforeOperationHook, type PayloadRequest, type Where } from 'payload'

import { roleOf } from '@/access'

const PUBLISH_MESSAGE = 'Authors cannot publish: save the article as a draft and an editor will publish it.'
const LIVE_MESSAGE =
  'Authors cannot change or unpublish a published article: save your changes as a draft and an editor will publish them.'

/**
 * A refusal that names `_status` as the field at fault, in the shape of a validation error; the data
 * also keeps the message in production responses, which drop it from errors that carry none.
 */
const refusal = (message: string) => new APIError(message, 403, { errors: [{ path: '_status', message }] }, true)

async function touchesLiveArticle(req: PayloadRequest, where: Where): Promise<boolean> {
  const { totalDocs } = await req.payload.count({
    collection: 'articles',
    where: { and: [where, { _status: { equals: 'published' } }] },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}

/**
 * The access rules let authors write their own articles as drafts; a write without `draft` goes to
 * the live document itself, so on a published article it would publish the author's edit or, with
 * `_status: 'draft'`, unpublish it. Access functions cannot see the `draft` argument, this hook can.
 * It also turns a refused publication into a message that says why.
 */
export const keepAuthorsToDrafts: CollectionBeforeOperationHook = async ({ args, operation, overrideAccess, req }) => {
  if (overrideAccess || roleOf(req.user) !== 'author') return args
  if (operation !== 'create' && operation !== 'update' && operation !== 'restoreVersion') return args

  const data = (args as { data?: { _status?: unknown } }).data
  if (data?._status === 'published') throw refusal(PUBLISH_MESSAGE)
  if (operation === 'create' || (args as { draft?: boolean }).draft) return args

  const { id, where } = args as { id?: number | string; where?: Where }
  let target: Where | undefined = where
  if (operation === 'restoreVersion' && id !== undefined) {
    const version = await req.payload
      .findVersionByID({ collection: 'articles', id: String(id), depth: 0, overrideAccess: true, req })
      .catch(() => null)
    target = version ? { id: { equals: version.parent } } : undefined
  } else if (id !== undefined) {
    target = { id: { equals: id } }
  }
  if (target && (await touchesLiveArticle(req, target))) throw refusal(LIVE_MESSAGE)
  return args
}
