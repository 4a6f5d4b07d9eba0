/**
 * Every public address of the site, built in one place so links, redirects, the sitemap, the feed,
 * canonical URLs and preview links agree. The routes that serve them live under `app/(frontend)/`.
 */
export const homePath = () => '/'
export const articlePath = (slug: string) => `/blog/${slug}`
export const blogPath = (page = 1) => (page <= 1 ? '/blog' : `/blog/page/${page}`)
export const categoryPath = (slug: string, page = 1) =>
  page <= 1 ? `/blog/category/${slug}` : `/blog/category/${slug}/page/${page}`
export const salaryTableCsvPath = (id: string) => `/data/salary-tables/${id}.csv`
export const searchPath = (query?: string) => (query ? `/search?q=${encodeURIComponent(query)}` : '/search')

export const feedPath = () => '/feed.xml'
export const sitemapPath = () => '/sitemap.xml'
/** One file of the split sitemap: `pages` or `articles-N`. */
export const sitemapFilePath = (name: string) => `/sitemaps/${name}.xml`
/** The site-wide share card (app/(frontend)/og-image.png). */
export const siteImagePath = () => '/og-image.png'

/** Whether `path` is an article's address (the only pages a preview link may open). */
export const isArticlePath = (path: string): boolean => /^\/blog\/[a-z0-9-]+$/.test(path)

/** Draft mode on, then the page (app/(frontend)/next/preview); `secret` is the preview secret. */
export const previewPath = (path: string, secret: string) => `/next/preview?${new URLSearchParams({ path, secret })}`
/** Draft mode off, then back to the page (app/(frontend)/next/exit-preview). */
export const exitPreviewPath = (path: string) => `/next/exit-preview?path=${encodeURIComponent(path)}`
