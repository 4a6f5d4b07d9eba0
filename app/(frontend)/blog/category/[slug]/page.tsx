import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ArticleList } from '@/components/ArticleList'
import { getCategoryBySlug } from '@/data'
import { categoryPath } from '@/lib/paths'
import { pageMetadata } from '@/seo/metadata'
import { SITE_NAME } from '@/seo/site'

export const revalidate = false

type Args = { params: Promise<{ slug: string }> }

export function generateStaticParams() {
  return []
}

export async function generateMetadata({ params }: Args): Promise<Metadata> {
  const { slug } = await params
  const category = await getCategoryBySlug(slug)
  if (!category) return {}
  const description = category.description || `${SITE_NAME} articles in ${category.title}, newest first.`
  return pageMetadata({ title: category.title, description, path: categoryPath(slug) })
}

export default async function CategoryPage({ params }: Args) {
  const { slug } = await params
  const category = await getCategoryBySlug(slug)
  if (!category) notFound()
  return (
    <div className="page-wide">
      <h1>{category.title}</h1>
      {category.description ? <p className="lede">{category.description}</p> : null}
      <ArticleList page={1} categorySlug={slug} pathFor={(page) => categoryPath(slug, page)} />
    </div>
  )
}
