/**
 * What a different table does to the sentences figures stand in: for one editor state (an
 * article's body, a FAQ's answer) or one short bound text (an excerpt, a note), each sentence
 * whose text changes, before → after, with its claim's verdict, and each figure that stops
 * resolving. Pure: src/salary-tables/preview.ts reads the documents, the save's guards use it too.
 */
import { relationId } from '@/lib/lexical'

import { claimDirection, claimVerdict } from './claims'
import { figureContext, resolveFigure, shownValue, type FigureContext, type FigureFields } from './resolve'
import { figurePassages, renderSentence, sentencesOf } from './statements'
import { liveText, type BoundNumber } from './summary'
import type { SalaryTable } from '@payload-types'

/** "unchanged": the sentence claims nothing about its figures' sign or size; only its numbers move. */
export type Claim = 'unchanged' | 'holds' | 'contradicted'

export type SentenceChange = {
  where: string
  /** What readers read now. */
  before: string
  /** What the sentence says with the new figures. */
  after: string
  claim: Claim
  /** What readers will read: `after`, unless a claim is contradicted (its figure keeps its last agreeing value). */
  shown: string
}

export type BrokenFigureChange = { where: string; figure: string; reason: string; shown: string }

/** The tables a figure may read, by id: how readers see them now, and as they would be. */
export type TableSets = { before: Map<string, SalaryTable | null>; after: Map<string, SalaryTable | null> }

const withTable = (figure: FigureFields, tables: Map<string, SalaryTable | null>): FigureFields => {
  const id = relationId(figure.table)
  if (!id || !tables.has(id)) return figure
  return { ...figure, table: tables.get(id) ?? null }
}

type Rendered = { raw: string; shown: string; ok: boolean; verdict: ReturnType<typeof claimVerdict>; reason?: string }

function render(figure: FigureFields, context: FigureContext): Rendered {
  const result = resolveFigure(figure, context)
  const fallback = figure.lastValue || '—'
  if (!result.ok) return { raw: fallback, shown: fallback, ok: false, verdict: null, reason: result.reason }
  return {
    raw: result.text,
    shown: shownValue(figure, result).text,
    ok: true,
    verdict: claimVerdict(figure, result.value),
  }
}

function claimOf(verdicts: ReturnType<typeof claimVerdict>[], claimed: boolean): Claim {
  if (verdicts.includes('contradicted')) return 'contradicted'
  return claimed ? 'holds' : 'unchanged'
}

/**
 * The sentences of `content` whose figures citing one of `changed` (table ids) read differently
 * with `tables.after`, and the figures that resolve with `tables.before` but not `tables.after`.
 */
export function contentChanges(
  content: unknown,
  where: string,
  changed: Set<string>,
  tables: TableSets,
  { asOf }: { asOf?: string | null } = {},
): { sentences: SentenceChange[]; broken: BrokenFigureChange[] } {
  const context = figureContext(content, asOf)
  const sentences: SentenceChange[] = []
  const broken: BrokenFigureChange[] = []
  for (const passage of figurePassages(content, where)) {
    for (const sentence of sentencesOf(passage.pieces)) {
      const figures = sentence.flatMap((piece) => ('figure' in piece ? [piece.figure] : []))
      const cites = figures.filter((figure) => changed.has(relationId(figure.table) ?? ''))
      if (!cites.length) continue
      const now = new Map(figures.map((figure) => [figure, render(withTable(figure, tables.before), context)]))
      const next = new Map(figures.map((figure) => [figure, render(withTable(figure, tables.after), context)]))
      const before = renderSentence(sentence, (figure) => now.get(figure)!.shown)
      const after = renderSentence(sentence, (figure) => next.get(figure)!.raw)
      const shown = renderSentence(sentence, (figure) => next.get(figure)!.shown)
      for (const figure of cites) {
        const [was, will] = [now.get(figure)!, next.get(figure)!]
        if (was.ok && !will.ok)
          broken.push({ where: passage.where, figure: describe(figure), reason: will.reason ?? '', shown: will.shown })
      }
      if (before === after && before === shown) continue
      const claimed = cites.some((figure) => claimDirection(figure.claim))
      sentences.push({
        where: passage.where,
        before,
        after,
        shown,
        claim: claimOf(
          cites.map((figure) => next.get(figure)!.verdict),
          claimed,
        ),
      })
    }
  }
  return { sentences, broken }
}

/** A short text's numbers bound to figures (an excerpt, a description, a FAQ's note), before → after. */
export function boundTextChange(
  text: string | null | undefined,
  field: string,
  where: string,
  bound: BoundNumber[] | null | undefined,
  changed: Set<string>,
  tables: TableSets,
): SentenceChange | null {
  const bindings = (Array.isArray(bound) ? bound : []).filter(
    (binding) => binding.field === field && changed.has(String(binding.figure.table ?? '')),
  )
  if (!text || !bindings.length) return null
  const present = (map: Map<string, SalaryTable | null>) =>
    new Map([...map].filter((entry): entry is [string, SalaryTable] => Boolean(entry[1])))
  const before = liveText(text, field, bound, present(tables.before))
  const after = liveText(text, field, bound, present(tables.after), { followClaims: false })
  const shown = liveText(text, field, bound, present(tables.after))
  if (before === after && before === shown) return null
  const verdicts = bindings.map((binding) => {
    const table = tables.after.get(String(binding.figure.table))
    const result = table ? resolveFigure({ ...binding.figure, table }, { dataTables: [] }) : null
    return result?.ok ? claimVerdict(binding.figure, result.value) : null
  })
  return {
    where,
    before,
    after,
    shown,
    claim: claimOf(
      verdicts,
      bindings.some((binding) => claimDirection(binding.figure.claim)),
    ),
  }
}

/** How an editor names a figure: "AI Engineer · FAANG+ total", or the comparison of two cells. */
export function describe(figure: FigureFields): string {
  const cell =
    `${figure.role ?? figure.rowLabel ?? '?'} · ${figure.tier ?? figure.columnLabel ?? '?'} ${figure.column ?? ''}`.trim()
  if (figure.source !== 'salaryComparison') return cell
  return `${figure.operation ?? 'premium'} of ${cell} over ${figure.compareRole ?? '?'} · ${figure.compareTier ?? '?'}`
}

/** The sentences of `content` in which a figure's value, with `tables`, contradicts its claim. */
export function contradictedSentences(
  content: unknown,
  tables: Map<string, SalaryTable | null>,
  { asOf }: { asOf?: string | null } = {},
): { where: string; sentence: string }[] {
  const context = figureContext(content, asOf)
  const found: { where: string; sentence: string }[] = []
  for (const passage of figurePassages(content)) {
    for (const sentence of sentencesOf(passage.pieces)) {
      const rendered = new Map(
        sentence.flatMap((piece) =>
          'figure' in piece ? [[piece.figure, render(withTable(piece.figure, tables), context)]] : [],
        ) as [FigureFields, Rendered][],
      )
      if (![...rendered.values()].some((figure) => figure.verdict === 'contradicted')) continue
      found.push({ where: passage.where, sentence: renderSentence(sentence, (figure) => rendered.get(figure)!.raw) })
    }
  }
  return found
}
