/**
 * Binding the numbers of a short text to the live figures beside it, on save (hooks of articles and
 * FAQs; src/figures/summary.ts renders them). Server only: it reads the tables in the save's request.
 */
import type { PayloadRequest } from 'payload'

import type { SalaryTable } from '@payload-types'
import { relationId } from '@/lib/lexical'

import { figureNodes, type FigureFields } from './resolve'
import { keepBindings, type BoundNumber } from './summary'

/** The figures of `content`, each with its salary table as readers see it (the published one). */
async function figuresWithTables(req: PayloadRequest, content: unknown): Promise<FigureFields[]> {
  const figures = figureNodes(content)
  const tableIds = [...new Set(figures.map((figure) => relationId(figure.table)).filter(Boolean))] as string[]
  if (!tableIds.length) return []
  const { docs } = await req.payload.find({
    collection: 'salary-tables',
    where: { and: [{ id: { in: tableIds } }, { _status: { equals: 'published' } }] },
    depth: 0,
    limit: tableIds.length,
    pagination: false,
    joins: false,
    overrideAccess: true,
    req,
  })
  const tables = new Map<string, SalaryTable>(docs.map((table) => [String(table.id), table]))
  return figures.map((figure) => ({ ...figure, table: tables.get(relationId(figure.table) ?? '') ?? null }))
}

/**
 * The numbers of `texts` (field → text) bound to the live figures of `content`: those equal to one
 * now, and those of an unchanged text bound before (`before`: the texts and bindings last saved;
 * see keepBindings in ./summary).
 */
export async function bindToFigures(
  req: PayloadRequest,
  texts: Record<string, string | null | undefined>,
  content: unknown,
  before: { texts: Record<string, string | null | undefined>; bound: unknown } = { texts: {}, bound: [] },
): Promise<BoundNumber[]> {
  if (!Object.values(texts).some(Boolean)) return []
  const bound = Array.isArray(before.bound) ? (before.bound as BoundNumber[]) : []
  return keepBindings(texts, await figuresWithTables(req, content), { texts: before.texts, bound })
}
