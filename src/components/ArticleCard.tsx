import type { ArticleCardData } from '@/data'
import { formatMonthYear } from '@/lib/format'
import { articlePath, categoryPath } from '@/lib/paths'

export function ArticleCard({
  article,
  headingLevel = 'h3',
}: {
  article: ArticleCardData
  headingLevel?: 'h2' | 'h3'
}) {
  const Heading = headingLevel
  return (
    <article className="card">
      <p className="card-meta">
        {article.category ? <a href={categoryPath(article.category.slug ?? '')}>{article.category.title}</a> : null}
        {article.readingTime ? <span> · {article.readingTime} min read</span> : null}
        <span>
          {' · Updated '}
          <time dateTime={article.modifiedAt}>{formatMonthYear(article.modifiedAt)}</time>
        </span>
      </p>
      <Heading className="card-title">
        <a href={articlePath(article.slug)}>{article.title}</a>
      </Heading>
      <p className="card-excerpt">{article.excerpt}</p>
    </article>
  )
}

export function ArticleCardGrid({
  articles,
  headingLevel,
}: {
  articles: ArticleCardData[]
  headingLevel?: 'h2' | 'h3'
}) {
  // The count lets a narrow grid (related posts) choose columns that leave no card alone (lists.css).
  return (
    <div className={`card-grid cards-${articles.length}`}>
      {articles.map((article) => (
        <ArticleCard key={article.id} article={article} headingLevel={headingLevel} />
      ))}
    </div>
  )
}
