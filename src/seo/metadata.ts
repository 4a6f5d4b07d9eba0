import type { Metadata } from 'next'

import { FEED_PATH, SITE_NAME } from './site'

/**
 * Next replaces `alternates`, `openGraph` and `twitter` wholesale when a page sets them, so every
 * page builds them here: the same feed link, site name and card type everywhere.
 */
export const feedAlternate = { 'application/rss+xml': [{ url: FEED_PATH, title: `${SITE_NAME} articles` }] }

type PageMetadata = {
  /** Without the " | Valenx Press" suffix, which the layout's title template adds. */
  title: string
  description: string
  path: string
  /** Search result pages: useful to readers, not to an index. */
  noindex?: boolean
}

export function pageMetadata({ title, description, path, noindex }: PageMetadata): Metadata {
  return {
    title,
    description,
    alternates: { canonical: path, types: feedAlternate },
    // No `images` key: the generated opengraph-image of the nearest segment fills it.
    openGraph: { type: 'website', siteName: SITE_NAME, locale: 'en_US', title, description, url: path },
    twitter: { card: 'summary_large_image', title, description },
    ...(noindex ? { robots: { index: false, follow: true } } : {}),
  }
}
