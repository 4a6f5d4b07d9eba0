import type { CollectionConfig } from 'payload'

import {
  authenticated,
  authenticatedOrPublished,
  editors,
  editorsOrDraftingAuthors,
  editorsOrOwnDrafts,
} from '@/access'
import { articleEditor } from '@/editor/article'
import { urlSlugField } from '@/fields/slug'
import { updatedByField } from '@/fields/updatedBy'
import { refuseStaleSave, showEditConflictWhole } from '@/hooks/refuseStaleSave'
import { importEndpoint } from '@/import/endpoint'
import { articlePath } from '@/lib/paths'
import { previewUrl } from '@/config/preview'
import { confirmContradictionsField } from '@/figures/confirm'

import { figureChangesEndpoint } from './endpoints'
import { bindSummaryFigures } from './hooks/bindSummaryFigures'
import { indexContent } from './hooks/indexContent'
import { indexUses } from './hooks/indexUses'
import { keepAuthorsToDrafts } from './hooks/keepAuthorsToDrafts'
import { populatePublishedAt } from './hooks/populatePublishedAt'
import { publishNewDependencies } from './hooks/publishNewDependencies'
import { refuseContradictedClaims } from './hooks/refuseContradictedClaims'
import { rememberPreviousSlug } from './hooks/rememberPreviousSlug'
import { setDefaultAuthor } from './hooks/setDefaultAuthor'
import { discardEndpoint, sweepAbandonedPlaceholders } from './untouched/hooks'

export const MAX_RELATED_POSTS = 6

