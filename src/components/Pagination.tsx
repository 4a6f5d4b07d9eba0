/** Real links to each page, so paging works without JavaScript and crawlers reach every article. */
export function Pagination({ page, totalPages, pathFor }: { page: number; totalPages: number; pathFor: (page: number) => string }) {
  if (totalPages <= 1) return null
  return (
    <nav className="pagination" aria-label="Pagination">
      {page > 1 ? (
        <a href={pathFor(page - 1)} rel="prev">
          ← Newer
        </a>
      ) : null}
      <ol>
        {Array.from({ length: totalPages }, (_, index) => index + 1).map((number) => (
          <li key={number}>
            {number === page ? (
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
