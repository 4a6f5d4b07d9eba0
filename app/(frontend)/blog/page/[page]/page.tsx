import type { Metadata } from 'next'
import { permanentRedirect } from 'next/navigation'

import { ArticleList } from '@/components/ArticleList'
import { blogPath } from '@/lib/paths'
import { pageMetadata } from '@/seo/metadata'
import { SITE_NAME } from '@/seo/site'

export const revalidate = false

type Args = { params: Promise<{ page: string }> }

export function generateStaticParams() {
  return []
}

export async function generateMetadata({ params }: Args): Promise<Metadata> {
  const page = Number((await params).page)
  return pageMetadata({
    title: `Blog, page ${page}`,
    description: `${SITE_NAME} articles, newest first: page ${page}.`,
    path: blogPath(page),
  })
}

export default async function BlogPage({ params }: Args) {
  const page = Number((await params).page)
  if (page === 1) permanentRedirect(blogPath())
  return (
    <div className="page-wide">
      <h1>Blog, page {page}</h1>
      <ArticleList page={page} pathFor={blogPath} />
    </div>
  )
}
