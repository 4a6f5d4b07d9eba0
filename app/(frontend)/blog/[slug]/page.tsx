import type { Metadata } from 'next'
import { draftMode, headers } from 'next/headers'
import { notFound, permanentRedirect } from 'next/navigation'

import type { Article } from '@payload-types'
import { ArticleCardGrid } from '@/components/ArticleCard'
import { LivePreviewListener } from '@/components/LivePreviewListener'
import { WhatChanged } from '@/components/WhatChanged'
import { getArticleBySlug, getArticlePreview, getFigureChanges, getRedirectForSlug, listPublishedSlugs, toCard } from '@/data'
import { relationId } from '@/lib/lexical'
import { serverUrl } from '@/lib/env'
import { contentModifiedAt } from '@/lib/articleDates'
import { formatMonthYear } from '@/lib/format'
import { articlePath, blogPath, categoryPath } from '@/lib/paths'
import { RichText } from '@/rendering/RichText'

export const revalidate = false

type Args = { params: Promise<{ slug: string }> }

export async function generateStaticParams() {
  return (await listPublishedSlugs()).map((slug) => ({ slug }))
}

async function loadArticle(slug: string, preview: boolean): Promise<Article> {
  const article = (preview ? await getArticlePreview(slug, await headers()) : null) ?? (await getArticleBySlug(slug))
  if (article) return article
  const movedTo = await getRedirectForSlug(slug)
  if (movedTo) permanentRedirect(articlePath(movedTo))
  notFound()
}

export async function generateMetadata({ params }: Args): Promise<Metadata> {
  const { slug } = await params
  const article = await getArticleBySlug(slug)
  if (!article) return { title: 'Page not found' }
  const title = article.meta?.title || article.title
  const description = article.meta?.description || article.excerpt
  return {
    title: { absolute: title.includes('Valenx Press') ? title : `${title} | Valenx Press` },
    description,
    alternates: { canonical: articlePath(article.slug as string) },
    openGraph: {
      type: 'article',
      title,
      description,
      url: articlePath(article.slug as string),
      publishedTime: article.publishedAt ?? undefined,
      modifiedTime: contentModifiedAt(article),
    },
    twitter: { card: 'summary_large_image', title, description },
  }
}

export default async function ArticlePage({ params }: Args) {
  const { slug } = await params
  const { isEnabled: preview } = await draftMode()
  const article = await loadArticle(slug, preview)
  const category = typeof article.category === 'object' ? article.category : null
  const related = (article.relatedPosts ?? []).filter((post): post is Article => typeof post === 'object' && post !== null).map(toCard)
  const modifiedAt = contentModifiedAt(article)
  const changes = await getFigureChanges((article.salaryTables ?? []).map(relationId).filter((id): id is string => Boolean(id)))
  return (
    <article className="article">
      {preview ? (
        <p className="preview-banner" role="status">
          Preview of the latest draft. <a href={`/next/exit-preview?path=${encodeURIComponent(`/blog/${slug}`)}`}>Leave preview</a>
        </p>
      ) : null}
      {preview ? <LivePreviewListener serverURL={serverUrl()} /> : null}
      <header className="article-header">
        <p className="article-meta">
          Valenx Press
          {category ? (
            <>
              {' · '}
              <a href={categoryPath(category.slug as string)}>{category.title}</a>
            </>
          ) : null}
          {article.readingTime ? ` · ${article.readingTime} min read` : null}
        </p>
        <h1>{article.title}</h1>
        <p className="article-updated">
          Updated <time dateTime={modifiedAt}>{formatMonthYear(modifiedAt)}</time>
        </p>
      </header>
      <RichText data={article.content} className="prose article-body" />
      <WhatChanged changes={changes} />
      <nav className="article-footer-nav" aria-label="Blog">
        <a href={blogPath()}>← Back to Blog</a>
      </nav>
      {related.length ? (
        <section className="related" aria-labelledby="related-title">
          <div className="related-header">
            <h2 id="related-title">Related Posts</h2>
            <a href={blogPath()}>View All Posts →</a>
          </div>
          <ArticleCardGrid articles={related} />
        </section>
      ) : null}
    </article>
  )
}
