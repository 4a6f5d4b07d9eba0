/**
 * The one rule for every link the site stores (navigation, footer, recommended reading, links in
 * rich text): a full http(s) address, or, where a field allows it, a path on this site. Browsers
 * are lenient in ways that turn "a path" into another site: `//evil.test` and `/\evil.test` are
 * protocol-relative, a tab or newline inside `/<TAB>/evil.test` is dropped before resolving, and
 * `https://example.com@evil.test` shows one host and opens another. So the rule is written against
 * the raw text, not only against what `new URL` makes of it.
 */

export type LinkKind = 'web' | 'siteOrWeb'

export const HTTP_URL_MESSAGE = 'Enter a full web address starting with http:// or https://.'
export const SITE_LINK_MESSAGE =
  'Enter a path on this site (/blog) or a full web address starting with http:// or https://.'

const MAX_LINK_LENGTH = 2000
// C0 and C1 controls, DEL, and the invisible characters that make a link read as something else.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/
const SITE_PATH = /^\/(?![/\\])/

/** Why `value` may not be stored as a link of this kind, or null when it may. */
export function linkProblem(value: unknown, kind: LinkKind = 'web'): string | null {
  const expected = kind === 'web' ? HTTP_URL_MESSAGE : SITE_LINK_MESSAGE
  if (typeof value !== 'string') return expected
  if (value.length > MAX_LINK_LENGTH) return `A link can be at most ${MAX_LINK_LENGTH} characters long.`
  if (INVISIBLE.test(value)) return 'A link cannot contain control or invisible characters.'
  if (/\s/.test(value)) return 'A link cannot contain spaces: encode them as %20.'
  if (value.includes('\\')) return 'A link cannot contain a backslash (\\): browsers read it as a slash.'
  if (kind === 'siteOrWeb' && value.startsWith('/')) {
    return SITE_PATH.test(value) ? null : 'A path on this site starts with a single slash (//… is another site).'
  }
  if (!/^https?:\/\/[^/]/i.test(value)) return expected
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return expected
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return expected
  if (!url.hostname) return expected
  if (url.username || url.password)
    return 'A link cannot carry a user name or password (…@host): it hides where it leads.'
  return null
}

/** A full http(s) address a reader can follow safely. */
export const isHttpUrl = (value: unknown): value is string => linkProblem(value, 'web') === null

/** The Payload `validate` for an absolute web address. */
export function validateHttpUrl(value: unknown, { required = false } = {}): true | string {
  if (value === undefined || value === null || value === '') return required ? HTTP_URL_MESSAGE : true
  return linkProblem(value, 'web') ?? true
}

/** The Payload `validate` for a link that may also be a path on this site. */
export function validateSiteLink(value: unknown, { required = false } = {}): true | string {
  if (value === undefined || value === null || value === '') return required ? SITE_LINK_MESSAGE : true
  return linkProblem(value, 'siteOrWeb') ?? true
}

/**
 * Marks a text field as a stored link, so the input guard (src/hooks/rejectMalformedInput.ts) checks
 * it on every save, drafts included, before any hook runs; `validate` gives the admin form the same
 * message as the user types.
 */
export const linkCustom = (kind: LinkKind) => ({ link: kind })

export function linkKindOf(field: { custom?: Record<string, unknown> }): LinkKind | undefined {
  const kind = field.custom?.link
  return kind === 'web' || kind === 'siteOrWeb' ? kind : undefined
}
