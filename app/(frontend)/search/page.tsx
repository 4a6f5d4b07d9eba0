import type { Metadata } from 'next'

import { SearchResultList } from '@/components/SearchResultList'
import { MAX_RESULTS, normalizeQuery, searchResults } from '@/data'
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

const countLine = (count: number, more: boolean) =>
  more ? `More than ${MAX_RESULTS} articles match` : count === 1 ? '1 article matches' : `${count} articles match`

/** Rendered per request (it reads the query); a plain GET form, so it works without JavaScript. */
export default async function SearchPage({ searchParams }: Args) {
  const query = normalizeQuery((await searchParams).q)
  const { results, more } = query ? await searchResults(query) : { results: [], more: false }
  return (
    <div className="page-narrow search-page">
      <h1>{titleFor(query)}</h1>
      <form className="search-form" method="get" action={searchPath()} role="search">
        <label htmlFor="search-query">Search articles</label>
        <div className="search-field">
          <input
            id="search-query"
            type="search"
            name="q"
            defaultValue={query}
            maxLength={100}
            autoComplete="off"
            placeholder="A role, a skill, a company…"
          />
          <button type="submit">Search</button>
        </div>
      </form>
      {query ? (
        results.length ? (
          <section aria-labelledby="results-title">
            <h2 id="results-title" className="search-count">
              {countLine(results.length, more)}
            </h2>
            {more ? (
              <p className="search-more">
                Showing the first {MAX_RESULTS}, titles that match first. Add a word to narrow the search.
              </p>
            ) : null}
            <SearchResultList results={results} />
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
        <p className="search-hint">Search titles, summaries and the full text of every article, tables included.</p>
      )}
    </div>
  )
}
