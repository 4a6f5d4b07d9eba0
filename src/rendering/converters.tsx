import type { DefaultNodeTypes, SerializedBlockNode, SerializedInlineBlockNode } from '@payloadcms/richtext-lexical'
import { LinkJSXConverter, type JSXConvertersFunction } from '@payloadcms/richtext-lexical/react'

import type {
  CalloutBlock,
  DataTableBlock,
  FaqListBlock,
  FigureBlock,
  RecommendedReadingBlock,
  SalaryTableBlock,
} from '@payload-types'

import { CalloutView } from '@/blocks/Callout/Component'
import { DataTableView } from '@/blocks/DataTable/Component'
import { FaqListView } from '@/blocks/FaqList/Component'
import { FigureView } from '@/blocks/Figure/Component'
import { RecommendedReadingView } from '@/blocks/RecommendedReading/Component'
import { SalaryTableView } from '@/blocks/SalaryTable/Component'
import { articlePath, blogPath } from '@/lib/paths'

/** Internal links store the article, not a URL, so a renamed slug never breaks them. */
const internalDocToHref = ({ linkNode }: { linkNode: { fields: { doc?: { value?: unknown } | null } } }) => {
  const value = linkNode.fields.doc?.value
  return value && typeof value === 'object' && 'slug' in value
    ? articlePath(String((value as { slug: string }).slug))
    : blogPath()
}

/** The one map from Lexical nodes and blocks to their server-rendered views. */
type ValenxNodes =
  | DefaultNodeTypes
  | SerializedBlockNode<SalaryTableBlock | DataTableBlock | CalloutBlock | FaqListBlock | RecommendedReadingBlock>
  | SerializedInlineBlockNode<FigureBlock>

export const jsxConverters: JSXConvertersFunction<ValenxNodes> = ({ defaultConverters }) => ({
  ...defaultConverters,
  ...LinkJSXConverter({ internalDocToHref }),
  blocks: {
    salaryTable: ({ node }) => <SalaryTableView {...node.fields} />,
    dataTable: ({ node }) => <DataTableView {...node.fields} />,
    callout: ({ node }) => <CalloutView {...node.fields} />,
    faqList: ({ node }) => <FaqListView {...node.fields} />,
    recommendedReading: ({ node }) => <RecommendedReadingView {...node.fields} />,
  },
  inlineBlocks: {
    figure: ({ node }) => <FigureView {...node.fields} />,
  },
})
