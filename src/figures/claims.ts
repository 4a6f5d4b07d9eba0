/**
 * Claim guards: the words of a sentence that depend on its figure's sign or size. "22% higher" is
 * true only while the premium is above 0; "outnumber … 3.5x" only while the ratio is above 1. A
 * figure stores those words (`claim`, set by the editor or suggested from the words around it on
 * save), and `claimVerdict` says whether a value keeps them true. Pure: the admin, the page and
 * the preview all use it.
 */
import type { FigureFields } from './resolve'

/** Which side of its threshold a word needs the value on. */
export type Direction = 'above' | 'below'

/**
 * Words that need the value above its threshold (0 for a difference or premium, 1 for a ratio), and
 * words that need it below. Stems: "outnumber" covers "outnumbers", "outnumbered".
 */
export const ABOVE_WORDS = [
  'higher',
  'more',
  'greater',
  'larger',
  'bigger',
  'above',
  'ahead',
  'premium',
  'exceed',
  'outearn',
  'outpace',
  'outnumber',
  'times',
  'up',
] as const
export const BELOW_WORDS = [
  'lower',
  'less',
  'fewer',
  'smaller',
  'below',
  'behind',
  'lag',
  'lags',
  'lagging',
  'trail',
  'discount',
  'down',
  'under',
] as const

/** Written on a figure to say it carries no claim (and stop the suggestion). */
export const NO_CLAIM = 'none'

export type ClaimVerdict = 'holds' | 'contradicted'

const wordsOf = (text: string) => text.toLowerCase().match(/[a-z]+/g) ?? []

/** A word of the list, or a longer form of one of its words of five letters or more ("outnumbers"). */
const matches = (list: readonly string[], word: string) =>
  list.some((stem) => word === stem || (stem.length >= 5 && word.startsWith(stem)))

function directionOf(word: string): Direction | null {
  if (matches(ABOVE_WORDS, word)) return 'above'
  if (matches(BELOW_WORDS, word)) return 'below'
  return null
}

/** The direction a claim asks for: its first word that has one; null for none (or "none"). */
export function claimDirection(claim: string | null | undefined): Direction | null {
  if (!claim || claim.trim().toLowerCase() === NO_CLAIM) return null
  for (const word of wordsOf(claim)) {
    const direction = directionOf(word)
    if (direction) return direction
  }
  return null
}

/** Where a figure's claim turns: 1 for a ratio, 0 for everything else (a difference, a premium, a cell). */
export function claimThreshold(figure: Pick<FigureFields, 'source' | 'operation'>): number {
  const comparison = figure.source === 'salaryComparison' || figure.source === 'dataRatio'
  const operation = figure.operation ?? (figure.source === 'dataRatio' ? 'ratio' : 'premium')
  return comparison && operation === 'ratio' ? 1 : 0
}

/** Whether `value` keeps the figure's claim true; null when the figure claims nothing. */
export function claimVerdict(
  figure: Pick<FigureFields, 'source' | 'operation' | 'claim'>,
  value: number,
): ClaimVerdict | null {
  const direction = claimDirection(figure.claim)
  if (!direction) return null
  const threshold = claimThreshold(figure)
  const holds = direction === 'above' ? value > threshold : value < threshold
  return holds ? 'holds' : 'contradicted'
}

/** Words read on each side of a figure when suggesting its claim. */
export const SUGGEST_BEFORE = 8
export const SUGGEST_AFTER = 4

/**
 * The claim words a comparison's neighbours make ("22% higher than", "outnumber those … 3.5x"):
 * the nearest word with a direction among the few after the figure, else among those before it.
 * Only comparisons get a suggestion: a single cell ("earns $210,000") has no sign to speak of.
 */
export function suggestClaim(figure: Pick<FigureFields, 'source'>, before: string, after: string): string | null {
  if (figure.source !== 'salaryComparison' && figure.source !== 'dataRatio') return null
  const following = wordsOf(after).slice(0, SUGGEST_AFTER)
  const preceding = wordsOf(before).slice(-SUGGEST_BEFORE).reverse()
  for (const word of [...following, ...preceding]) if (directionOf(word)) return word
  return null
}
