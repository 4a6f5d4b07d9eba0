/**
 * A source line names each source once. Rows and columns carry their own source text, often a list
 * ("Blind, Glassdoor"), so a table whose rows say "Blind, Glassdoor" and "Blind" must credit Blind
 * once, not "Blind, Glassdoor; Blind".
 */

/** Splits "Blind, Glassdoor; Payscale" into names, keeping commas inside brackets ("Levels.fyi (2023, US)"). */
export function splitSources(text: string | null | undefined): string[] {
  const names: string[] = []
  let depth = 0
  let current = ''
  for (const char of text ?? '') {
    if (char === '(' || char === '[') depth++
    if ((char === ')' || char === ']') && depth > 0) depth--
    if ((char === ',' || char === ';') && depth === 0) {
      names.push(current)
      current = ''
    } else current += char
  }
  names.push(current)
  return names.map((name) => name.replace(/\s+/g, ' ').trim()).filter(Boolean)
}

/** The name without its bracketed detail: "Levels.fyi (2023)" → "levels.fyi". */
const bareName = (name: string) =>
  name
    .replace(/\s*[([][^)\]]*[)\]]\s*/g, ' ')
    .trim()
    .toLowerCase()

/**
 * Every source named in `texts`, once each, in the order they first appear. Letter case and spacing
 * do not make another source; a bare name is left out when the same source is also named with a
 * detail ("Levels.fyi" beside "Levels.fyi (2023)"). Two different details ("(2023)", "(2024)") are
 * two sources: a year stays with its figures.
 */
export function uniqueSources(texts: (string | null | undefined)[]): string[] {
  const byName = new Map<string, string>()
  for (const name of texts.flatMap(splitSources))
    if (!byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), name)
  const detailed = new Set([...byName.keys()].filter((key) => bareName(key) !== key).map(bareName))
  return [...byName.entries()].filter(([key]) => !detailed.has(key)).map(([, name]) => name)
}
