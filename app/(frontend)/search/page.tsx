import type { Metadata } from 'next'

import { ArticleCardGrid } from '@/components/ArticleCard'
import { normalizeQuery, searchArticles } from '@/data'
import { blogPath, searchPath } from '@/lib/paths'
import { pageMetadata } from '@/seo/metadata'
import { SITE_NAME } from '@/seo/site'

type Args = { searchParams: Promise<{ q?: string | string[] }> }

const titleFor = (query: string) => (query ? `Search results for “${query}”` : 'Search')

export async function generateMetadata({ searchParams }: Args): Promise<Metadata> {
  const query = normalizeQuery((await searchParams).q)
  return pageMetadata({
    title: titleFor(query),
    description: `Search every ${SITE_NAME} article: titles, summaries and the full text, tables included.`,
    // Every query shares one canonical address; result pages are for readers, not for an index.
    path: searchPath(),
    noindex: true,
  })
}

/** Rendered per request (it reads the query); a plain GET form, so it works without JavaScript. */
export default async function SearchPage({ searchParams }: Args) {
  const query = normalizeQuery((await searchParams).q)
  const results = query ? await searchArticles(query) : []
  return (
    <div className="page-wide">
      <h1>{titleFor(query)}</h1>
      <form className="search-form" method="get" action={searchPath()} role="search">
        <label htmlFor="search-query">Search articles</label>
        <input id="search-query" type="search" name="q" defaultValue={query} maxLength={100} autoComplete="off" />
        <button type="submit">Search</button>
      </form>
      {query ? (
        results.length ? (
          <section aria-labelledby="results-title">
            <h2 id="results-title" className="search-count">
              {results.length === 1 ? '1 article' : `${results.length} articles`}
            </h2>
            <ArticleCardGrid articles={results} />
          </section>
        ) : (
          <div className="search-empty" role="status">
            <p>
              No articles match “{query}”. Try fewer or more general words (a role such as “ML Engineer”, a skill such
              as “PyTorch”), check the spelling, or <a href={blogPath()}>browse every article</a>.
            </p>
          </div>
        )
      ) : (
        <p>Search titles, summaries and the full text of every article, tables included.</p>
      )}
    </div>
  )
}
