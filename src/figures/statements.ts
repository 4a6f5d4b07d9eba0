/**
 * The sentences figures stand in, as a reader reads them: the passages of rich text that hold a
 * figure (a paragraph, a list item, a heading; a callout's own prose), cut into sentences, each
 * rendered with its figures' text. The preview compares a sentence before and after a table
 * change (src/salary-tables/preview.ts); the save suggests a figure's claim from its neighbours.
 */
import { suggestClaim } from './claims'
import type { FigureFields } from './resolve'

export type Piece = { text: string } | { figure: FigureFields }
/** One line of text that holds figures, and where on the page it stands ("body", "callout “Data Hook”"). */
export type Passage = { where: string; pieces: Piece[] }

type Node = { type?: string; text?: string; children?: Node[]; fields?: Record<string, unknown>; root?: Node }

const INLINE = new Set(['text', 'link', 'autolink', 'linebreak', 'tab', 'inlineBlock'])

function inlinePieces(nodes: Node[], into: Piece[]) {
  for (const node of nodes) {
    if (node.type === 'text' && typeof node.text === 'string') into.push({ text: node.text })
    else if (node.type === 'linebreak' || node.type === 'tab') into.push({ text: ' ' })
    else if (node.type === 'inlineBlock' && node.fields?.blockType === 'figure')
      into.push({ figure: node.fields as FigureFields })
    else if (Array.isArray(node.children)) inlinePieces(node.children, into)
  }
}

function walk(node: Node | undefined, where: string, into: Passage[]) {
  if (!node || typeof node !== 'object') return
  if (node.type === 'block' && node.fields) {
    const fields = node.fields
    if (fields.blockType === 'callout' && fields.content && typeof fields.content === 'object')
      walk((fields.content as Node).root, `callout “${String(fields.label ?? '')}”`, into)
    return
  }
  const children = Array.isArray(node.children) ? node.children : []
  if (children.some((child) => INLINE.has(child.type ?? ''))) {
    const pieces: Piece[] = []
    inlinePieces(children, pieces)
    if (pieces.some((piece) => 'figure' in piece)) into.push({ where, pieces })
    return
  }
  for (const child of children) walk(child, where, into)
}

/** Every passage of `content` (a Lexical editor state) that holds a figure. */
export function figurePassages(content: unknown, where = 'body'): Passage[] {
  const passages: Passage[] = []
  walk((content as { root?: Node } | null)?.root, where, passages)
  return passages
}

/** A sentence ends at . ! or ? followed by a space: "3.5x." ends one, "Levels.fyi" does not. */
const BOUNDARY = /(?<=[.!?…]["”’)]?)\s+/

/** The passage cut into sentences, a figure never cut from its words. */
export function sentencesOf(pieces: Piece[]): Piece[][] {
  const sentences: Piece[][] = [[]]
  for (const piece of pieces) {
    if ('figure' in piece) {
      sentences[sentences.length - 1].push(piece)
      continue
    }
    const parts = piece.text.split(BOUNDARY)
    parts.forEach((part, index) => {
      if (index > 0) sentences.push([])
      if (part) sentences[sentences.length - 1].push({ text: part })
    })
  }
  return sentences.filter((sentence) => sentence.length)
}

/** A sentence's text, each figure written as `render` says. */
export const renderSentence = (sentence: Piece[], render: (figure: FigureFields) => string) =>
  sentence
    .map((piece) => ('figure' in piece ? render(piece.figure) : piece.text))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()

const placeholder = (figure: FigureFields) => figure.lastValue || figure.display || '#'

/**
 * Fills in the claim of each comparison in `content` that has none, from the words around it in
 * its sentence ("22% higher than …" → "higher"). Mutates the figure nodes; returns how many.
 */
export function suggestClaims(content: unknown): number {
  let suggested = 0
  for (const passage of figurePassages(content)) {
    for (const sentence of sentencesOf(passage.pieces)) {
      sentence.forEach((piece, index) => {
        if (!('figure' in piece) || piece.figure.claim?.trim()) return
        const before = renderSentence(sentence.slice(0, index), placeholder)
        const after = renderSentence(sentence.slice(index + 1), placeholder)
        const claim = suggestClaim(piece.figure, before, after)
        if (claim) {
          piece.figure.claim = claim
          suggested++
        }
      })
    }
  }
  return suggested
}
