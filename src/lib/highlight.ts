/**
 * Search results' snippets and highlights, as plain data (text runs flagged `mark`), so the page
 * renders `<mark>` through React and no text is ever parsed as markup.
 *
 * Matching is the search's own (src/data/search.ts): case-insensitive, each word anywhere, parts of
 * words included ("engineer" marks "Engineers").
 */
export type TextRun = { text: string; mark?: true }

/** The words of a normalised query, lowercase, each once, longest first (so "ml engineer" marks whole words first). */
export function queryWords(query: string): string[] {
  const words = [...new Set(query.toLowerCase().split(/\s+/).filter(Boolean))]
  return words.sort((a, b) => b.length - a.length)
}

const escapeRegExp = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** `text` cut into runs, the query's words marked. */
export function highlight(text: string, words: string[]): TextRun[] {
  if (!text) return []
  if (!words.length) return [{ text }]
  const pattern = new RegExp(`(${words.map(escapeRegExp).join('|')})`, 'gi')
  // split() with a capturing group puts every match at an odd index.
  return text
    .split(pattern)
    .map((part, index): TextRun => (index % 2 === 1 ? { text: part, mark: true } : { text: part }))
    .filter((run) => run.text)
}

/** Which of `words` `text` contains. */
export const wordsIn = (text: string, words: string[]) => {
  const lower = text.toLowerCase()
  return words.filter((word) => lower.includes(word))
}

/**
 * The passage of `text` (about `length` characters, cut at spaces, "…" where cut) that holds the most
 * of `words`, nearest the start; the start of the text when it holds none. Reads at most the first
 * MAX_SCAN characters: a long body's first matches make as good a snippet as its last.
 */
export function bestPassage(text: string, words: string[], length = 220): string {
  const MAX_SCAN = 50_000
  const flat = text.slice(0, MAX_SCAN).replace(/\s+/g, ' ').trim()
  if (flat.length <= length) return flat
  const lower = flat.toLowerCase()
  const starts: number[] = []
  for (const word of words) {
    let from = 0
    for (let found = lower.indexOf(word, from); found >= 0 && starts.length < 400; found = lower.indexOf(word, from)) {
      starts.push(found)
      from = found + word.length
    }
  }
  let best = 0
  let bestScore = -1
  for (const position of starts.sort((a, b) => a - b)) {
    // Some context before the first match, the rest after it.
    const start = Math.max(0, position - Math.floor(length / 4))
    const window = lower.slice(start, start + length)
    const score = words.filter((word) => window.includes(word)).length
    if (score > bestScore) {
      best = start
      bestScore = score
    }
    if (score === words.length) break
  }
  let start = best
  let end = Math.min(flat.length, start + length)
  if (start > 0) {
    const space = flat.indexOf(' ', start)
    start = space >= 0 && space < start + 20 ? space + 1 : start
  }
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end)
    end = space > start + length / 2 ? space : end
  }
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`
}
