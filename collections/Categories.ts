import type { CollectionConfig } from 'payload'

import { anyone, editors } from '@/access'
import { urlSlugField } from '@/fields/slug'

export const Categories: CollectionConfig = {
  slug: 'categories',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', 'updatedAt'],
  },
  access: {
    create: editors,
    delete: editors,
    read: anyone,
    update: editors,
  },
  // Wherever a category is populated (articles, cards), everything but "Used by", which no reader needs.
  defaultPopulate: { usedBy: false },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 80 },
    urlSlugField(),
    { name: 'description', type: 'textarea', maxLength: 500 },
    {
      name: 'usedBy',
      label: 'Used by',
      type: 'join',
      collection: 'articles',
      on: 'category',
      admin: {
        description: 'Articles in this category. Renaming it shows on each of them and on every list.',
        defaultColumns: ['title', '_status', 'publishedAt'],
      },
    },
  ],
}
