/** Pages listed around the current one; the rest are reached through the first and last. */
const NEIGHBOURS = 2

/**
 * The page numbers to link: the first, the last, and the current page with its neighbours, with
 * `null` where a run of pages is left out. Crawlers still reach every article through the sitemap
 * and the newer/older links; a reader is not handed 800 numbers.
 */
export function pageNumbers(page: number, totalPages: number): (number | null)[] {
  const shown = new Set([1, totalPages])
  for (let number = page - NEIGHBOURS; number <= page + NEIGHBOURS; number++)
    if (number >= 1 && number <= totalPages) shown.add(number)
  const sorted = [...shown].sort((a, b) => a - b)
  return sorted.flatMap((number, index) => (index > 0 && number - sorted[index - 1] > 1 ? [null, number] : [number]))
}

/** Real links, so paging works without JavaScript. */
export function Pagination({
  page,
  totalPages,
  pathFor,
}: {
  page: number
  totalPages: number
  pathFor: (page: number) => string
}) {
  if (totalPages <= 1) return null
  return (
    <nav className="pagination" aria-label="Pagination">
      {page > 1 ? (
        <a href={pathFor(page - 1)} rel="prev">
          ← Newer
        </a>
      ) : null}
      <ol>
        {pageNumbers(page, totalPages).map((number, index) => (
          <li key={number ?? `gap-${index}`}>
            {number === null ? (
              <span aria-hidden="true">…</span>
            ) : number === page ? (
              <span aria-current="page">{number}</span>
            ) : (
              <a href={pathFor(number)} aria-label={`Page ${number}`}>
                {number}
              </a>
            )}
          </li>
        ))}
      </ol>
      {page < totalPages ? (
        <a href={pathFor(page + 1)} rel="next">
          Older →
        </a>
      ) : null}
    </nav>
  )
}