export const Articles: CollectionConfig = {
  slug: 'articles',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', '_status', 'category', 'publishedAt', 'updatedAt'],
    listSearchableFields: ['title', 'slug', 'excerpt'],
    components: {
      beforeListTable: ['/src/import/admin/ImportLink#ImportLink'],
      // Who saved each version and what it changed (src/admin/versions).
      views: { edit: { versions: { Component: '/src/admin/versions/VersionsView#VersionsView' } } },
      // Publishes what is on screen: the body's last keystrokes and a click during an autosave included.
      edit: { PublishButton: '/src/admin/PublishButton#PublishButton' },
    },
    preview: (doc) => (doc?.slug ? previewUrl(articlePath(String(doc.slug))) : null),
    livePreview: {
      url: ({ data }) => (data?.slug ? previewUrl(articlePath(String(data.slug))) : ''),
    },
  },
  access: {
    create: editorsOrDraftingAuthors,
    delete: editors,
    read: authenticatedOrPublished,
    readVersions: authenticated,
    update: editorsOrOwnDrafts,
  },
  defaultPopulate: {
    title: true,
    slug: true,
    excerpt: true,
    category: true,
    readingTime: true,
    publishedAt: true,
    heroImage: true,
    salaryTables: true,
    faqs: true,
    summaryFigures: true,
    updatedAt: true,
  },
  // Reader lists filter on status (and category) and sort newest first, with Payload's createdAt
  // tie-break: with these the database reads a page's 12 rows, not every article, at 10,000 of them.
  // The first also holds what the sitemap reads: SQLite then reads the index and each row's id,
  // instead of stepping over every article's content, which is stored before those columns.
  // The third gives the sitemap each category's last change in one step, instead of reading all of
  // its articles.
  indexes: [
    { fields: ['_status', 'publishedAt', 'createdAt', 'slug', 'updatedAt', 'category'] },
    { fields: ['category', '_status', 'publishedAt', 'createdAt'] },
    { fields: ['category', '_status', 'updatedAt'] },
  ],
  fields: [
    {
      // Display only: an untouched "Create New" draft is discarded when its form is left.
      name: 'discardUntouchedDraft',
      type: 'ui',
      admin: { components: { Field: '/collections/Articles/components/DiscardUntouchedDraft#DiscardUntouchedDraft' } },
    },
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    {
      name: 'excerpt',
      type: 'textarea',
      required: true,
      maxLength: 320,
      admin: {
        description:
          'One or two sentences for cards, search results and previews. A number equal to a live figure of the article when you save (such as 22%) follows that figure from then on.',
      },
    },
    { name: 'heroImage', type: 'upload', relationTo: 'media' },
    { name: 'content', type: 'richText', required: true, editor: articleEditor },
    {
      // Keys of "What changed" entries (src/salary-tables/history.ts) that readers should not see; the
      // field lists the generated entries with a toggle each, so nobody types a key.
      name: 'hiddenChanges',
      label: 'Hidden “What changed” entries',
      type: 'text',
      hasMany: true,
      maxRows: 500,
      maxLength: 300,
      admin: { components: { Field: '/collections/Articles/components/HiddenChangesField#HiddenChangesField' } },
    },
    {
      name: 'relatedPosts',
      type: 'relationship',
      relationTo: 'articles',
      hasMany: true,
      maxRows: MAX_RELATED_POSTS,
      admin: { description: `Up to ${MAX_RELATED_POSTS}, shown in this order. Drag to reorder.` },
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
      validate: (value: unknown, { id }: { id?: number | string }) => {
        const ids = Array.isArray(value)
          ? value.map((item) =>
              typeof item === 'object' && item
                ? ((item as { id?: unknown }).id ?? (item as { value?: unknown }).value)
                : item,
            )
          : []
        if (id !== undefined && ids.some((item) => String(item) === String(id)))
          return 'An article cannot list itself as a related post.'
        if (ids.length > MAX_RELATED_POSTS) return `Choose at most ${MAX_RELATED_POSTS} related posts.`
        if (new Set(ids.map(String)).size !== ids.length) return 'Each related post can be listed once.'
        return true
      },
    },
    {
      name: 'linkedFrom',
      label: 'Linked from',
      type: 'join',
      collection: 'articles',
      on: 'relatedPosts',
      admin: {
        description: 'Articles that list this one among their related posts.',
        defaultColumns: ['title', '_status'],
      },
    },
    // Sidebar
    urlSlugField(),
    {
      name: 'category',
      type: 'relationship',
      relationTo: 'categories',
      required: true,
      index: true,
      admin: { position: 'sidebar' },
    },
    { name: 'authors', type: 'relationship', relationTo: 'users', hasMany: true, admin: { position: 'sidebar' } },
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'featured',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      admin: { position: 'sidebar', description: 'Shown first on the home page.' },
    },
    {
      name: 'salaryTables',
      label: 'Uses salary tables',
      type: 'relationship',
      relationTo: 'salary-tables',
      hasMany: true,
      index: true,
      admin: { position: 'sidebar', readOnly: true, description: 'Kept from the content on save.' },
    },
    {
      name: 'faqs',
      label: 'Uses FAQs',
      type: 'relationship',
      relationTo: 'faqs',
      hasMany: true,
      index: true,
      admin: { position: 'sidebar', readOnly: true, description: 'Kept from the content on save.' },
    },
    {
      name: 'images',
      label: 'Uses images',
      type: 'relationship',
      relationTo: 'media',
      hasMany: true,
      index: true,
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: 'The hero image, the share image and images in the content; kept on save.',
      },
    },
    confirmContradictionsField({
      position: 'sidebar',
      description:
        'Needed to publish when a sentence’s figure contradicts its words (“higher” over a negative premium). Readers then keep the last value that agreed with them.',
    }),
    {
      // The numbers of the excerpt and SEO description bound to live figures (src/figures/summary.ts).
      name: 'summaryFigures',
      type: 'json',
      admin: { hidden: true },
    },
    updatedByField,
    {
      name: 'readingTime',
      type: 'number',
      admin: { position: 'sidebar', readOnly: true, description: 'Minutes, computed on save.' },
    },
    {
      name: 'previousSlugs',
      type: 'array',
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: 'Old addresses that redirect here.',
        initCollapsed: true,
      },
      fields: [{ name: 'slug', type: 'text', index: true }],
    },
  ],
  endpoints: [figureChangesEndpoint, importEndpoint, discardEndpoint],
  hooks: {
    beforeOperation: [refuseStaleSave, keepAuthorsToDrafts],
    afterError: [showEditConflictWhole],
    beforeChange: [
      setDefaultAuthor,
      populatePublishedAt,
      rememberPreviousSlug,
      indexContent,
      indexUses,
      bindSummaryFigures,
      refuseContradictedClaims,
    ],
    // What a change shows readers is revalidated by the dependency graph (src/cache/graph.ts).
    afterChange: [publishNewDependencies, sweepAbandonedPlaceholders],
  },
  versions: {
    drafts: {
      autosave: { interval: 800 },
      schedulePublish: true,
    },
    maxPerDoc: 50,
  },
}
