/** Public URLs, built in one place so links, sitemap, feed and canonical URLs agree. */
export const articlePath = (slug: string) => `/blog/${slug}`
export const blogPath = (page = 1) => (page <= 1 ? '/blog' : `/blog/page/${page}`)
export const categoryPath = (slug: string, page = 1) => (page <= 1 ? `/blog/category/${slug}` : `/blog/category/${slug}/page/${page}`)
export const salaryTableCsvPath = (id: string) => `/data/salary-tables/${id}.csv`
export const searchPath = (query?: string) => (query ? `/search?q=${encodeURIComponent(query)}` : '/search')
