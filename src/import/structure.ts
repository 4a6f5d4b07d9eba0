/**
 * Recognises what a flat post is made of: its title and "Updated" date, the lines a blog engine
 * adds (dropped), labelled paragraphs (callouts), tables with the heading they stand under, the FAQ
 * section and "Recommended Reading". Everything else stays prose. Works on the import model, so
 * Markdown and HTML posts are recognised the same way.
 */
import { FAQ_NOTE_LABELS } from '@collections/Faqs'
import { CALLOUT_LABELS } from '@/blocks/Callout/config'

import { inlineText, normalizeSpace, type Block, type Inline, type Problem, type TableBlock } from './model'

export type CalloutLabel = (typeof CALLOUT_LABELS)[number]
export type FaqNoteLabel = (typeof FAQ_NOTE_LABELS)[number]

export type FaqItem = { question: string; answer: Block[]; note?: { label: FaqNoteLabel; text: string }; line: number }
export type RecommendedEntry = { text: string; link?: { url: string; text: string }; line: number }

export type Piece =
  | { kind: 'block'; block: Block }
  | { kind: 'callout'; label: CalloutLabel; blocks: Block[]; line: number }
  | { kind: 'table'; table: TableBlock; caption: string; source?: string }
  | { kind: 'faqs'; items: FaqItem[]; line: number }
  | { kind: 'recommended'; entries: RecommendedEntry[]; line: number }

export type Structure = {
  title?: string
  titleLine?: number
  /** The parts of the blog engine's meta line ("Valenx Press", "Comparisons"), to find the category. */
  metaParts: string[]
  /** ISO date of the "Updated <Month YYYY>" line. */
  updated?: string
  pieces: Piece[]
  dropped: Problem[]
  warnings: Problem[]
}

const CALLOUT_ALIASES: [RegExp, CalloutLabel][] = [
  [/^data hook$/i, 'Data Hook'],
  [/^(key )?(insights?|takeaways?)$/i, 'Key Insights'],
  [/^(analysis|our analysis)$/i, 'Analysis'],
  [/^critical delta$/i, 'Critical Delta'],
  [/^(note|editor[’']?s note)$/i, 'Note'],
]
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]
const UPDATED = /^(?:last\s+)?updated:?\s+(?:on\s+)?([a-z]+)\.?\s+(?:\d{1,2},?\s+)?(\d{4})\.?$/i
const READING_TIME = /\b\d+\s*min(?:ute)?s?\s+read\b/i
const CHROME: [RegExp, string][] = [
  [/^(?:[←«]\s*)?back to (?:the )?blog\s*[»→]?$/i, 'a “Back to Blog” link'],
  [/^view all (?:posts|articles)\s*[»→]?$/i, 'a “View All Posts” link'],
  [/^share(?: this (?:post|article))?:?$/i, 'a share line'],
  [/^(?:previous|next) (?:post|article)$/i, 'a previous/next link'],
]
const RELATED = /^related (?:posts|articles)$/i
const FAQ_HEADING = /^(?:\d+[.)]\s*)?(?:faqs?|frequently asked questions)\b/i
const RECOMMENDED = /^recommended reading$/i
const QUESTION_PREFIX = /^q(?:uestion)?\s*\d*\s*[:.)]\s*/i
const ANSWER_PREFIX = /^a(?:nswer)?\s*\d*\s*[:.)]\s*/i

export const stripNumbering = (text: string) => text.replace(/^\d+(?:\.\d+)*[.)]?\s+/, '')
const same = (a: string, b: string) =>
  normalizeSpace(a)
    .toLowerCase()
    .replace(/[.:]+$/, '') ===
  normalizeSpace(b)
    .toLowerCase()
    .replace(/[.:]+$/, '')

function updatedDate(text: string): string | undefined {
  const match = UPDATED.exec(text.trim())
  const month = match ? MONTHS.findIndex((name) => name.startsWith(match[1].toLowerCase().slice(0, 3))) : -1
  return match && month >= 0 ? `${match[2]}-${String(month + 1).padStart(2, '0')}-01` : undefined
}

