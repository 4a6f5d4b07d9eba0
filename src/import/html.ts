/**
 * HTML → the import model (./model.ts), with parse5, the HTML standard's parsing algorithm: the same
 * tree a browser builds, and nothing is ever run. Only headings, paragraphs, lists, tables, rules,
 * quotes and bold / italic / link text are kept; scripts, styles, frames, forms, event-handler
 * attributes and `javascript:` links are left out and reported. Markdown arrives here too, rendered
 * block by block by ./markdown.ts, so both formats share one mapping and one sanitiser.
 */
import { parse, parseFragment } from 'parse5'

import { emptyParsed, type Block, type Inline, type ListBlock, type Parsed, type TableRow } from './model'

type Attr = { name: string; value: string }
type HNode = {
  nodeName: string
  value?: string
  attrs?: Attr[]
  childNodes?: HNode[]
  sourceCodeLocation?: { startLine: number } | null
}

/** Elements dropped with everything inside them, and reported: they run code or load content. */
const DANGEROUS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'base',
  'link',
  'meta',
  'style',
  'svg',
  'math',
])
/** Dropped without a word: not content. */
const IGNORED = new Set([
  '#comment',
  '#documentType',
  'title',
  'template',
  'noscript',
  'canvas',
  'audio',
  'video',
  'source',
  'track',
  'map',
  'area',
  'picture',
])
const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 }
const BLOCK_CONTAINERS = new Set([
  'html',
  'body',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'figure',
  'figcaption',
  'details',
  'summary',
  'center',
  'dl',
  'dt',
  'dd',
  'address',
  'hgroup',
  '#document',
  '#document-fragment',
])
const SAFE_SCHEMES = ['http:', 'https:', 'mailto:']

/** Maps a line of the HTML being read to the line of the file the editor sent. */
export type LineMap = (htmlLine: number | undefined) => number | undefined

class Reader {
  readonly result: Parsed = emptyParsed()
  constructor(private readonly lineOf: LineMap) {}

  line(node: HNode): number | undefined {
    return this.lineOf(node.sourceCodeLocation?.startLine)
  }

  private removed(node: HNode, what: string) {
    this.result.removed.push({ line: this.line(node), message: what })
  }

