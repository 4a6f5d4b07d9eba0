import { serverUrl } from '@/config/env'

/**
 * The site's name: the publisher every page title, feed, JSON-LD block and share card names, the
 * `site` global's default, and what the header shows when the global has none.
 */
export const SITE_NAME = 'Valenx Press'
export const SITE_DESCRIPTION =
  'Data-heavy career comparisons: salaries, demand and skills, with the figures kept current.'
/** Share cards: the size Open Graph and Twitter's large card expect. */
export const OG_SIZE = { width: 1200, height: 630 }

/** An absolute URL on this site, as search engines and feed readers need it. */
export function absoluteUrl(pathOrUrl: string): string {
  return new URL(pathOrUrl, `${serverUrl()}/`).toString()
}