/**
 * A paragraph that opens with a label: "**Key Insights:**", "*Data Point:* 63% …",
 * "Recommended Reading: …". The label is bold or italic on its own, or followed by a colon.
 */
export function leadingLabel(children: Inline[]): { label: string; rest: Inline[] } | undefined {
  const first = children[0]
  if (!first || first.kind !== 'text') return undefined
  const marked = first.bold || first.italic
  const colon = /^\s*([^:\n]{2,40}?)\s*:\s*/.exec(first.text)
  if (marked && !colon) {
    const rest = children.slice(1)
    const next = rest[0]
    // "**Data Hook:** text" keeps its colon outside the bold run sometimes.
    if (next?.kind === 'text') rest[0] = { ...next, text: next.text.replace(/^\s*:?\s*/, '') }
    return { label: first.text.trim(), rest: rest.filter((child) => child.kind !== 'text' || child.text) }
  }
  if (!colon) return undefined
  const remainder = first.text.slice(colon[0].length)
  return { label: colon[1], rest: [...(remainder ? [{ ...first, text: remainder }] : []), ...children.slice(1)] }
}

const calloutLabel = (label: string) => CALLOUT_ALIASES.find(([pattern]) => pattern.test(label.trim()))?.[1]

/** Splits "**$210,000****22% higher**": two bold runs typed against each other lost what stood between. */
function splitRunTogetherBold(blocks: Block[], warnings: Problem[]) {
  const fix = (children: Inline[], line: number): Inline[] =>
    children.flatMap((child): Inline[] => {
      if (child.kind === 'link') return [{ ...child, children: fix(child.children, line) }]
      if (child.kind !== 'text' || !child.text.includes('****')) return [child]
      const parts = child.text.split('****')
      warnings.push({
        line,
        message: `“${parts.join('” and “')}” were typed as bold runs with nothing between them (“****”); the import puts a dash between them: check the sentence`,
      })
      return parts.flatMap((text, index) => [
        ...(index ? [{ kind: 'text', text: ' — ' } as Inline] : []),
        { ...child, text },
      ])
    })
  for (const block of blocks) {
    if (block.kind === 'paragraph' || block.kind === 'heading') block.children = fix(block.children, block.line)
    else if (block.kind === 'list') for (const item of block.items) item.children = fix(item.children, block.line)
    else if (block.kind === 'quote') splitRunTogetherBold(block.blocks, warnings)
  }
}

/** Headings come bold from many engines ("## **1. Defining the Roles**"): a heading is bold already. */
const unbold = (children: Inline[]): Inline[] =>
  children.map((child) => (child.kind === 'text' ? { kind: 'text', text: child.text, italic: child.italic } : child))

function recommendedEntry(children: Inline[], line: number): RecommendedEntry {
  const link = children.find((child) => child.kind === 'link')
  const text = normalizeSpace(inlineText(children))
  return link && link.kind === 'link'
    ? { text, link: { url: link.url, text: normalizeSpace(inlineText(link.children)) }, line }
    : { text, line }
}

