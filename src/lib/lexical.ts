/**
 * Reading Lexical JSON without the editor: plain text for reading time and search, and the
 * blocks an article embeds. Works on stored (unpopulated) and read (populated) documents alike.
 */

export type LexicalNode = {
  type?: string
  text?: string
  children?: LexicalNode[]
  fields?: Record<string, unknown>
  [key: string]: unknown
}

export type LexicalRoot = { root?: LexicalNode } | null | undefined

export function* walkNodes(value: LexicalRoot): Generator<LexicalNode> {
  const stack: LexicalNode[] = value?.root ? [value.root] : []
  while (stack.length) {
    const node = stack.pop() as LexicalNode
    yield node
    if (Array.isArray(node.children)) stack.push(...[...node.children].reverse())
  }
}

export function blocksOf(value: LexicalRoot, blockType: string): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = []
  for (const node of walkNodes(value)) {
    if (node.type === 'block' && node.fields?.blockType === blockType) found.push(node.fields)
  }
  return found
}

/** The id behind a relationship value, whether it is stored as an id or read as a document. */
export function relationId(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  if (value && typeof value === 'object' && 'id' in value) return relationId((value as { id: unknown }).id)
  return undefined
}

/** Keys of block fields that hold ids, settings or addresses rather than words a reader reads. */
const NON_TEXT_KEYS = new Set([
  'id',
  'blockType',
  'blockName',
  'table',
  'article',
  'faqs',
  'linkType',
  'type',
  'url',
  'currency',
])

function blockText(fields: Record<string, unknown>): string[] {
  const parts: string[] = []
  for (const [key, value] of Object.entries(fields)) {
    if (NON_TEXT_KEYS.has(key)) continue
    if (typeof value === 'string') parts.push(value)
    else if (Array.isArray(value)) {
      for (const item of value) {
        if (item && typeof item === 'object') parts.push(...blockText(item as Record<string, unknown>))
      }
    } else if (value && typeof value === 'object' && 'root' in value) parts.push(plainText(value as LexicalRoot))
  }
  return parts
}

/** Nodes that sit inside a line of text: their words run on, without a space of their own. */
const INLINE_TYPES = new Set(['text', 'link', 'autolink'])

/** Text a reader reads, including block captions, table cells and nested rich text. */
export function plainText(value: LexicalRoot): string {
  const parts: string[] = []
  for (const node of walkNodes(value)) {
    // Adjacent text nodes are one run of words ("Yes" in bold, then ", though"): no space between.
    if (typeof node.text === 'string') parts.push(node.text)
    else if (node.type === 'block' && node.fields) parts.push(' ', ...blockText(node.fields).map((text) => ` ${text} `))
    // A live figure reads as the value it had at the last save.
    else if (node.type === 'inlineBlock' && typeof node.fields?.lastValue === 'string')
      parts.push(node.fields.lastValue)
    else if (!INLINE_TYPES.has(node.type ?? '')) parts.push(' ')
  }
  return parts.join('').replace(/\s+/g, ' ').trim()
}

export function wordCount(text: string): number {
  return text ? text.split(/\s+/).filter(Boolean).length : 0
}

const WORDS_PER_MINUTE = 230

export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE))
}
