import { ogImage } from '@/seo/ogImage'
import { SITE_NAME } from '@/seo/site'

/**
 * The site-wide share card, at a fixed address that every page's metadata names. A site-wide
 * opengraph-image.tsx would not do: in a route group its URL gets a hash suffix, and Next drops a
 * parent segment's generated image as soon as a page sets its own Open Graph fields.
 */
export const dynamic = 'force-static'

export function GET() {
  return ogImage({
    eyebrow: SITE_NAME.toUpperCase(),
    title: 'Career data you can check',
    footer: 'Salaries, demand and skills, every figure sourced',
  })
}