function readFaqs(blocks: Block[], line: number, warnings: Problem[]): FaqItem[] {
  const items: FaqItem[] = []
  for (const block of blocks) {
    const text =
      block.kind === 'heading' || block.kind === 'paragraph' ? normalizeSpace(inlineText(block.children)) : ''
    const fullyBold =
      block.kind === 'paragraph' &&
      block.children.every((child) => child.kind !== 'text' || child.bold || !child.text.trim())
    if (
      block.kind === 'heading' ||
      (block.kind === 'paragraph' && (QUESTION_PREFIX.test(text) || (fullyBold && text.endsWith('?'))))
    ) {
      items.push({ question: text.replace(QUESTION_PREFIX, '').trim(), answer: [], line: block.line })
      continue
    }
    const current = items[items.length - 1]
    if (!current) {
      warnings.push({ line: block.line, message: 'text in the FAQ section before its first question is not imported' })
      continue
    }
    if (block.kind === 'rule') continue
    if (block.kind === 'paragraph') {
      const labelled = leadingLabel(block.children)
      const note = labelled && FAQ_NOTE_LABELS.find((label) => same(label, labelled.label))
      if (note && !current.note) {
        current.note = { label: note, text: normalizeSpace(inlineText(labelled.rest)) }
        continue
      }
      if (!current.answer.length) {
        // "**A:** Yes, but …": the answer's own label goes.
        const children = [...block.children]
        const first = children[0]
        if (first?.kind === 'text' && ANSWER_PREFIX.test(first.text.trim()))
          children[0] = { ...first, text: first.text.trim().replace(ANSWER_PREFIX, '') }
        const kept = children.filter((child) => child.kind !== 'text' || child.text.trim())
        if (kept.length) current.answer.push({ ...block, children: kept })
        continue
      }
    }
    if (block.kind === 'table')
      warnings.push({
        line: block.line,
        message: 'a table inside an FAQ answer is not imported (answers hold text and lists)',
      })
    else current.answer.push(block)
  }
  for (const item of items)
    if (!item.answer.length)
      warnings.push({ line: item.line, message: `the question “${item.question}” has no answer and is not imported` })
  if (!items.length)
    warnings.push({ line, message: 'the FAQ section holds no questions (headings or bold lines ending in “?”)' })
  return items.filter((item) => item.answer.length)
}

