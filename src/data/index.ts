/**
 * Everything the public pages read: the folder's public face, re-exports only. Each read asks the
 * Local API as an anonymous reader and is cached under the tags the collections' hooks revalidate
 * (./read.ts).
 */
export { getArticleBySlug, getArticlePreview, getRedirectForSlug } from './articles'
export { getAuthorNames } from './authors'
export { cardPopulate, cardSelect, listArticles, listFeaturedArticles, PAGE_SIZE, toCard } from './cards'
export type { ArticleCardData, ArticlePage } from './cards'
export { getSitemapOverview, listRecentArticleEntries, listSitemapEntries } from './feeds'
export { readPublishedArticleEntries, readSitemapEntries, readSitemapOverview } from './feeds'
export type { ArticleEntry, SitemapEntry, SitemapOverview } from './feeds'
export { payloadClient } from './payload'
export { getSitemapFileDates, readSitemapFileDates } from './sitemapFiles'
export { MAX_QUERY_LENGTH, MAX_RESULTS, normalizeQuery, searchArticles, searchResults } from './search'
export type { SearchResult, SearchResults } from './search'
export { getCategoryBySlug, getSite } from './site'
export { getFigureChanges, getSalaryTable } from './tables'
