import { figureNodes, type FigureFields } from '@/figures/resolve'
import { formatDate } from '@/lib/format'

import { figureNoteId } from './Component'

/** One figure's provenance: the table, the as-of date, the cell or cells, the formula. */
function FigureNote({ id, display, lastValue, provenance, held }: FigureFields & { id: string }) {
  const text = display || lastValue || '—'
  return (
    <div
      id={figureNoteId(id)}
      popover="auto"
      className="figure-note"
      role="dialog"
      aria-label={`Where ${text} comes from`}
    >
      <p className="figure-note-title">Where {text} comes from</p>
      {provenance ? (
        <dl>
          <dt>Table</dt>
          <dd>{provenance.table}</dd>
          {provenance.asOf ? (
            <>
              <dt>Checked on</dt>
              <dd>
                <time dateTime={provenance.asOf}>{formatDate(provenance.asOf)}</time>
              </dd>
            </>
          ) : null}
          {provenance.cells.map((cell, index) => (
            <div key={index}>
              <dt>{provenance.cells.length > 1 ? `Cell ${index ? 'b' : 'a'}` : 'Cell'}</dt>
              <dd>
                {cell.label}: {cell.value}
                {cell.source ? ` (${cell.source})` : null}
              </dd>
            </div>
          ))}
          {provenance.formula ? (
            <>
              <dt>Formula</dt>
              <dd>{provenance.formula}</dd>
            </>
          ) : null}
          {provenance.source ? (
            <>
              <dt>Source</dt>
              <dd>{provenance.source}</dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p>The cell this number came from is no longer in its table: this is its last published value.</p>
      )}
      {held ? (
        <p className="figure-note-held">
          The table now gives {held.value}, which no longer supports “{held.claim}”: the sentence keeps the last value
          that did, {text}, until an editor revises it.
        </p>
      ) : null}
      <button type="button" className="figure-note-close" popoverTarget={figureNoteId(id)} popoverTargetAction="hide">
        Close
      </button>
    </div>
  )
}

/**
 * The provenance notes of every figure in `content` (resolved: src/figures/resolve.ts), once each,
 * after the article's body. Each is a popover its figure's button opens; closed, none is shown.
 */
export function FigureNotes({ content }: { content: unknown }) {
  const seen = new Set<string>()
  const figures = figureNodes(content).filter((figure): figure is FigureFields & { id: string } => {
    if (!figure.id || seen.has(figureNoteId(figure.id))) return false
    seen.add(figureNoteId(figure.id))
    return true
  })
  if (!figures.length) return null
  return (
    <div className="figure-notes">
      {figures.map((figure) => (
        <FigureNote key={figure.id} {...figure} />
      ))}
    </div>
  )
}
