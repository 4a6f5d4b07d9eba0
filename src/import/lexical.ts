/**
 * The import model → Lexical JSON for the article editor (and the prose editor of callouts and FAQ
 * answers): headings, paragraphs, lists (nested, numbered from their start), quotes, rules, bold /
 * italic text, links and live figures. Built with the seed's builders, so imported and seeded
 * articles have the same node shapes.
 */
import { block, heading, inlineBlock, link, paragraph, richText, rule } from '@/seed/lexical'
import { isHttpUrl } from '@/fields/url'

import type { BoundInline, FigureMatcher } from './figures'
import type { Block, Inline, ListBlock, Problem } from './model'

type Node = Record<string, unknown>

const elementBase = { direction: 'ltr', format: '', indent: 0, version: 1 } as const

const textNode = (text: string, bold?: boolean, italic?: boolean): Node => ({
  type: 'text',
  text,
  format: (bold ? 1 : 0) | (italic ? 2 : 0),
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})

export type LexicalOptions = {
  /** Binds numbers to figures; absent where figures cannot go. */
  figures?: FigureMatcher
  warnings: Problem[]
  /** The article an internal link ("/blog/<slug>") points to, if it exists. */
  internalLink?: (url: string) => string | undefined
  /** Heading levels the target editor allows. */
  headings: { min: number; max: number }
}

function inlines(children: BoundInline[], line: number, options: LexicalOptions): Node[] {
  return children.flatMap((child): Node[] => {
    if (child.kind === 'text') return child.text ? [textNode(child.text, child.bold, child.italic)] : []
    if (child.kind === 'break') return [{ type: 'linebreak', version: 1 }]
    if (child.kind === 'figure') return [inlineBlock('figure', { ...child.fields, lastValue: child.text })]
    const content = inlines(child.children, line, options)
    const articleId = options.internalLink?.(child.url)
    if (articleId) {
      return [
        {
          type: 'link',
          fields: { linkType: 'internal', doc: { relationTo: 'articles', value: articleId }, newTab: false },
          children: content,
          ...elementBase,
          version: 3,
        },
      ]
    }
    if (isHttpUrl(child.url)) return [link(child.url, ...(content as never[]))]
    options.warnings.push({
      line,
      message: `the link “${child.url}” is not a full web address (http:// or https://) nor one of our articles; its text is kept without the link`,
    })
    return content
  })
}

function bound(children: Inline[], line: number, options: LexicalOptions): Node[] {
  return inlines(options.figures ? options.figures.bind(children, line) : children, line, options)
}

function list(block: ListBlock, options: LexicalOptions): Node {
  const items: Node[] = []
  block.items.forEach((item, index) => {
    const value = block.start + index
    items.push({ type: 'listitem', value, children: bound(item.children, block.line, options), ...elementBase })
    for (const nested of item.lists)
      items.push({ type: 'listitem', value, children: [list(nested, options)], ...elementBase })
  })
  const listType = block.ordered ? 'number' : 'bullet'
  return {
    type: 'list',
    listType,
    start: block.start,
    tag: block.ordered ? 'ol' : 'ul',
    children: items,
    ...elementBase,
  }
}

/** One block of prose as Lexical nodes. */
export function proseNodes(blockToMap: Block, options: LexicalOptions): Node[] {
  switch (blockToMap.kind) {
    case 'heading': {
      const level = Math.min(options.headings.max, Math.max(options.headings.min, blockToMap.level))
      // Figures stay out of headings: a heading is an address in the outline, not a statement.
      return [heading(`h${level}` as 'h2', ...(inlines(blockToMap.children, blockToMap.line, options) as never[]))]
    }
    case 'paragraph':
      return [paragraph(...(bound(blockToMap.children, blockToMap.line, options) as never[]))]
    case 'list':
      return [list(blockToMap, options)]
    case 'rule':
      return [rule()]
    case 'quote':
      return blockToMap.blocks.flatMap((inner) =>
        inner.kind === 'paragraph'
          ? [{ type: 'quote', children: bound(inner.children, inner.line, options), ...elementBase }]
          : proseNodes(inner, options),
      )
    case 'table':
      return []
  }
}

export const richTextOf = (nodes: Node[]) => richText(...nodes)

export { block }
