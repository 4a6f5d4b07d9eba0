import { searchPlugin } from '@payloadcms/plugin-search'
import { seoPlugin } from '@payloadcms/plugin-seo'
import { s3Storage } from '@payloadcms/storage-s3'
import type { GenerateDescription, GenerateTitle, GenerateURL } from '@payloadcms/plugin-seo/types'
import type { Plugin } from 'payload'

import type { Article } from '@payload-types'
import { editors } from '@/access'
import { invalidate } from '@/cache/invalidate'
import { mediaStorage } from '@/config/mediaStorage'
import { plainText, type LexicalRoot } from '@/lib/lexical'
import { articlePath } from '@/lib/paths'
import { absoluteUrl, SITE_NAME } from '@/seo/site'

const generateTitle: GenerateTitle<Article> = ({ doc }) => (doc?.title ? `${doc.title} | ${SITE_NAME}` : SITE_NAME)
const generateDescription: GenerateDescription<Article> = ({ doc }) => doc?.excerpt ?? ''
const generateURL: GenerateURL<Article> = ({ doc }) => absoluteUrl(articlePath(doc?.slug ?? ''))

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
      // Any change to the index (a publish, an unpublish, a reindex) changes what readers find.
      hooks: {
        afterChange: [async ({ doc, req }) => (await invalidate(req, { searches: 'all' }), doc)],
        afterDelete: [async ({ doc, req }) => (await invalidate(req, { searches: 'all' }), doc)],
      },
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
]
