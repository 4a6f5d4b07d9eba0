import crypto from 'node:crypto'

/**
 * A small builder for Lexical JSON, so demo content reads like the article it makes.
 * Strings become plain text; `bold()`/`italic()` mark text; blocks take the block's fields.
 */

type Node = Record<string, unknown>
export type Inline = string | Node

const FORMAT = { bold: 1, italic: 2 } as const

function textNode(text: string, format = 0): Node {
  return { type: 'text', text, format, detail: 0, mode: 'normal', style: '', version: 1 }
}

function inline(children: Inline[]): Node[] {
  return children.map((child) => (typeof child === 'string' ? textNode(child) : child))
}

const elementBase = { direction: 'ltr', format: '', indent: 0, version: 1 } as const

export const bold = (text: string): Node => textNode(text, FORMAT.bold)
export const italic = (text: string): Node => textNode(text, FORMAT.italic)

export const paragraph = (...children: Inline[]): Node => ({
  type: 'paragraph',
  children: inline(children),
  textFormat: 0,
  textStyle: '',
  ...elementBase,
})

export const heading = (tag: 'h2' | 'h3' | 'h4', ...children: Inline[]): Node => ({
  type: 'heading',
  tag,
  children: inline(children),
  ...elementBase,
})

function list(listType: 'bullet' | 'number', items: Inline[][]): Node {
  return {
    type: 'list',
    listType,
    start: 1,
    tag: listType === 'bullet' ? 'ul' : 'ol',
    children: items.map((item, index) => ({
      type: 'listitem',
      value: index + 1,
      checked: undefined,
      children: inline(item),
      ...elementBase,
    })),
    ...elementBase,
  }
}

/** Each argument is one list item: a string, or an array of inline parts. */
export const bullets = (...items: (Inline | Inline[])[]): Node =>
  list(
    'bullet',
    items.map((item) => (Array.isArray(item) ? item : [item])),
  )
export const numbered = (...items: (Inline | Inline[])[]): Node =>
  list(
    'number',
    items.map((item) => (Array.isArray(item) ? item : [item])),
  )

export const link = (url: string, ...children: Inline[]): Node => ({
  type: 'link',
  fields: { linkType: 'custom', url, newTab: false },
  children: inline(children),
  ...elementBase,
  version: 3,
})

export const articleLink = (articleId: string, ...children: Inline[]): Node => ({
  type: 'link',
  fields: { linkType: 'internal', doc: { relationTo: 'articles', value: articleId }, newTab: false },
  children: inline(children),
  ...elementBase,
  version: 3,
})

export const rule = (): Node => ({ type: 'horizontalrule', version: 1 })

export const block = (blockType: string, fields: Record<string, unknown>): Node => ({
  type: 'block',
  fields: { id: crypto.randomBytes(12).toString('hex'), blockName: '', blockType, ...fields },
  format: '',
  version: 2,
})

export const richText = (...children: Node[]) => ({
  root: { type: 'root', children, ...elementBase },
})

export type RichText = ReturnType<typeof richText>

export const inlineBlock = (blockType: string, fields: Record<string, unknown>): Node => ({
  type: 'inlineBlock',
  fields: { id: crypto.randomBytes(12).toString('hex'), blockName: '', blockType, ...fields },
  version: 1,
})

/** A live figure: its text is computed from the table cell(s) it names whenever the page renders. */
export const figure = (fields: Record<string, unknown>): Node => inlineBlock('figure', { decimals: 0, ...fields })
