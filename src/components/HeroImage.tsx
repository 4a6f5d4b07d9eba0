import type { Media } from '@payload-types'

/**
 * The article's hero image under its title, with the alt text the editor gave it (required on
 * upload) and its caption. A plain <img> with the sizes the Media collection generates: reader
 * pages ship no client script (src/server/plainHtml.mjs), and next/image would route every
 * request through the image optimizer for sizes that already exist.
 */
export function HeroImage({ image }: { image: Media | string | null | undefined }) {
  if (!image || typeof image !== 'object' || !image.url) return null
  const candidates = [image.sizes?.thumbnail, image.sizes?.card, image]
    .filter((size): size is { url: string; width: number } => Boolean(size?.url && size.width))
    .map((size) => `${size.url} ${size.width}w`)
  return (
    <figure className="article-hero">
      {/* eslint-disable-next-line @next/next/no-img-element -- see above */}
      <img
        src={image.sizes?.card?.url || image.url}
        srcSet={candidates.length ? [...new Set(candidates)].join(', ') : undefined}
        sizes="(max-width: 48rem) 100vw, 48rem"
        alt={image.alt}
        width={image.width ?? undefined}
        height={image.height ?? undefined}
        fetchPriority="high"
      />
      {image.caption ? <figcaption>{image.caption}</figcaption> : null}
    </figure>
  )
}
