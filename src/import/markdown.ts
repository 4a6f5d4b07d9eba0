/**
 * Markdown → the import model, with marked (CommonMark + GitHub tables). Each top-level block is
 * rendered to HTML by marked and read by ./html.ts, so raw HTML inside Markdown is sanitised the
 * same way as an HTML upload; this file keeps what HTML loses: the line each block starts on, and
 * the pipe rows as typed, to refuse a ragged table instead of letting marked pad or cut it.
 */
import { Lexer, Parser, type Token, type Tokens } from 'marked'

import { parseHtml } from './html'
import { emptyParsed, type Parsed, type Problem } from './model'

/** Cells in one pipe-table line ("| a | b |" → 2), escaped pipes not counted. */
function cellCount(line: string): number {
  let text = line.trim()
  if (text.startsWith('|')) text = text.slice(1)
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1)
  return text.split(/(?<!\\)\|/).length
}

function checkTableRows(token: Tokens.Table, line: number, errors: Problem[]) {
  const lines = token.raw.replace(/\n+$/, '').split('\n')
  const columns = cellCount(lines[0])
  lines.forEach((text, index) => {
    if (index === 1 || !text.trim()) return
    const count = cellCount(text)
    if (count !== columns) {
      errors.push({
        line: line + index,
        message: `this table row has ${count} cell${count === 1 ? '' : 's'} but the table has ${columns} columns: add or remove a “|” so every row has one cell per column`,
      })
    }
  })
}

/** A paragraph of pipe rows whose separator line does not fit the header: a table marked did not read. */
function looksLikeBrokenTable(token: Token): boolean {
  if (token.type !== 'paragraph') return false
  const lines = token.raw.trim().split('\n')
  return lines.length >= 2 && lines.every((text) => text.trim().startsWith('|'))
}

const lineAt = (source: string, offset: number) => {
  let line = 1
  for (let index = source.indexOf('\n'); index !== -1 && index < offset; index = source.indexOf('\n', index + 1)) line++
  return line
}

export function parseMarkdown(source: string): Parsed {
  const result = emptyParsed()
  const tokens = new Lexer({ gfm: true }).lex(source)
  let offset = 0
  for (const token of tokens) {
    const line = lineAt(source, offset)
    offset += token.raw.length
    if (token.type === 'space' || token.type === 'def') continue
    if (token.type === 'table') checkTableRows(token as Tokens.Table, line, result.errors)
    if (looksLikeBrokenTable(token)) {
      const columns = cellCount(token.raw.split('\n')[0])
      result.errors.push({
        line: line + 1,
        message: `this looks like a table, but its second line is not a separator with one “---” per column (the header has ${columns} columns), so it cannot be read as a table`,
      })
      continue
    }
    const html = Parser.parse([token] as Token[] & { links: Record<string, never> }, { gfm: true })
    // Inside one block, lines stay as marked lays them out: table rows one to a line after the
    // header and separator, other blocks at the line they start on.
    const parsed = parseHtml(html, (htmlLine) =>
      token.type === 'table' && htmlLine ? line + Math.max(0, htmlLine - 4) : line,
    )
    if (token.type === 'table') {
      const table = parsed.blocks[0]
      if (table?.kind === 'table') table.rows.forEach((row, index) => (row.line = line + 2 + index))
    }
    result.blocks.push(...parsed.blocks)
    result.errors.push(...parsed.errors)
    result.warnings.push(...parsed.warnings)
    result.removed.push(...parsed.removed)
  }
  return result
}
