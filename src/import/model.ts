/**
 * The shape both parsers (Markdown, HTML) hand to the mapping: a flat list of blocks with the line
 * each starts on, and inline text with only the marks the article editor keeps (bold, italic,
 * links). Anything else in the source (images, scripts, styles) never reaches this model.
 */

export type Inline =
  | { kind: 'text'; text: string; bold?: boolean; italic?: boolean }
  | { kind: 'link'; url: string; children: Inline[] }
  | { kind: 'break' }

export type ListItem = { children: Inline[]; lists: ListBlock[] }

export type ListBlock = { kind: 'list'; ordered: boolean; start: number; items: ListItem[]; line: number }

export type TableRow = { cells: string[]; line: number }

export type TableBlock = { kind: 'table'; header: string[]; rows: TableRow[]; line: number }

export type Block =
  | { kind: 'heading'; level: number; children: Inline[]; line: number }
  | { kind: 'paragraph'; children: Inline[]; line: number }
  | ListBlock
  | TableBlock
  | { kind: 'rule'; line: number }
  | { kind: 'quote'; blocks: Block[]; line: number }

/** A problem found while reading the source. Errors stop the import; warnings are shown to the editor. */
export type Problem = { line?: number; message: string }

export type Parsed = {
  blocks: Block[]
  errors: Problem[]
  warnings: Problem[]
  /** What the HTML sanitiser took out (scripts, event handlers, script links), for the plan. */
  removed: Problem[]
}

export const emptyParsed = (): Parsed => ({ blocks: [], errors: [], warnings: [], removed: [] })

/** The text of a run of inlines, as a reader reads it. */
export function inlineText(children: Inline[]): string {
  return children
    .map((child) => (child.kind === 'text' ? child.text : child.kind === 'link' ? inlineText(child.children) : '\n'))
    .join('')
}

export const normalizeSpace = (text: string) => text.replace(/\s+/g, ' ').trim()

/** "line 12: message", or the message alone when the line is unknown. */
export const describe = (problem: Problem) =>
  problem.line ? `line ${problem.line}: ${problem.message}` : problem.message
