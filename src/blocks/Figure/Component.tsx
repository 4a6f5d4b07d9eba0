import type { FigureFields } from '@/figures/resolve'

/** A figure reads as ordinary text: indexable, accessible, no client JavaScript. */
export function FigureView({ display, lastValue }: FigureFields) {
  return <span className="figure">{display || lastValue || '—'}</span>
}
