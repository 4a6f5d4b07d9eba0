import type { CollectionAfterChangeHook, Endpoint } from 'payload'

import { isEditorUser } from '@/access'

import { afterCommit } from '@/db/afterCommit'

import { discardPlaceholder, sweepPlaceholders } from './placeholder'

// One sweep at a time, in the order asked; `sweepsDone` lets a test wait for them.
let sweeps: Promise<unknown> = Promise.resolve()
export const sweepsDone = () => sweeps

/**
 * When "Create New" makes a placeholder, those abandoned more than an hour ago go: after the
 * commit, outside the editor's request, so a failed sweep never fails their new article.
 */
export const sweepAbandonedPlaceholders: CollectionAfterChangeHook = ({ doc, operation, req }) => {
  if (operation !== 'create' || doc.title) return doc
  const { payload } = req
  afterCommit(req, () => {
    sweeps = sweeps.then(() =>
      sweepPlaceholders(payload).catch((error) =>
        payload.logger.warn({ err: error, msg: 'Could not sweep abandoned empty article drafts' }),
      ),
    )
  })
  return doc
}

/**
 * POST /api/articles/:id/discard: the form of an untouched placeholder was left. Deletes it if it
 * still is one (204), otherwise leaves it (409). Anyone who may edit the article may discard it:
 * authors too, who cannot delete articles, since an empty draft of their own is nothing to lose.
 */
export const discardEndpoint: Endpoint = {
  path: '/:id/discard',
  method: 'post',
  handler: async (req) => {
    const id = req.routeParams?.id as string | undefined
    if (!req.user || !id)
      return Response.json({ errors: [{ message: 'Sign in to discard a draft.' }] }, { status: 403 })
    let doc
    try {
      // As the user: only an article they may edit (an author's own) is found.
      doc = await req.payload.findByID({
        collection: 'articles',
        id,
        depth: 0,
        overrideAccess: false,
        user: req.user,
        req,
        select: { title: true, _status: true, authors: true },
      })
    } catch {
      return Response.json({ errors: [{ message: 'No such article.' }] }, { status: 404 })
    }
    const authors = (doc.authors ?? []).map((author) => (typeof author === 'object' ? author.id : author))
    if (!isEditorUser(req.user) && !authors.includes(req.user.id as string))
      return Response.json(
        { errors: [{ message: 'Only its authors or an editor can discard this draft.' }] },
        { status: 403 },
      )
    const discarded = await discardPlaceholder(req.payload, doc, req)
    return discarded
      ? new Response(null, { status: 204 })
      : Response.json({ errors: [{ message: 'This article has been edited: it is kept.' }] }, { status: 409 })
  },
}
