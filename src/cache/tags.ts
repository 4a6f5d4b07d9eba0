/**
 * Cache tags name what a cached page shows. A change revalidates exactly the tags it touches:
 * the article's own page, every list of articles, and the pages that cite it.
 */
export const cacheTags = {
  /** Every list of articles: home, blog index pages, category pages, sitemap, feed, search. */
  articleLists: 'articles',
  article: (slug: string) => `article:${slug}`,
  salaryTable: (id: string) => `salary-table:${id}`,
  categories: 'categories',
  site: 'site',
} as const
