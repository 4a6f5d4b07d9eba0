/**
 * What publishing a salary table as proposed would change for readers, across the site, before
 * anything is written: every rendered statement whose text changes (sentences in article bodies
 * and callouts, FAQ answers and notes, excerpts, which cards, search and the feed show, and SEO
 * descriptions), before → after with its claim's verdict, and every figure that would break.
 * Computed from published documents only, read as a reader reads them.
 */
import type { Payload, PayloadRequest } from 'payload'

import type { Article, Faq, SalaryTable } from '@payload-types'
import {
  boundTextChange,
  contentChanges,
  type BrokenFigureChange,
  type SentenceChange,
  type TableSets,
} from '@/figures/changes'
import { figureNodes } from '@/figures/resolve'
import type { BoundNumber } from '@/figures/summary'
import { relationId } from '@/lib/lexical'

export type ArticleRef = { id: string; slug: string | null; title: string }
export type Statement = { article: ArticleRef } & SentenceChange
export type BrokenStatement = { article: ArticleRef } & BrokenFigureChange
export type TablePreview = { statements: Statement[]; broken: BrokenStatement[] }

/** Where an excerpt is read: its statement names them. */
export const EXCERPT_PLACES = 'excerpt (article cards, search results, the feed)'

const ref = (article: Pick<Article, 'id' | 'slug' | 'title'>): ArticleRef => ({
  id: String(article.id),
  slug: article.slug ?? null,
  title: article.title,
})

/** The populated salary tables of a reader's read, by id. */
function tablesIn(...sources: unknown[]): Map<string, SalaryTable | null> {
  const tables = new Map<string, SalaryTable | null>()
  for (const source of sources.flat())
    if (source && typeof source === 'object' && 'rows' in source)
      tables.set(String((source as SalaryTable).id), source as SalaryTable)
  return tables
}

function sets(
  known: Map<string, SalaryTable | null>,
  id: string,
  now: SalaryTable | null,
  proposed: SalaryTable | null,
) {
  const before = new Map(known)
  const after = new Map(known)
  before.set(id, now)
  after.set(id, proposed)
  return { before, after } satisfies TableSets
}

/**
 * The preview of `proposed` (the whole table as it would be published; null: unpublished) for
 * table `id`. `req` keeps the reads in the caller's transaction when a save asks.
 */
export async function previewTableChange(
  payload: Payload,
  id: string,
  proposed: SalaryTable | null,
  req?: PayloadRequest,
): Promise<TablePreview> {
  // No user, access applied: what readers see now, published documents only.
  const asReader = { overrideAccess: false, user: undefined, joins: false, pagination: false, req } as const
  const { docs: live } = await payload.find({
    ...asReader,
    collection: 'salary-tables',
    where: { id: { equals: id } },
    depth: 0,
    limit: 1,
  })
  const now = (live[0] as SalaryTable | undefined) ?? null
  const changed = new Set([id])
  const statements: Statement[] = []
  const broken: BrokenStatement[] = []
  const add = (article: ArticleRef, result: { sentences: SentenceChange[]; broken: BrokenFigureChange[] }) => {
    statements.push(...result.sentences.map((sentence) => ({ article, ...sentence })))
    broken.push(...result.broken.map((figure) => ({ article, ...figure })))
  }

  const { docs: articles } = (await payload.find({
    ...asReader,
    collection: 'articles',
    where: { salaryTables: { in: [id] } },
    depth: 1,
    sort: 'title',
    select: {
      title: true,
      slug: true,
      content: true,
      excerpt: true,
      meta: true,
      summaryFigures: true,
      salaryTables: true,
      updatedAt: true,
    },
  })) as unknown as { docs: Article[] }
  for (const article of articles) {
    const tables = sets(
      tablesIn(
        article.salaryTables ?? [],
        figureNodes(article.content).map((figure) => figure.table),
      ),
      id,
      now,
      proposed,
    )
    const article_ = ref(article)
    add(article_, contentChanges(article.content, 'body', changed, tables, { asOf: article.updatedAt }))
    const bound = article.summaryFigures as BoundNumber[] | null | undefined
    for (const [text, field, where] of [
      [article.excerpt, 'excerpt', EXCERPT_PLACES],
      [article.meta?.description, 'metaDescription', 'SEO description'],
    ] as const) {
      const change = boundTextChange(text, field, where, bound, changed, tables)
      if (change) statements.push({ article: article_, ...change })
    }
  }

  // FAQs carry no index of the tables they cite: the published ones are few, and read whole.
  const { docs: faqs } = (await payload.find({
    ...asReader,
    collection: 'faqs',
    depth: 1,
    select: { question: true, answer: true, note: true, noteFigures: true },
  })) as unknown as { docs: Faq[] }
  const citing = faqs.filter((faq) => figureNodes(faq.answer).some((figure) => relationId(figure.table) === id))
  if (citing.length) {
    const { docs: showing } = (await payload.find({
      ...asReader,
      collection: 'articles',
      where: { faqs: { in: citing.map((faq) => faq.id) } },
      depth: 0,
      sort: 'title',
      select: { title: true, slug: true, faqs: true },
    })) as unknown as { docs: Article[] }
    for (const faq of citing) {
      const tables = sets(tablesIn(figureNodes(faq.answer).map((figure) => figure.table)), id, now, proposed)
      const answer = contentChanges(faq.answer, `FAQ “${faq.question}”`, changed, tables)
      const note = boundTextChange(
        faq.note?.text,
        'note',
        `FAQ note “${faq.question}”`,
        faq.noteFigures as BoundNumber[] | null | undefined,
        changed,
        tables,
      )
      for (const article of showing.filter((candidate) =>
        (candidate.faqs ?? []).some((item) => relationId(item) === String(faq.id)),
      )) {
        add(ref(article), answer)
        if (note) statements.push({ article: ref(article), ...note })
      }
    }
  }
  return { statements, broken }
}

/** The sentences a publication would make false and the figures it would break, one line each, for a refusal. */
export function previewProblems(preview: TablePreview): string[] {
  return [
    ...preview.statements
      .filter((statement) => statement.claim === 'contradicted')
      .map(
        (statement) =>
          `“${statement.article.title}”, ${statement.where}: “${statement.after}” would be false (readers would keep “${statement.shown}”).`,
      ),
    ...preview.broken.map(
      (figure) =>
        `“${figure.article.title}”, ${figure.where}: ${figure.figure} would break (${figure.reason}; readers would keep ${figure.shown}).`,
    ),
  ]
}