export function recognise(blocks: Block[]): Structure {
  const structure: Structure = { metaParts: [], pieces: [], dropped: [], warnings: [] }
  splitRunTogetherBold(blocks, structure.warnings)

  const h1 = blocks.find((block) => block.kind === 'heading' && block.level === 1)
  // No <h1>: the first heading, or a first line short enough to be a title.
  const firstLine = blocks.find(
    (block) =>
      block.kind === 'heading' || (block.kind === 'paragraph' && !READING_TIME.test(inlineText(block.children))),
  )
  const titleBlock =
    h1 ??
    (firstLine &&
    (firstLine.kind === 'heading' || firstLine.kind === 'paragraph') &&
    normalizeSpace(inlineText(firstLine.children)).length <= 200
      ? firstLine
      : undefined)
  if (titleBlock && (titleBlock.kind === 'heading' || titleBlock.kind === 'paragraph')) {
    structure.title = stripMarks(inlineText(titleBlock.children))
    structure.titleLine = titleBlock.line
  }

  let lastHeading = ''
  let afterRelated = false
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]
    const drop = (why: string) => structure.dropped.push({ line: block.line, message: why })
    if (block === titleBlock) continue
    const text =
      block.kind === 'paragraph' || block.kind === 'heading' ? normalizeSpace(inlineText(block.children)) : ''
    if (afterRelated) {
      if (text || block.kind === 'list') drop(`after “Related Posts”: ${text || 'a list'}`)
      continue
    }
    if (block.kind === 'paragraph' || block.kind === 'heading') {
      if (READING_TIME.test(text) && text.length < 200) {
        structure.metaParts = text
          .split(/\s*[·•|]\s*/)
          .map((part) => part.trim())
          .filter((part) => part && !READING_TIME.test(part))
        drop(`the meta line “${text}”`)
        continue
      }
      const title = structure.title ?? ''
      const dated =
        updatedDate(text) ??
        (title && text.toLowerCase().startsWith(title.toLowerCase())
          ? updatedDate(text.slice(title.length).replace(/^[\s.:–—-]+/, ''))
          : undefined)
      if (dated) {
        structure.updated ??= dated
        drop(`the “Updated” line “${text}”`)
        continue
      }
      if (title && same(stripMarks(text), title)) {
        drop('the title, repeated')
        continue
      }
      const chrome = CHROME.find(([pattern]) => pattern.test(text))
      if (chrome) {
        drop(chrome[1])
        continue
      }
      if (RELATED.test(text)) {
        drop('“Related Posts” and what follows it')
        afterRelated = true
        continue
      }
    }

    if (block.kind === 'heading') {
      const heading = { ...block, level: Math.min(4, Math.max(2, block.level)), children: unbold(block.children) }
      if (RECOMMENDED.test(text)) {
        const entries: RecommendedEntry[] = []
        while (blocks[index + 1] && ['list', 'paragraph'].includes(blocks[index + 1].kind)) {
          const next = blocks[++index]
          if (next.kind === 'list')
            entries.push(...next.items.map((item) => recommendedEntry(item.children, next.line)))
          else if (next.kind === 'paragraph') entries.push(recommendedEntry(next.children, next.line))
        }
        structure.pieces.push({ kind: 'recommended', entries, line: block.line })
        continue
      }
      structure.pieces.push({ kind: 'block', block: heading })
      lastHeading = stripNumbering(normalizeSpace(inlineText(block.children)))
      if (FAQ_HEADING.test(text)) {
        const section: Block[] = []
        while (
          blocks[index + 1] &&
          !(blocks[index + 1].kind === 'heading' && (blocks[index + 1] as { level: number }).level <= block.level)
        ) {
          const next = blocks[index + 1]
          const nextText = next.kind === 'paragraph' ? normalizeSpace(inlineText(next.children)) : ''
          if (
            next.kind === 'table' ||
            /^recommended reading\b/i.test(nextText) ||
            CHROME.some(([pattern]) => pattern.test(nextText)) ||
            RELATED.test(nextText)
          )
            break
          section.push(next)
          index++
        }
        structure.pieces.push({
          kind: 'faqs',
          items: readFaqs(section, block.line, structure.warnings),
          line: block.line,
        })
      }
      continue
    }

    if (block.kind === 'table') {
      const next = blocks[index + 1]
      const nextText = next?.kind === 'paragraph' ? normalizeSpace(inlineText(next.children)) : ''
      const source = /^sources?\s*:\s*(.+)$/i.exec(nextText)?.[1]
      if (source) index++
      structure.pieces.push({
        kind: 'table',
        table: block,
        caption: lastHeading || `Table ${structure.pieces.filter((piece) => piece.kind === 'table').length + 1}`,
        source: source?.replace(/\.$/, ''),
      })
      continue
    }

    if (block.kind === 'paragraph') {
      const labelled = leadingLabel(block.children)
      if (labelled && same(labelled.label, 'Recommended Reading')) {
        structure.pieces.push({
          kind: 'recommended',
          entries: [recommendedEntry(labelled.rest, block.line)],
          line: block.line,
        })
        continue
      }
      const label = labelled && calloutLabel(labelled.label)
      if (labelled && label) {
        const content: Block[] = labelled.rest.length
          ? [{ kind: 'paragraph', children: labelled.rest, line: block.line }]
          : []
        while (blocks[index + 1] && ['paragraph', 'list', 'quote'].includes(blocks[index + 1].kind)) {
          const next = blocks[index + 1]
          if (next.kind === 'paragraph') {
            const nextLabel = leadingLabel(next.children)
            const nextText = normalizeSpace(inlineText(next.children))
            if (
              (nextLabel && (calloutLabel(nextLabel.label) || same(nextLabel.label, 'Recommended Reading'))) ||
              CHROME.some(([pattern]) => pattern.test(nextText)) ||
              RELATED.test(nextText)
            )
              break
          }
          content.push(next)
          index++
        }
        if (content.length) structure.pieces.push({ kind: 'callout', label, blocks: content, line: block.line })
        else
          structure.warnings.push({
            line: block.line,
            message: `the label “${labelled.label}” has nothing under it and is not imported`,
          })
        continue
      }
    }
    structure.pieces.push({ kind: 'block', block })
  }
  return structure
}

function stripMarks(text: string) {
  return normalizeSpace(text.replace(/\*\*|__/g, ''))
}
