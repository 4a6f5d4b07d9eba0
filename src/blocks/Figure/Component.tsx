import type { FigureFields } from '@/figures/resolve'

/** The id of a figure's provenance note (./Notes.tsx), which its button opens. */
export const figureNoteId = (id: string) => `figure-note-${id.replace(/[^a-zA-Z0-9_-]/g, '')}`

/**
 * A figure reads as ordinary text (indexable, accessible) inside a button that opens its
 * provenance note: a native popover (./Notes.tsx, rendered after the article's body, so the
 * sentence's text stays the sentence), which needs no client JavaScript (reader pages have none,
 * src/server/plainHtml.mjs). Tab reaches it, Enter or Space opens it, Escape closes it. Tools read
 * the source and the as-of date from the figure's own element.
 */
export function FigureView({ id, display, lastValue, provenance, held }: FigureFields) {
  const text = display || lastValue || '—'
  return (
    <span
      className={held ? 'figure figure--held' : 'figure'}
      data-figure-source={provenance?.source ?? ''}
      data-figure-asof={provenance?.asOf ?? ''}
    >
      {id ? (
        <button
          type="button"
          className="figure-value"
          popoverTarget={figureNoteId(id)}
          title="Where this number comes from"
        >
          {text}
        </button>
      ) : (
        text
      )}
    </span>
  )
}
