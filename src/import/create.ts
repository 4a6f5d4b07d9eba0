/**
 * Creates what a plan describes, in one transaction, through the Local API as the signed-in editor
 * (`overrideAccess: false`): access rules, validation, hooks and versions apply as if the editor
 * had typed it all. Everything is a draft; a failure anywhere leaves nothing behind.
 */
import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import { salaryTablePlaceholder } from './figures'
import { faqPlaceholder, type ImportDraft, type ImportPlan } from './plan'

export type ImportResult = {
  article: { id: string; slug: string }
  salaryTables: string[]
  /** Every FAQ the article lists, in order: the ones created and the ones reused. */
  faqs: string[]
  createdFaqs: string[]
  figures: number
  warnings: string[]
}

/** Swaps the placeholders the plan left for documents that did not exist yet. */
function withIds<T>(value: T, ids: Map<string, string>): T {
  let json = JSON.stringify(value)
  for (const [placeholder, id] of ids) json = json.split(JSON.stringify(placeholder)).join(JSON.stringify(id))
  return JSON.parse(json) as T
}

export async function createImport(req: PayloadRequest, plan: ImportPlan, draft: ImportDraft): Promise<ImportResult> {
  const as = { overrideAccess: false, user: req.user, req, draft: true } as const
  const shouldCommit = await initTransaction(req)
  try {
    const ids = new Map<string, string>()
    const salaryTables: string[] = []
    for (const [index, data] of draft.salaryTables.entries()) {
      const doc = await req.payload.create({
        collection: 'salary-tables',
        data: { ...data, _status: 'draft' } as never,
        ...as,
      })
      ids.set(salaryTablePlaceholder(index), doc.id)
      salaryTables.push(doc.id)
    }
    const faqs: string[] = []
    const createdFaqs: string[] = []
    for (const [index, faq] of draft.faqs.entries()) {
      let id: string
      if ('reuse' in faq) id = faq.reuse
      else {
        id = (await req.payload.create({ collection: 'faqs', data: { ...faq.data, _status: 'draft' } as never, ...as }))
          .id
        createdFaqs.push(id)
      }
      ids.set(faqPlaceholder(index), id)
      faqs.push(id)
    }
    const article = await req.payload.create({
      collection: 'articles',
      data: withIds({ ...draft.article, _status: 'draft' }, ids) as never,
      ...as,
    })
    if (shouldCommit) await commitTransaction(req)
    return {
      article: { id: article.id, slug: String(article.slug) },
      salaryTables,
      faqs,
      createdFaqs,
      figures: plan.figures.length,
      warnings: plan.warnings,
    }
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}
