/**
 * A post → the import plan (what the editor reviews) and the documents to create (./create.ts).
 * Nothing here writes: it reads the source, recognises its parts (./structure.ts), turns tables
 * into salary tables or data tables (./tables.ts), binds numbers to figures (./figures.ts), builds
 * the Lexical content (./lexical.ts) and asks the existing content (./lookups.ts) what to reuse.
 */
import { FigureMatcher, salaryTablePlaceholder, type FigureFound, type NumberLeft } from './figures'
import { parseHtml } from './html'
import { block, proseNodes, richTextOf, type LexicalOptions } from './lexical'
import type { Lookups } from './lookups'
import { parseMarkdown } from './markdown'
import { describe, inlineText, normalizeSpace, type Block, type Inline, type Problem } from './model'
import { recognise, type Piece, type RecommendedEntry } from './structure'
import { classifyTable, type DataTableDraft, type SalaryTableDraft, type TableResult } from './tables'

export type ImportFormat = 'markdown' | 'html'

type Node = Record<string, unknown>

export type PlanTable =
  | {
      line: number
      caption: string
      becomes: 'salary-tables'
      rows: number
      currency: string
      period?: string
      columns: Record<string, string | undefined>
    }
  | {
      line: number
      caption: string
      becomes: 'dataTable'
      rows: number
      transposed: boolean
      columns: { label: string; type: string }[]
    }

export type PlanFaq = { line: number; question: string; reuses?: { id: string; published: boolean }; note?: string }
export type PlanReading = {
  line: number
  text: string
  linkType: 'internal' | 'external' | 'none'
  article?: { id: string; title: string; slug: string }
  url?: string
}

export type ImportPlan = {
  format: ImportFormat
  article: {
    title: string
    slug: string
    excerpt: string
    category: { id: string; title: string } | null
    updated?: string
    status: 'draft'
  }
  outline: { line: number; kind: string; text: string; level?: number }[]
  tables: PlanTable[]
  figures: FigureFound[]
  unmatchedNumbers: NumberLeft[]
  faqs: PlanFaq[]
  recommendedReading: PlanReading[]
  dropped: string[]
  removed: string[]
  warnings: string[]
  errors: Problem[]
}

export type ImportDraft = {
  salaryTables: Record<string, unknown>[]
  /** New FAQs, or the id of the existing FAQ a question reuses. */
  faqs: ({ reuse: string } | { data: Record<string, unknown> })[]
  article: Record<string, unknown>
}

export const faqPlaceholder = (index: number) => `import:faq:${index}`

const ARTICLE_HEADINGS = { min: 2, max: 4 }
const PROSE_HEADINGS = { min: 3, max: 4 }

