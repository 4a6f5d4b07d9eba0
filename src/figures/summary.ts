/**
 * Live numbers in the short texts beside an article's body: the excerpt (cards, search, the feed,
 * the meta, Open Graph and JSON-LD descriptions), the SEO description, and a FAQ's note. They are
 * plain strings (REST clients and editors see them as written), so instead of a token the text
 * holds, each number that equals a live figure's value when the document is saved is bound to that
 * figure (`bindNumbers`, kept in `summaryFigures` / `noteFigures`), and rendered for readers from
 * the figure's table as it is now (`liveText`). "a 22% premium" written when the figure said 22%
 * reads "a 25% premium" once the table says 25%, on every page, with nothing to re-save.
 *
 * Only salary-table figures are bound: they change without the article being saved. A number that
 * two different figures both show is left as written (it is ambiguous).
 */
import type { Article, Faq, SalaryTable } from '@payload-types'
import { relationId } from '@/lib/lexical'

import { claimVerdict, suggestClaim } from './claims'
import { figureNodes, resolveFigure, type FigureFields } from './resolve'

/** A number in a text, bound to the figure it was equal to when saved. */
export type BoundNumber = { field: string; text: string; figure: FigureFields }

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** `text` as a whole number in a sentence: "22%" in "a 22% premium", not in "122%" or "22%5". */
const occurrences = (text: string) => new RegExp(`(?<![\\d.,$€£])${escape(text)}(?![\\d%])(?![.,]\\d)`, 'g')

const isSalaryFigure = (figure: FigureFields) => figure.source === 'salaryCell' || figure.source === 'salaryComparison'

/**
 * What a bound figure keeps: enough to resolve it again from its table, nothing that varies per
 * save or per place (its id, its claim: the short text's own words make its claim).
 */
function bindingOf(figure: FigureFields): FigureFields {
  const {
    display: _display,
    lastValue: _lastValue,
    blockName: _blockName,
    id: _id,
    claim: _claim,
    provenance: _provenance,
    held: _held,
    ...rest
  } = figure
  return { ...rest, table: relationId(figure.table) ?? null }
}

/** The claim the short text makes of the number at its first occurrence ("a 22% premium" → "premium"). */
function claimInText(figure: FigureFields, text: string, value: string): string | undefined {
  const match = occurrences(value).exec(text)
  if (!match) return undefined
  return suggestClaim(figure, text.slice(0, match.index), text.slice(match.index + value.length)) ?? undefined
}

/**
 * The numbers of `texts` (field → text) that equal a salary figure's current value, each bound to
 * that figure. `figures` are the figures with their tables as the save resolves them.
 */
export function bindNumbers(texts: Record<string, string | null | undefined>, figures: FigureFields[]): BoundNumber[] {
  const byText = new Map<string, FigureFields[]>()
  for (const figure of figures.filter(isSalaryFigure)) {
    const result = resolveFigure(figure, { dataTables: [] })
    if (!result.ok) continue
    const list = byText.get(result.text) ?? []
    list.push(figure)
    byText.set(result.text, list)
  }
  const bound: BoundNumber[] = []
  for (const [field, text] of Object.entries(texts)) {
    if (!text) continue
    for (const [value, candidates] of byText) {
      if (!occurrences(value).test(text)) continue
      const bindings = new Set(candidates.map((figure) => JSON.stringify(bindingOf(figure))))
      if (bindings.size !== 1) continue
      const figure = bindingOf(candidates[0])
      const claim = claimInText(figure, text, value)
      bound.push({ field, text: value, figure: claim ? { ...figure, claim } : figure })
    }
  }
  return bound
}

/**
 * The bindings a save keeps, with the new ones: `bindNumbers` binds a number only while it equals
 * its figure, and the number as written stays what it was when bound. Once the table changes, a
 * save of anything else (a title, the body) must not unbind the excerpt, or readers would see the
 * old number again. So a field whose text is the one saved before keeps its earlier bindings,
 * those whose figure is still in the content and whose number is still in the text; numbers not
 * bound yet are bound as `bindNumbers` finds them. A field whose text changed is bound anew.
 */
