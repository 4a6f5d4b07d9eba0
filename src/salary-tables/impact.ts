/**
 * What a salary table's published state means for the figures that cite it: which articles use
 * the table (the dependency index), and which of their figures no longer resolve (a row deleted or
 * renamed, the table unpublished) and so show readers their last published value.
 */
import type { Payload } from 'payload'

import type { SalaryTable } from '@payload-types'
import { relationId } from '@/lib/lexical'

import { figureContext, figureNodes, resolveFigure, type FigureFields } from '@/figures/resolve'

import { rowKey, rowName } from './model'

export type BrokenFigure = { figure: string; reason: string; shown: string }
export type ArticleImpact = {
  id: string
  title: string
  slug: string | null
  status: string | null
  figures: number
  broken: BrokenFigure[]
}
/** The figures that cite one row of the table (as a cell or one side of a comparison), by article. */
export type RowCitation = {
  role: string
  tier: string
  figures: number
  articles: { id: string; title: string; figures: number }[]
}
export type TableImpact = {
  table: { id: string; title: string; published: boolean }
  articles: ArticleImpact[]
  brokenFigures: number
  /** Every row that figures cite, for the form to ask before such a row is removed. */
  citations: RowCitation[]
  /** The warning for the editor, figures listed, or null when every figure resolves. */
  message: string | null
  /** Its first part: who uses the table and how many figures broke. */
  summary: string | null
}

export function describeFigure(figure: FigureFields): string {
  const cell = `${rowName(figure)} ${figure.column ?? 'total'}`
  if (figure.source !== 'salaryComparison') return cell
  const other = rowName({ role: figure.compareRole, tier: figure.compareTier })
  return `${figure.operation ?? 'premium'} of ${cell} over ${other} ${figure.compareColumn ?? figure.column ?? 'total'}`
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`

/** The used-by sentence and what broke, without the list of figures (the admin lists them itself). */
export function impactSummary(impact: Pick<TableImpact, 'table' | 'articles' | 'brokenFigures'>): string | null {
  if (!impact.brokenFigures) return null
  const used = `This table is used by ${plural(impact.articles.length, 'article')}: ${impact.articles.map((article) => `“${article.title}”`).join(', ')}.`
  const count = plural(impact.brokenFigures, 'figure')
  const one = impact.brokenFigures === 1
  const what = impact.table.published
    ? `${count} now ${one ? 'points' : 'point'} to a missing row and ${one ? 'shows its' : 'show their'} last published value`
    : `It is not published, so ${count} ${one ? 'shows its' : 'show their'} last published value`
  return `${used} ${what}`
}

/** The whole warning in one sentence, for the toast and for REST clients. */
export function impactMessage(impact: Pick<TableImpact, 'table' | 'articles' | 'brokenFigures'>): string | null {
  const summary = impactSummary(impact)
  if (!summary) return null
  const list = impact.articles
    .flatMap((article) =>
      article.broken.map((broken) => `“${article.title}”: ${broken.figure} (shows ${broken.shown})`),
    )
    .join('; ')
  return `${summary}: ${list}.`
}

/**
 * Resolves, against the table as readers see it now (its published version, or nothing), every
 * figure that cites it in the articles the dependency index lists. Articles are read as stored
 * (published ones as published), figures as the page resolves them.
 */
export async function tableImpact(payload: Payload, table: Pick<SalaryTable, 'id' | 'title'>): Promise<TableImpact> {
  // No user: the reader's view, which is what decides whether a figure resolves on the page.
  const { docs: live } = await payload.find({
    collection: 'salary-tables',
    where: { id: { equals: table.id } },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: false,
  })
  const published = live[0] ?? null
  const { docs } = await payload.find({
    collection: 'articles',
    where: { salaryTables: { in: [table.id] } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    sort: 'title',
    select: { title: true, slug: true, _status: true, content: true },
  })
  const cited = new Map<string, RowCitation>()
  const cite = (row: { role?: string | null; tier?: string | null }, article: { id: string; title: string }) => {
    if (typeof row.role !== 'string' || typeof row.tier !== 'string') return
    const key = rowKey(row)
    const citation = cited.get(key) ?? { role: row.role, tier: row.tier, figures: 0, articles: [] }
    citation.figures++
    const entry = citation.articles.find((item) => item.id === article.id)
    if (entry) entry.figures++
    else citation.articles.push({ id: article.id, title: article.title, figures: 1 })
    cited.set(key, citation)
  }
  const articles = docs.map((article): ArticleImpact => {
    const context = figureContext(article.content)
    const cites = figureNodes(article.content).filter(
      (figure) =>
        (figure.source === 'salaryCell' || figure.source === 'salaryComparison') &&
        relationId(figure.table) === table.id,
    )
    for (const figure of cites) {
      cite(figure, article)
      // A comparison of a row with itself (another column) cites it once.
      const other = { role: figure.compareRole, tier: figure.compareTier }
      if (figure.source === 'salaryComparison' && rowKey(other) !== rowKey(figure)) cite(other, article)
    }
    const broken = cites.flatMap((figure): BrokenFigure[] => {
      const result = resolveFigure({ ...figure, table: published }, context)
      return result.ok
        ? []
        : [{ figure: describeFigure(figure), reason: result.reason, shown: figure.lastValue || '—' }]
    })
    return {
      id: article.id,
      title: article.title,
      slug: article.slug ?? null,
      status: article._status ?? null,
      figures: cites.length,
      broken,
    }
  })
  const impact = {
    table: { id: table.id, title: published?.title ?? table.title, published: Boolean(published) },
    articles,
    brokenFigures: articles.reduce((sum, article) => sum + article.broken.length, 0),
  }
  return {
    ...impact,
    citations: [...cited.values()],
    message: impactMessage(impact),
    summary: impactSummary(impact),
  }
}
