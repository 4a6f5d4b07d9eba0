import type { Metadata } from 'next'

import { ArticleCardGrid } from '@/components/ArticleCard'
import { listArticles, listFeaturedArticles } from '@/data'
import { blogPath, homePath } from '@/lib/paths'
import { pageMetadata } from '@/seo/metadata'
import { SITE_DESCRIPTION, SITE_NAME } from '@/seo/site'

export const revalidate = false

export const metadata: Metadata = {
  ...pageMetadata({ title: SITE_NAME, description: SITE_DESCRIPTION, path: homePath() }),
  // The home page is the site: its name alone, not "Valenx Press | Valenx Press".
  title: { absolute: `${SITE_NAME}: career data you can check` },
}

export default async function HomePage() {
  const [featured, newest] = await Promise.all([listFeaturedArticles(), listArticles(1)])
  const featuredIds = new Set(featured.map((article) => article.id))
  const latest = newest.cards.filter((article) => !featuredIds.has(article.id)).slice(0, 6)
  return (
    <div className="page-wide">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">Career data you can check</h1>
        <p className="lede">
          Salaries, demand and skills for technical careers, with every figure sourced and kept current.
        </p>
      </section>
      {featured.length ? (
        <section aria-labelledby="featured-title">
          <h2 id="featured-title">Featured</h2>
          <ArticleCardGrid articles={featured} />
        </section>
      ) : null}
      <section aria-labelledby="latest-title">
        <h2 id="latest-title">Latest</h2>
        <ArticleCardGrid articles={latest} />
        <p className="more-link">
          <a href={blogPath()}>View All Posts →</a>
        </p>
      </section>
    </div>
  )
}
