import { BlocksFeature, HeadingFeature, lexicalEditor } from '@payloadcms/richtext-lexical'

import { FigureBlock } from '@/blocks/Figure/config'

import { linkFeature } from './link'

/** Prose inside callouts and FAQ answers: text, lists, links, small headings and live figures. */
export const proseEditor = lexicalEditor({
  features: ({ defaultFeatures }) => [
    ...defaultFeatures.filter((feature) => !['link', 'upload', 'relationship', 'heading'].includes(feature.key)),
    HeadingFeature({ enabledHeadingSizes: ['h3', 'h4'] }),
    linkFeature,
    BlocksFeature({ inlineBlocks: [FigureBlock] }),
  ],
})
