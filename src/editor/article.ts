import { BlocksFeature, FixedToolbarFeature, HeadingFeature, lexicalEditor } from '@payloadcms/richtext-lexical'
import type { Block } from 'payload'

import { CalloutBlock } from '@/blocks/Callout/config'
import { DataTableBlock } from '@/blocks/DataTable/config'
import { FigureBlock } from '@/blocks/Figure/config'
import { FaqListBlock } from '@/blocks/FaqList/config'
import { RecommendedReadingBlock } from '@/blocks/RecommendedReading/config'
import { SalaryTableBlock } from '@/blocks/SalaryTable/config'

import { linkFeature } from './link'

export const articleBlocks: Block[] = [
  SalaryTableBlock,
  DataTableBlock,
  CalloutBlock,
  FaqListBlock,
  RecommendedReadingBlock,
]

/** The article body: Lexical's own text features plus the Valenx data blocks. */
export const articleEditor = lexicalEditor({
  features: ({ defaultFeatures }) => [
    ...defaultFeatures.filter((feature) => !['link', 'relationship', 'heading'].includes(feature.key)),
    HeadingFeature({ enabledHeadingSizes: ['h2', 'h3', 'h4'] }),
    linkFeature,
    BlocksFeature({ blocks: articleBlocks, inlineBlocks: [FigureBlock] }),
    FixedToolbarFeature(),
  ],
})