  /** Reports event handlers on an element; returns a safe href for links, or undefined. */
  private checkAttributes(node: HNode): string | undefined {
    let href: string | undefined
    for (const attr of node.attrs ?? []) {
      const name = attr.name.toLowerCase()
      if (name.startsWith('on')) this.removed(node, `the ${name} event handler on <${node.nodeName}> was removed`)
      if (name === 'href' && node.nodeName === 'a') {
        const value = attr.value.trim()
        const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\s\u0000-\u001f]/g, ''))?.[1]?.toLowerCase()
        if (scheme && !SAFE_SCHEMES.includes(`${scheme}:`))
          this.removed(node, `a ${scheme}: link was removed (its text is kept)`)
        else href = value
      }
    }
    return href
  }

  /** True when the node is dropped (and reported when it could carry code). */
  private drop(node: HNode): boolean {
    if (node.nodeName === 'head') {
      // A page's head holds its charset, styles and title, which are not content; code is reported.
      for (const child of node.childNodes ?? [])
        if (['script', 'base', 'iframe', 'object', 'embed'].includes(child.nodeName)) this.drop(child)
      return true
    }
    if (DANGEROUS.has(node.nodeName)) {
      this.removed(node, `<${node.nodeName}> was removed with its content`)
      return true
    }
    if (node.nodeName === 'img') {
      const alt = node.attrs?.find((attr) => attr.name === 'alt')?.value
      this.result.warnings.push({
        line: this.line(node),
        message: `an image${alt ? ` (“${alt}”)` : ''} is not imported: upload it to Media and add it by hand`,
      })
      this.checkAttributes(node)
      return true
    }
    return IGNORED.has(node.nodeName)
  }

  inlines(nodes: HNode[] | undefined, marks: { bold?: boolean; italic?: boolean } = {}, out: Inline[] = []): Inline[] {
    for (const node of nodes ?? []) {
      if (node.nodeName === '#text') {
        const text = (node.value ?? '').replace(/\s+/g, ' ')
        if (text) out.push({ kind: 'text', text, ...marks })
        continue
      }
      if (this.drop(node)) continue
      const href = this.checkAttributes(node)
      switch (node.nodeName) {
        case 'strong':
        case 'b':
          this.inlines(node.childNodes, { ...marks, bold: true }, out)
          break
        case 'em':
        case 'i':
          this.inlines(node.childNodes, { ...marks, italic: true }, out)
          break
        case 'br':
          out.push({ kind: 'break' })
          break
        case 'a':
          if (href) out.push({ kind: 'link', url: href, children: this.inlines(node.childNodes, marks) })
          else this.inlines(node.childNodes, marks, out)
          break
        default:
          // span, code, sup, abbr, a nested paragraph in a list item…: their text, in the same run.
          if (out.length && (BLOCK_CONTAINERS.has(node.nodeName) || node.nodeName === 'p'))
            out.push({ kind: 'text', text: ' ' })
          this.inlines(node.childNodes, marks, out)
      }
    }
    return out
  }

  private list(node: HNode): ListBlock {
    const start = Number(node.attrs?.find((attr) => attr.name === 'start')?.value)
    const list: ListBlock = {
      kind: 'list',
      ordered: node.nodeName === 'ol',
      start: Number.isInteger(start) && start > 0 ? start : 1,
      items: [],
      line: this.line(node) ?? 0,
    }
    for (const child of node.childNodes ?? []) {
      if (child.nodeName !== 'li') {
        if (child.nodeName !== '#text' || child.value?.trim()) this.drop(child)
        continue
      }
      this.checkAttributes(child)
      const nested = (child.childNodes ?? []).filter(
        (grandchild) => grandchild.nodeName === 'ul' || grandchild.nodeName === 'ol',
      )
      const inline = (child.childNodes ?? []).filter((grandchild) => !nested.includes(grandchild))
      list.items.push({ children: trimInlines(this.inlines(inline)), lists: nested.map((sub) => this.list(sub)) })
    }
    return list
  }

  private table(node: HNode): Block {
    const rows: { cells: string[]; header: boolean; line: number }[] = []
    const visit = (current: HNode) => {
      for (const child of current.childNodes ?? []) {
        if (this.drop(child)) continue
        if (child.nodeName === 'tr') {
          const cells: string[] = []
          let header = current.nodeName === 'thead'
          for (const cell of child.childNodes ?? []) {
            if (cell.nodeName !== 'td' && cell.nodeName !== 'th') continue
            this.checkAttributes(cell)
            if (cell.nodeName === 'th') header ||= rows.length === 0
            cells.push(plain(this.inlines(cell.childNodes)))
            const span = Number(cell.attrs?.find((attr) => attr.name === 'colspan')?.value)
            for (let extra = 1; Number.isInteger(span) && extra < Math.min(span, 12); extra++) cells.push('')
          }
          rows.push({ cells, header, line: this.line(child) ?? this.line(node) ?? 0 })
        } else if (['thead', 'tbody', 'tfoot'].includes(child.nodeName)) visit(child)
        else if (child.nodeName === 'caption')
          this.result.warnings.push({
            line: this.line(child),
            message: `the table caption “${plain(this.inlines(child.childNodes))}” is replaced by the heading above the table`,
          })
      }
    }
    visit(node)
    const [head, ...body] = rows
    return {
      kind: 'table',
      header: head?.cells ?? [],
      rows: body.map(({ cells, line }): TableRow => ({ cells, line })),
      line: this.line(node) ?? 0,
    }
  }

  blocks(nodes: HNode[] | undefined, out: Block[] = []): Block[] {
    let pending: HNode[] = []
    const flush = () => {
      const children = trimInlines(this.inlines(pending))
      if (children.length) out.push({ kind: 'paragraph', children, line: this.line(pending[0]) ?? 0 })
      pending = []
    }
    for (const node of nodes ?? []) {
      const name = node.nodeName
      if (
        name === '#text' ||
        (!BLOCK_CONTAINERS.has(name) &&
          !HEADINGS[name] &&
          !['p', 'ul', 'ol', 'table', 'hr', 'blockquote', 'pre', 'li'].includes(name) &&
          !DANGEROUS.has(name) &&
          !IGNORED.has(name))
      ) {
        pending.push(node)
        continue
      }
      flush()
      if (this.drop(node)) continue
      this.checkAttributes(node)
      const line = this.line(node) ?? 0
      if (HEADINGS[name]) {
        const children = trimInlines(this.inlines(node.childNodes))
        if (children.length) out.push({ kind: 'heading', level: HEADINGS[name], children, line })
      } else if (name === 'p' || name === 'pre' || name === 'li') {
        const children = trimInlines(this.inlines(node.childNodes))
        if (children.length) out.push({ kind: 'paragraph', children, line })
      } else if (name === 'ul' || name === 'ol') out.push(this.list(node))
      else if (name === 'table') out.push(this.table(node))
      else if (name === 'hr') out.push({ kind: 'rule', line })
      else if (name === 'blockquote') out.push({ kind: 'quote', blocks: this.blocks(node.childNodes), line })
      else this.blocks(node.childNodes, out)
    }
    flush()
    return out
  }
}

/** The text of inlines without marks, spaces collapsed: table cells. */
function plain(children: Inline[]): string {
  return children
    .map((child) => (child.kind === 'text' ? child.text : child.kind === 'link' ? plain(child.children) : ' '))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Joins runs with the same marks and trims the spaces HTML leaves at the edges of a block. */
export function trimInlines(children: Inline[]): Inline[] {
  const merged: Inline[] = []
  for (const child of children) {
    const last = merged[merged.length - 1]
    if (
      child.kind === 'text' &&
      last?.kind === 'text' &&
      !!last.bold === !!child.bold &&
      !!last.italic === !!child.italic
    ) {
      merged[merged.length - 1] = { ...last, text: (last.text + child.text).replace(/ {2,}/g, ' ') }
    } else merged.push(child.kind === 'link' ? { ...child, children: trimInlines(child.children) } : child)
  }
  const first = merged[0]
  if (first?.kind === 'text') merged[0] = { ...first, text: first.text.replace(/^\s+/, '') }
  const lastIndex = merged.length - 1
  const last = merged[lastIndex]
  if (last?.kind === 'text') merged[lastIndex] = { ...last, text: last.text.replace(/\s+$/, '') }
  while (merged[0]?.kind === 'break') merged.shift()
  while (merged[merged.length - 1]?.kind === 'break') merged.pop()
  return merged.filter((child) => child.kind !== 'text' || child.text !== '')
}

/** A whole HTML document or fragment, as an editor pastes or uploads it. */
export function parseHtml(source: string, lineOf: LineMap = (line) => line): Parsed {
  const reader = new Reader(lineOf)
  const isDocument = /^\s*(<!doctype|<html)/i.test(source)
  const tree = (isDocument
    ? parse(source, { sourceCodeLocationInfo: true })
    : parseFragment(source, { sourceCodeLocationInfo: true })) as unknown as HNode
  reader.result.blocks = reader.blocks(tree.childNodes)
  return reader.result
}
