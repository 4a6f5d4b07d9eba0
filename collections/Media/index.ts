import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { anyone, authenticated, editors } from '@/access'
import { MAX_UPLOAD_BYTES } from '@/config/bodyLimits.mjs'
import { dataDir } from '@/config/env'

import { explainRefusedFile } from './hooks/explainRefusedFile'

/** The largest upload (payload.config.ts `upload.limits`): a photo for the web needs far less. */
export { MAX_UPLOAD_BYTES }

export const Media: CollectionConfig = {
  slug: 'media',
  admin: {
    useAsTitle: 'alt',
    defaultColumns: ['filename', 'alt', 'updatedAt'],
  },
  access: {
    create: authenticated,
    delete: editors,
    read: anyone,
    update: editors,
  },
  // Wherever an image is populated (an article's hero), everything but "Used by", which no reader needs.
  defaultPopulate: { usedBy: false },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      maxLength: 300,
      admin: { description: 'What the image shows, for readers who cannot see it.' },
    },
    { name: 'caption', type: 'text', maxLength: 300 },
    {
      name: 'usedBy',
      label: 'Used by',
      type: 'join',
      collection: 'articles',
      on: 'images',
      admin: {
        description: 'Articles that show this image (hero, share image or in the content). Its alt text shows in each.',
        defaultColumns: ['title', '_status', 'updatedAt'],
      },
    },
  ],
  hooks: {
    afterError: [explainRefusedFile],
  },
  upload: {
    // Uploads live beside the SQLite file so that one folder holds all local state.
    staticDir: path.join(dataDir(), 'media'),
    // Raster images only. No SVG: it is a document that can carry script, served from our origin.
    // Payload checks the file's bytes, not only its name or declared type, against this list.
    mimeTypes: ['image/png', 'image/jpeg', 'image/webp', 'image/avif', 'image/gif'],
    focalPoint: true,
    imageSizes: [
      { name: 'thumbnail', width: 400 },
      { name: 'card', width: 768 },
      { name: 'og', width: 1200, height: 630, position: 'centre' },
    ],
    adminThumbnail: 'thumbnail',
  },
}
