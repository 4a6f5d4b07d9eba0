import type { Article, Media } from '@payload-types'

import { absoluteUrl } from './site'

export type SocialImage = { url: string; width?: number; height?: number; alt: string }

/**
 * The image an article shares with: the SEO plugin's meta image first, then the hero image. Prefers
 * the 1200×630 `og` size the Media collection generates. Null when neither is set (or readable),
 * so the page falls back to its generated Open Graph image.
 */
export function articleImage(article: Pick<Article, 'meta' | 'heroImage'>): SocialImage | null {
  for (const candidate of [article.meta?.image, article.heroImage]) {
    if (!candidate || typeof candidate !== 'object') continue
    const media = candidate as Media
    const og = media.sizes?.og
    const url = og?.url || media.url
    if (!url) continue
    return {
      url: absoluteUrl(url),
      width: (og?.url ? og.width : media.width) ?? undefined,
      height: (og?.url ? og.height : media.height) ?? undefined,
      alt: media.alt,
    }
  }
  return null
}