export function keepBindings(
  texts: Record<string, string | null | undefined>,
  figures: FigureFields[],
  before: { texts: Record<string, string | null | undefined>; bound: BoundNumber[] | null | undefined },
): BoundNumber[] {
  // Compared by value, whatever order the stored copy's keys came back in.
  const sameFigure = (figure: FigureFields) =>
    JSON.stringify(Object.entries(bindingOf(figure)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  const present = new Set(figures.filter(isSalaryFigure).map(sameFigure))
  const kept = (Array.isArray(before.bound) ? before.bound : []).filter(({ field, text, figure }) => {
    const current = texts[field]
    return (
      Boolean(current) &&
      current === before.texts[field] &&
      occurrences(text).test(current as string) &&
      present.has(sameFigure(figure))
    )
  })
  const taken = new Set(kept.map(({ field, text }) => `${field}\u0000${text}`))
  const fresh = bindNumbers(texts, figures).filter(({ field, text }) => !taken.has(`${field}\u0000${text}`))
  return [...kept, ...fresh]
}

/**
 * `text` with each number bound to it (for `field`) replaced by its figure's value from `tables`
 * (populated salary tables, as the reader reads them). A figure whose table or cell is gone, or
 * whose value now contradicts its claim, keeps the number as written (unless `followClaims` is
 * false: the preview shows what the table would say).
 */
export function liveText(
  text: string | null | undefined,
  field: string,
  bound: BoundNumber[] | null | undefined,
  tables: Map<string, SalaryTable>,
  { followClaims = true }: { followClaims?: boolean } = {},
): string {
  let result = text ?? ''
  for (const binding of (Array.isArray(bound) ? bound : []).filter((entry) => entry.field === field)) {
    const table = tables.get(String(binding.figure.table ?? ''))
    if (!table) continue
    const value = resolveFigure({ ...binding.figure, table }, { dataTables: [] })
    // A value that contradicts the figure's claim ("a 22% premium" over a negative one) is not
    // written in: the text keeps the number it was written with, which agreed with it.
    if (!value.ok || (followClaims && claimVerdict(binding.figure, value.value) === 'contradicted')) continue
    if (value.text !== binding.text) result = result.replace(occurrences(binding.text), value.text)
  }
  return result
}

/** The salary tables a document was read with, by id (populated ones only: a reader's). */
export function tablesOf(...sources: unknown[]): Map<string, SalaryTable> {
  const tables = new Map<string, SalaryTable>()
  for (const source of sources.flat()) {
    if (source && typeof source === 'object' && 'rows' in source)
      tables.set(String((source as SalaryTable).id), source as SalaryTable)
  }
  return tables
}

type Summarised = Partial<Pick<Article, 'excerpt' | 'meta' | 'salaryTables' | 'summaryFigures' | 'content'>>

/**
 * The article with its excerpt and SEO description as readers see them now. Its tables are the
 * ones it was read with: the `salaryTables` index (cards, feeds) or the content's figures (the page).
 */
export function liveSummary<T extends Summarised>(article: T): T {
  const bound = article.summaryFigures as BoundNumber[] | null | undefined
  if (!Array.isArray(bound) || !bound.length) return article
  const tables = tablesOf(
    article.salaryTables ?? [],
    figureNodes(article.content).map((figure) => figure.table),
  )
  const live = { ...article, excerpt: liveText(article.excerpt, 'excerpt', bound, tables) }
  if (article.meta?.description)
    live.meta = { ...article.meta, description: liveText(article.meta.description, 'metaDescription', bound, tables) }
  return live
}

/** A FAQ's note as readers see it now, its numbers following the figures of its answer. */
export function liveNote(faq: Pick<Faq, 'note' | 'noteFigures' | 'answer'>): string {
  const text = faq.note?.text ?? ''
  const tables = tablesOf(figureNodes(faq.answer).map((figure) => figure.table))
  return liveText(text, 'note', faq.noteFigures as BoundNumber[] | null | undefined, tables)
}
