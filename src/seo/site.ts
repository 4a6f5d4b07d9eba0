import { serverUrl } from '@/config/env'

/** The publisher every page, feed entry and JSON-LD block names. */
export const SITE_NAME = 'Valenx Press'
export const SITE_DESCRIPTION = 'Data-heavy career comparisons: salaries, demand and skills, with the figures kept current.'
export const FEED_PATH = '/feed.xml'
/** Share cards: the size Open Graph and Twitter's large card expect. */
export const OG_SIZE = { width: 1200, height: 630 }

/** An absolute URL on this site, as search engines and feed readers need it. */
export function absoluteUrl(pathOrUrl: string): string {
  return new URL(pathOrUrl, `${serverUrl()}/`).toString()
}
