import { searchPlugin } from '@payloadcms/plugin-search'
import { seoPlugin } from '@payloadcms/plugin-seo'
import { s3Storage } from '@payloadcms/storage-s3'
import type { GenerateDescription, GenerateTitle, GenerateURL } from '@payloadcms/plugin-seo/types'
import path from 'node:path'

import type { CollectionConfig, GlobalConfig, Plugin } from 'payload'

import type { Article } from '@payload-types'
import { editors } from '@/access'
import { readerGraphPlugin } from '@/cache/graphHooks'
import { mediaStorage } from '@/config/mediaStorage'
import { keepPublishedOnPlainSave, reapplyPendingDraft } from '@/hooks/keepPublishedOnPlainSave'
import { rejectMalformedGlobalInput, rejectMalformedInput } from '@/hooks/rejectMalformedInput'
import { nameFileByType, serveStoredFilesOnly } from '@/hooks/uploads'
import { plainText, type LexicalRoot } from '@/lib/lexical'
import { articlePath } from '@/lib/paths'
import { absoluteUrl, SITE_NAME } from '@/seo/site'

const generateTitle: GenerateTitle<Article> = ({ doc }) => (doc?.title ? `${doc.title} | ${SITE_NAME}` : SITE_NAME)
const generateDescription: GenerateDescription<Article> = ({ doc }) => doc?.excerpt ?? ''
const generateURL: GenerateURL<Article> = ({ doc }) => absoluteUrl(articlePath(doc?.slug ?? ''))

/**
 * What every write to every collection and global goes through, whoever adds the collection (the
 * search plugin adds one): the shape check first, before any other hook; for collections with
 * drafts, the rule that a save without `_status` keeps the published document published; for
 * upload collections, files named by their bytes and only stored files served. Runs last, so it
 * sees every collection the other plugins added.
 */
const guardEveryWrite: Plugin = (config) => {
  const guardCollection = (collection: CollectionConfig): CollectionConfig => {
    const hooks = collection.hooks ?? {}
    const drafts = Boolean(typeof collection.versions === 'object' && collection.versions?.drafts)
    const upload = typeof collection.upload === 'object' ? collection.upload : collection.upload ? {} : undefined
    return {
      ...collection,
      hooks: {
        ...hooks,
        beforeOperation: [
          rejectMalformedInput,
          ...(upload ? [nameFileByType] : []),
          ...(hooks.beforeOperation ?? []),
          ...(drafts ? [keepPublishedOnPlainSave] : []),
        ],
        afterOperation: [...(hooks.afterOperation ?? []), ...(drafts ? [reapplyPendingDraft] : [])],
      },
      ...(upload && {
        upload: {
          ...upload,
          // On local disk only: with S3 (src/config/mediaStorage.ts) the files are not on this disk.
          handlers: upload.disableLocalStorage
            ? (upload.handlers ?? [])
            : [serveStoredFilesOnly(path.resolve(upload.staticDir ?? collection.slug)), ...(upload.handlers ?? [])],
        },
      }),
    }
  }
  const guardGlobal = (global: GlobalConfig): GlobalConfig => ({
    ...global,
    hooks: { ...global.hooks, beforeOperation: [rejectMalformedGlobalInput, ...(global.hooks?.beforeOperation ?? [])] },
  })
  return {
    ...config,
    collections: (config.collections ?? []).map(guardCollection),
    globals: (config.globals ?? []).map(guardGlobal),
  }
}

/** Every plugin of the site, configured in one place. */
export const plugins: Plugin[] = [
  seoPlugin({
    collections: ['articles'],
    uploadsCollection: 'media',
    generateTitle,
    generateDescription,
    generateURL,
  }),
  searchPlugin({
    collections: ['articles'],
    // Only published articles are copied into the index, so search can never show a draft.
    syncDrafts: false,
    deleteDrafts: true,
    defaultPriorities: { articles: 10 },
    beforeSync: ({ originalDoc, searchDoc }) => ({
      ...searchDoc,
      slug: originalDoc.slug,
      excerpt: originalDoc.excerpt,
      body: plainText(originalDoc.content as LexicalRoot).slice(0, 50_000),
    }),
    searchOverrides: {
      slug: 'search',
      admin: { group: 'System' },
      access: { create: editors, update: editors, delete: editors },
      // What a change of the index makes readers find is declared in src/cache/graph.ts.
      fields: ({ defaultFields }) => [
        ...defaultFields,
        { name: 'slug', type: 'text', index: true, admin: { readOnly: true } },
        { name: 'excerpt', type: 'textarea', admin: { readOnly: true } },
        { name: 'body', type: 'textarea', admin: { readOnly: true } },
      ],
    },
  }),
  // Media on S3 when S3_BUCKET is set, on the local disk otherwise (src/config/mediaStorage.ts).
  s3Storage(mediaStorage()),
  guardEveryWrite,
  // Last: it hooks every collection readers see, those the plugins above add included.
  readerGraphPlugin(),
]
