import type { CollectionBeforeChangeHook } from 'payload'

import { bindToFigures } from '@/figures/bind'
import { suggestClaims } from '@/figures/statements'

/**
 * Binds the numbers of the FAQ's note that equal a live figure of its answer to that figure
 * (`noteFigures`), as an article's excerpt is bound to its body's: the note then follows the table.
 * The answer's comparisons get their claim words suggested as an article's do.
 */
export const bindNoteFigures: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  // The answer's comparisons get their claim words as an article's do (src/figures/statements.ts).
  if (data.answer) suggestClaims(data.answer)
  const note = (data.note ?? originalDoc?.note) as { text?: string | null } | undefined
  const savedNote = originalDoc?.note as { text?: string | null } | undefined
  // A note the save leaves as it was keeps its bindings (src/figures/summary.ts, keepBindings).
  data.noteFigures = await bindToFigures(req, { note: note?.text }, data.answer ?? originalDoc?.answer, {
    texts: { note: savedNote?.text },
    bound: originalDoc?.noteFigures,
  })
  return data
}
