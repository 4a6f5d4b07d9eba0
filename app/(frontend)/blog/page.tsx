import type { Metadata } from 'next'

import { ArticleList } from '@/components/ArticleList'
import { blogPath } from '@/lib/paths'
import { pageMetadata } from '@/seo/metadata'
import { SITE_NAME } from '@/seo/site'

export const revalidate = false

export const metadata: Metadata = pageMetadata({
  title: 'Blog',
  description: `Every ${SITE_NAME} article, newest first.`,
  path: blogPath(),
})

export default function BlogIndexPage() {
  return (
    <div className="page-wide">
      <h1>Blog</h1>
      <ArticleList page={1} pathFor={blogPath} />
    </div>
  )
}