function excerptOf(pieces: Piece[]): string {
  for (const piece of pieces) {
    const blocks = piece.kind === 'callout' ? piece.blocks : piece.kind === 'block' ? [piece.block] : []
    const paragraph = blocks.find((entry) => entry.kind === 'paragraph')
    const text = paragraph && paragraph.kind === 'paragraph' ? normalizeSpace(inlineText(paragraph.children)) : ''
    if (text.length < 40) continue
    if (text.length <= 320) return text
    // Whole sentences while they fit ("Levels.fyi" and "3.5x" do not end one).
    let out = ''
    for (const sentence of text.split(/(?<=[.!?])\s+(?=[A-Z“"‘])/)) {
      if (`${out} ${sentence}`.trim().length > 320) break
      out = `${out} ${sentence}`.trim()
    }
    return out || `${text.slice(0, 316).replace(/\s+\S*$/, '')}…`
  }
  return ''
}

/** "see the 0→1 AI Engineer Playbook — the most structured …" → "0→1 AI Engineer Playbook". */
function titleCandidates(text: string): string[] {
  const candidates: string[] = []
  const after = /\b(?:see|read|try|check out)\s+(?:our\s+)?(?:the\s+)?(.+?)(?:\s+[—–-]\s+|[,.;:(]|$)/i.exec(text)?.[1]
  if (after) candidates.push(after)
  const quoted = /[“"‘']([^”"’']{3,200})[”"’']/.exec(text)?.[1]
  if (quoted) candidates.push(quoted)
  candidates.push(text.replace(/[.\s]+$/, ''))
  return candidates
}

const articleSlugFrom = (url: string): string | undefined =>
  /^(?:https?:\/\/[^/]+)?\/blog\/([a-z0-9-]+)\/?(?:[?#].*)?$/.exec(url.trim())?.[1]

function linksIn(blocks: Block[], out: string[] = []): string[] {
  const visit = (children: Inline[]) =>
    children.forEach((child) => (child.kind === 'link' ? (out.push(child.url), visit(child.children)) : undefined))
  for (const entry of blocks) {
    if (entry.kind === 'paragraph' || entry.kind === 'heading') visit(entry.children)
    else if (entry.kind === 'list') entry.items.forEach((item) => (visit(item.children), linksIn(item.lists, out)))
    else if (entry.kind === 'quote') linksIn(entry.blocks, out)
  }
  return out
}

export async function buildPlan(
  input: { format: ImportFormat; source: string; category?: string },
  find: Lookups,
): Promise<{ plan: ImportPlan; draft: ImportDraft }> {
  const parsed = input.format === 'html' ? parseHtml(input.source) : parseMarkdown(input.source)
  const structure = recognise(parsed.blocks)
  const errors: Problem[] = [...parsed.errors]
  const warnings: Problem[] = [...parsed.warnings, ...structure.warnings]
  const plan: ImportPlan = {
    format: input.format,
    article: {
      title: structure.title ?? '',
      slug: '',
      excerpt: '',
      category: null,
      updated: structure.updated,
      status: 'draft',
    },
    outline: [],
    tables: [],
    figures: [],
    unmatchedNumbers: [],
    faqs: [],
    recommendedReading: [],
    dropped: structure.dropped.map(describe),
    removed: parsed.removed.map(describe),
    warnings: [],
    errors,
  }
  if (!structure.title)
    errors.push({ message: 'the post has no title: start it with a “# Title” line (Markdown) or an <h1> (HTML)' })

  // Tables first: figures in the lead cite tables further down.
  const salaryResults: { piece: Piece; result: TableResult }[] = []
  for (const piece of structure.pieces)
    if (piece.kind === 'table') salaryResults.push({ piece, result: classifyTable(piece.table, piece.caption, []) })
  const roles = salaryResults.flatMap(({ result }) =>
    result.kind === 'salary' ? result.table.rows.map((row) => row.role) : [],
  )
  const tableOf = new Map<Piece, TableResult>()
  const salaryDrafts: SalaryTableDraft[] = []
  const dataDrafts: DataTableDraft[] = []
  for (const { piece, result: first } of salaryResults) {
    const result =
      first.kind === 'data' && piece.kind === 'table' ? classifyTable(piece.table, piece.caption, roles) : first
    tableOf.set(piece, result)
    // A ragged row's cells are in the wrong columns: its own message says all there is to say.
    const ragged = new Set(parsed.errors.map((error) => error.line))
    errors.push(...result.errors.filter((error) => !ragged.has(error.line)))
    warnings.push(...result.warnings)
    if (result.kind === 'salary') salaryDrafts.push(result.table)
    else {
      const captions = dataDrafts.map((table) => table.caption.toLowerCase())
      if (captions.includes(result.table.caption.toLowerCase()))
        result.table.caption = `${result.table.caption} (${captions.length + 1})`
      if (piece.kind === 'table' && piece.source) result.table.source = piece.source
      dataDrafts.push(result.table)
    }
  }

  const bySlug = await find.articlesBySlug([
    ...new Set(
      linksIn(parsed.blocks)
        .map(articleSlugFrom)
        .filter((slug): slug is string => Boolean(slug)),
    ),
  ])
  const figures = new FigureMatcher(salaryDrafts, dataDrafts)
  const options: LexicalOptions = {
    figures,
    warnings,
    headings: ARTICLE_HEADINGS,
    internalLink: (url) => bySlug.get(articleSlugFrom(url) ?? '')?.id,
  }
  const inProse: LexicalOptions = { ...options, headings: PROSE_HEADINGS }
  const draft: ImportDraft = { salaryTables: [], faqs: [], article: {} }
  const content: Node[] = []
  const outline = (line: number, kind: string, text: string, level?: number) =>
    plan.outline.push({ line, kind, text, ...(level ? { level } : {}) })

  for (const piece of structure.pieces) {
    if (piece.kind === 'block') {
      if (piece.block.kind === 'heading')
        outline(piece.block.line, 'heading', normalizeSpace(inlineText(piece.block.children)), piece.block.level)
      content.push(...proseNodes(piece.block, options))
    } else if (piece.kind === 'callout') {
      outline(piece.line, 'callout', piece.label)
      content.push(
        block('callout', {
          label: piece.label,
          content: richTextOf(piece.blocks.flatMap((inner) => proseNodes(inner, inProse))),
        }),
      )
    } else if (piece.kind === 'table') {
      const result = tableOf.get(piece) as TableResult
      if (result.kind === 'salary') {
        const index = salaryDrafts.indexOf(result.table)
        outline(piece.table.line, 'salaryTable', result.table.title)
        plan.tables.push({
          line: piece.table.line,
          caption: result.table.title,
          becomes: 'salary-tables',
          rows: result.table.rows.length,
          currency: result.table.currency,
          period: result.table.period,
          columns: result.table.columns,
        })
        content.push(
          block('salaryTable', { table: salaryTablePlaceholder(index), caption: result.table.title, showChart: true }),
        )
      } else {
        const { caption, columns, rows, currency, source, transposed } = result.table
        outline(piece.table.line, 'dataTable', caption)
        plan.tables.push({
          line: piece.table.line,
          caption,
          becomes: 'dataTable',
          rows: rows.length,
          transposed,
          columns: columns.map(({ label, type }) => ({ label, type })),
        })
        content.push(block('dataTable', { caption, columns, rows, currency, source: source ?? '' }))
      }
    } else if (piece.kind === 'faqs') {
      const ids: string[] = []
      for (const item of piece.items) {
        const existing = await find.faq(item.question)
        const index = draft.faqs.length
        plan.faqs.push({
          line: item.line,
          question: item.question,
          ...(existing ? { reuses: { id: existing.id, published: existing.published } } : {}),
          ...(item.note ? { note: item.note.label } : {}),
        })
        if (existing) draft.faqs.push({ reuse: existing.id })
        else {
          const why = 'in an FAQ answer (FAQs are shared documents: figures are bound in articles)'
          for (const entry of item.answer) {
            if (entry.kind === 'paragraph' || entry.kind === 'heading') figures.note(entry.children, entry.line, why)
            else if (entry.kind === 'list')
              for (const listItem of entry.items) figures.note(listItem.children, entry.line, why)
          }
          if (item.note) figures.note([{ kind: 'text', text: item.note.text }], item.line, why)
          if (item.question.length > 300)
            errors.push({ line: item.line, message: 'the question is longer than 300 characters' })
          draft.faqs.push({
            data: {
              question: item.question.slice(0, 300),
              answer: richTextOf(item.answer.flatMap((entry) => proseNodes(entry, { ...inProse, figures: undefined }))),
              ...(item.note ? { note: { label: item.note.label, text: item.note.text.slice(0, 600) } } : {}),
            },
          })
        }
        ids.push(faqPlaceholder(index))
      }
      if (ids.length) {
        outline(piece.line, 'faqList', `${ids.length} question${ids.length === 1 ? '' : 's'}`)
        content.push(block('faqList', { faqs: ids }))
      }
    } else {
      for (const entry of piece.entries) content.push(...(await recommended(entry, find, plan, warnings, options)))
    }
  }

  const salaryTables = salaryDrafts.map((table) => ({
    title: table.title,
    currency: table.currency,
    period: table.period,
    asOf: structure.updated ?? new Date().toISOString().slice(0, 10),
    notes: `Imported with the post “${structure.title ?? ''}”.`.slice(0, 2000),
    rows: table.rows.map(({ role, tier, base, equity, bonus, source }) => ({
      role,
      tier,
      base,
      equity,
      bonus,
      source,
    })),
  }))
  draft.salaryTables = salaryTables
  plan.figures = [...figures.found].sort((a, b) => a.line - b.line)
  plan.unmatchedNumbers = [...figures.left].sort((a, b) => a.line - b.line)
  for (const entry of figures.ambiguous)
    warnings.push({ line: entry.line, message: `“${entry.text}” ${entry.why}; it stays text: bind it by hand` })

  const title = (structure.title ?? '').slice(0, 200)
  if (title) {
    const { slug, takenBy } = await find.freeSlug(title)
    plan.article.slug = slug
    if (takenBy)
      warnings.push({
        message: `the address of “${title}” is taken by the article “${takenBy}”; the draft gets /blog/${slug} (change it before publishing if you mean to replace that article)`,
      })
  }
  plan.article.excerpt = excerptOf(structure.pieces) || title
  const category = await find.category(structure.metaParts, input.category)
  plan.article.category = category ?? null
  if (!category)
    warnings.push({
      message: input.category
        ? `no category “${input.category}”; choose one before publishing`
        : `no category of ours is named in the post${structure.metaParts.length ? ` (its meta line says ${structure.metaParts.map((part) => `“${part}”`).join(', ')})` : ''}; choose one before publishing`,
    })
  if (!content.length) errors.push({ message: 'the post has no content besides its title' })

  draft.article = {
    title,
    slug: plan.article.slug,
    excerpt: plan.article.excerpt,
    ...(category ? { category: category.id } : {}),
    content: richTextOf(content),
    _status: 'draft',
  }
  plan.warnings = warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)).map(describe)
  return { plan, draft }
}

async function recommended(
  entry: RecommendedEntry,
  find: Lookups,
  plan: ImportPlan,
  warnings: Problem[],
  options: LexicalOptions,
): Promise<Node[]> {
  const blurb = entry.text.slice(0, 400)
  const slug = entry.link ? articleSlugFrom(entry.link.url) : undefined
  let article = slug ? (await find.articlesBySlug([slug])).get(slug) : undefined
  for (const candidate of entry.link ? [entry.link.text] : titleCandidates(entry.text)) {
    if (article) break
    article = await find.articleByTitle(candidate)
  }
  if (article) {
    if (!article.published)
      warnings.push({
        line: entry.line,
        message: `the recommended article “${article.title}” is a draft: its card shows once it is published`,
      })
    plan.recommendedReading.push({
      line: entry.line,
      text: entry.text,
      linkType: 'internal',
      article: { id: article.id, title: article.title, slug: article.slug },
    })
    plan.outline.push({ line: entry.line, kind: 'recommendedReading', text: article.title })
    return [
      block('recommendedReading', { label: 'Recommended Reading', linkType: 'internal', article: article.id, blurb }),
    ]
  }
  if (entry.link && /^https?:\/\//i.test(entry.link.url)) {
    plan.recommendedReading.push({ line: entry.line, text: entry.text, linkType: 'external', url: entry.link.url })
    plan.outline.push({ line: entry.line, kind: 'recommendedReading', text: entry.link.text })
    return [
      block('recommendedReading', {
        label: 'Recommended Reading',
        linkType: 'external',
        url: entry.link.url,
        title: entry.link.text.slice(0, 200),
        blurb,
      }),
    ]
  }
  warnings.push({
    line: entry.line,
    message: `“Recommended Reading: ${entry.text}” names none of our articles and links nowhere; it is kept as a paragraph`,
  })
  plan.recommendedReading.push({ line: entry.line, text: entry.text, linkType: 'none' })
  return proseNodes(
    {
      kind: 'paragraph',
      children: [
        { kind: 'text', text: 'Recommended Reading: ', bold: true },
        { kind: 'text', text: entry.text },
      ],
      line: entry.line,
    },
    options,
  )
}
