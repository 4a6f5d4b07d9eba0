import type { SearchResult } from '@/data'
import type { TextRun } from '@/lib/highlight'
import { formatMonthYear } from '@/lib/format'
import { articlePath, categoryPath } from '@/lib/paths'

/** Text with the query's words in `<mark>`: runs from src/lib/highlight.ts, rendered as text, never as markup. */
export function Marked({ runs }: { runs: TextRun[] }) {
  return <>{runs.map((run, index) => (run.mark ? <mark key={index}>{run.text}</mark> : run.text))}</>
}

/** Search results: title (words marked), category and date, and the passage that matched. */
export function SearchResultList({ results }: { results: SearchResult[] }) {
  return (
    <ol className="search-results">
      {results.map((result) => (
        <li key={result.id} className="search-result">
          <p className="card-meta">
            {result.category ? <a href={categoryPath(result.category.slug ?? '')}>{result.category.title}</a> : null}
            {result.readingTime ? <span> · {result.readingTime} min read</span> : null}
            <span>
              {' · Updated '}
              <time dateTime={result.modifiedAt}>{formatMonthYear(result.modifiedAt)}</time>
            </span>
          </p>
          <h3 className="search-result-title">
            <a href={articlePath(result.slug)}>
              <Marked runs={result.titleRuns} />
            </a>
          </h3>
          {result.snippet.length ? (
            <p className="search-snippet">
              <Marked runs={result.snippet} />
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  )
}
