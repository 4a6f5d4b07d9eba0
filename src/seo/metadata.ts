import type { Metadata } from 'next'

import { feedPath, siteImagePath } from '@/lib/paths'

import { OG_SIZE, SITE_NAME } from './site'

/**
 * Next replaces `alternates`, `openGraph` and `twitter` wholesale when a page sets them, so every
 * page builds them here: the same feed link, site name and card type everywhere.
 */
export const feedAlternate = { 'application/rss+xml': [{ url: feedPath(), title: `${SITE_NAME} articles` }] }

/** The generated site card (app/(frontend)/og-image.png); articles have their own. */
export const siteImage = {
  url: siteImagePath(),
  ...OG_SIZE,
  alt: `${SITE_NAME}: career data you can check`,
  type: 'image/png',
}

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
    openGraph: {
      type: 'website',
      siteName: SITE_NAME,
      locale: 'en_US',
      title,
      description,
      url: path,
      images: [siteImage],
    },
    twitter: { card: 'summary_large_image', title, description },
    ...(noindex ? { robots: { index: false, follow: true } } : {}),
  }
}
