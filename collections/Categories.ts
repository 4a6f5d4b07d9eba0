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
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 80 },
    urlSlugField(),
    { name: 'description', type: 'textarea', maxLength: 500 },
  ],
}
