import type { RecommendedReadingBlock } from '@payload-types'
import { isHttpUrl } from '@/fields/url'
import { articlePath } from '@/lib/paths'

type Props = Omit<RecommendedReadingBlock, 'blockType'> & { blockType?: string }

/**
 * A card linking to one of our articles, under the article's own current title, or to a web address
 * under the link text typed for it. A title typed for an internal link is not shown: it was a copy
 * of the article's title when the card was made ("0→1 AI Engineer Playbook" for "The 0→1 AI Engineer
 * Playbook") and went stale the moment the article was renamed.
 */
export function RecommendedReadingView({ label, linkType, article, url, title, blurb }: Props) {
  let href: string | null = null
  let linkText = title ?? ''
  if (linkType === 'internal') {
    // An unpublished target arrives as a bare id: the card disappears instead of linking to a 404.
    if (!article || typeof article !== 'object') return null
    href = articlePath(article.slug as string)
    linkText = article.title
  } else if (isHttpUrl(url)) {
    href = url
  }
  if (!href || !linkText) return null
  return (
    <aside className="recommended" aria-label={label}>
      <p className="recommended-label">{label}</p>
      <a className="recommended-link" href={href} rel={linkType === 'external' ? 'noopener' : undefined}>
        {linkText} <span aria-hidden="true">→</span>
      </a>
      {blurb ? <p className="recommended-blurb">{blurb}</p> : null}
    </aside>
  )
}
