import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'

import { ArticleList } from '@/components/ArticleList'
import { getCategoryBySlug } from '@/data'
import { categoryPath } from '@/lib/paths'
import { pageMetadata } from '@/seo/metadata'
import { SITE_NAME } from '@/seo/site'

export const revalidate = false

type Args = { params: Promise<{ slug: string; page: string }> }

export function generateStaticParams() {
  return []
}

export async function generateMetadata({ params }: Args): Promise<Metadata> {
  const { slug, page } = await params
  const category = await getCategoryBySlug(slug)
  if (!category) return {}
  const description = `${SITE_NAME} articles in ${category.title}, newest first: page ${page}.`
  return pageMetadata({ title: `${category.title}, page ${page}`, description, path: categoryPath(slug, Number(page)) })
}

export default async function CategoryPageN({ params }: Args) {
  const { slug, page: pageParam } = await params
  const page = Number(pageParam)
  if (page === 1) permanentRedirect(categoryPath(slug))
  const category = await getCategoryBySlug(slug)
  if (!category) notFound()
  return (
    <div className="page-wide">
      <h1>
        {category.title}, page {page}
      </h1>
      <ArticleList page={page} categorySlug={slug} pathFor={(number) => categoryPath(slug, number)} />
    </div>
  )
}
