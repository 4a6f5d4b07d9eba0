/**
 * Installs the dependency graph (./graph.ts) as hooks: one afterChange and one afterDelete per
 * declared collection, one afterChange per declared global, each calling `invalidate` with the tags
 * `changeTags` gives. A Payload plugin, listed last in src/plugins so that collections other plugins
 * add (the search index) are there to be hooked.
 */
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeOperationHook,
  CollectionConfig,
  GlobalAfterChangeHook,
  Plugin,
  RequestContext,
} from 'payload'

import { changeTags, globalChangeTags, readerGraph, type ReaderDependency, type ReaderGraph } from './graph'
import { invalidate } from './invalidate'
import { wasPublishedBefore } from '@/hooks/keepPublishedOnPlainSave'

const DRAFT_SAVES = 'valenxDraftSaves'

/** Saves of a draft over a document (autosave, "Save draft"): readers keep the published version. */
const draftSaves = (context: RequestContext) => ((context[DRAFT_SAVES] as Set<string> | undefined) ??= new Set())

const rememberDraftSave: CollectionBeforeOperationHook = ({ args, collection, context, operation }) => {
  const { id, draft, data } = args as { id?: string | number; draft?: boolean; data?: { _status?: string } }
  if (operation === 'update' && draft && id !== undefined && data?._status !== 'published')
    draftSaves(context).add(`${collection.slug}:${id}`)
  return args
}

function hooksFor(slug: string, dependency: ReaderDependency, drafts: boolean) {
  const afterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
    if (drafts && draftSaves(req.context).delete(`${slug}:${doc.id}`)) return doc
    // previousDoc is the latest version: a draft when one was pending over the published document,
    // which readers saw until this save (an unpublish over a pending draft must reach them).
    const before =
      operation === 'create'
        ? undefined
        : drafts && previousDoc?._status !== 'published' && wasPublishedBefore(req, slug, doc.id)
          ? { ...previousDoc, _status: 'published' }
          : previousDoc
    const tags = changeTags(slug, dependency, { doc, previousDoc: before, drafts })
    if (tags.length) await invalidate(req, { tags })
    return doc
  }
  const afterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
    const tags = changeTags(slug, dependency, { doc, previousDoc: doc, deleted: true, drafts })
    if (tags.length) await invalidate(req, { tags })
    return doc
  }
  return { afterChange: marked(afterChange, slug), afterDelete: marked(afterDelete, slug) }
}

/** Marks a hook as the graph's, for the test that every declared collection has one. */
const marked = <Hook extends object>(hook: Hook, slug: string): Hook => Object.assign(hook, { readerGraph: slug })

function withGraphHooks(collection: CollectionConfig, dependency: ReaderDependency): CollectionConfig {
  const drafts = Boolean(typeof collection.versions === 'object' && collection.versions?.drafts)
  const { afterChange, afterDelete } = hooksFor(collection.slug, dependency, drafts)
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: {
      ...hooks,
      beforeOperation: drafts ? [...(hooks.beforeOperation ?? []), rememberDraftSave] : hooks.beforeOperation,
      afterChange: [...(hooks.afterChange ?? []), afterChange],
      afterDelete: [...(hooks.afterDelete ?? []), afterDelete],
    },
  }
}

/** The plugin: every declared collection and global gets its hooks; a declared slug that does not exist is an error. */
export const readerGraphPlugin =
  (graph: ReaderGraph = readerGraph): Plugin =>
  (config) => {
    const collections = config.collections ?? []
    const globals = config.globals ?? []
    for (const slug of Object.keys(graph.collections))
      if (!collections.some((collection) => collection.slug === slug))
        throw new Error(`src/cache/graph.ts declares a collection "${slug}" the config does not have.`)
    for (const slug of Object.keys(graph.globals))
      if (!globals.some((global) => global.slug === slug))
        throw new Error(`src/cache/graph.ts declares a global "${slug}" the config does not have.`)
    return {
      ...config,
      collections: collections.map((collection) =>
        graph.collections[collection.slug]
          ? withGraphHooks(collection, graph.collections[collection.slug])
          : collection,
      ),
      globals: globals.map((global) => {
        if (!graph.globals[global.slug]) return global
        const afterChange: GlobalAfterChangeHook = async ({ doc, req }) => {
          await invalidate(req, { tags: globalChangeTags(global.slug) })
          return doc
        }
        const hooks = {
          ...global.hooks,
          afterChange: [...(global.hooks?.afterChange ?? []), marked(afterChange, global.slug)],
        }
        return { ...global, hooks }
      }),
    }
  }
