import { notFound } from 'next/navigation'

import { listArticles } from '@/data'

import { ArticleCardGrid } from './ArticleCard'
import { Pagination } from './Pagination'

/** One page of the blog index or of a category, shared by both so they page the same way. */
export async function ArticleList({
  page,
  categorySlug,
  pathFor,
}: {
  page: number
  categorySlug?: string
  pathFor: (page: number) => string
}) {
  if (!Number.isInteger(page) || page < 1) notFound()
  const result = await listArticles(page, categorySlug)
  if (page > 1 && page > result.totalPages) notFound()
  return (
    <>
      {result.cards.length ? <ArticleCardGrid articles={result.cards} headingLevel="h2" /> : <p>No articles yet.</p>}
      <Pagination page={result.page} totalPages={result.totalPages} pathFor={pathFor} />
    </>
  )
}
