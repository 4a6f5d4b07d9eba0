import { HeadingFeature, lexicalEditor } from '@payloadcms/richtext-lexical'

import { linkFeature } from './link'

/** Prose inside callouts and FAQ answers: text, lists, links and small headings, no blocks. */
export const proseEditor = lexicalEditor({
  features: ({ defaultFeatures }) => [
    ...defaultFeatures.filter((feature) => !['link', 'upload', 'relationship', 'heading'].includes(feature.key)),
    HeadingFeature({ enabledHeadingSizes: ['h3', 'h4'] }),
    linkFeature,
  ],
})
