import { getArticleBySlug } from '@/data'
import { OG_CONTENT_TYPE, OG_SIZE, ogImage } from '@/seo/ogImage'
import { SITE_NAME } from '@/seo/site'

// Only used when the article has no meta or hero image of its own (see generateMetadata).
export const alt = `${SITE_NAME} article`
export const size = OG_SIZE
export const contentType = OG_CONTENT_TYPE
export const revalidate = false

export default async function ArticleOpenGraphImage({ params }: { params: Promise<{ slug: string }> }) {
  const article = await getArticleBySlug((await params).slug)
  const category = article && typeof article.category === 'object' ? article.category?.title : undefined
  return ogImage({
    eyebrow: (category ?? 'Blog').toUpperCase(),
    title: article?.title ?? SITE_NAME,
    footer: article?.readingTime ? `${article.readingTime} min read` : 'Career data you can check',
  })
}
