// Stage 4, uncached renders: the first request to pages no cache holds yet. The build renders
// nothing (it has no database), so every page is rendered on its first request; the demo article
// was already requested by the cold start, and the server warms nothing up (WARM_UP=0). A
// salary-table save (which revalidates every article list, as an editor's would) comes before the
// second group, so those are re-renders after a change: data and HTML both rebuilt.
import { log } from './context.mjs'
import { timedGet, GZIP } from './http.mjs'
import { ARTICLE_PATH, DEMO_ARTICLES, PAGE_SIZE } from './options.mjs'

/**
 * The blog index page the load and this stage measure: page 10, or the last when there are fewer.
 * @param {import('./context.mjs').BenchContext['result']} result
 */
export function listPageOf(result) {
  const totalArticles = result.seededArticles + DEMO_ARTICLES
  return totalArticles >= 120 ? 10 : Math.max(1, Math.ceil(totalArticles / PAGE_SIZE))
}

/**
 * @param {import('./context.mjs').BenchContext} bench
 * @param {import('./editor-api.mjs').Editor} editor
 */
export async function uncachedRenders({ base, result }, editor) {
  const firstRequest = async (name, urlPath) => {
    const response = await timedGet(base + urlPath, { headers: GZIP })
    const entry = {
      name,
      path: urlPath,
      ms: Math.round(response.ms),
      status: response.status,
      cache: response.headers.get('x-nextjs-cache'),
      frontCache: response.headers.get('x-front-cache'),
    }
    result.uncached.push(entry)
    log(`uncached ${name} ${urlPath}: ${entry.ms} ms (${entry.status}${entry.cache ? `, ${entry.cache}` : ''})`)
  }
  const listPage = listPageOf(result)
  // Two categories: the first request into a route also loads its code, the second is the render alone.
  await firstRequest('category page', '/blog/category/comparisons')
  await firstRequest('second category page', '/blog/category/career-paths')
  await firstRequest(`blog page ${listPage}`, `/blog/page/${listPage}`)
  await editor.saveRows(editor.table.rows)
  for (const [name, urlPath] of [
    ['blog index', '/blog'],
    ['sitemap index', '/sitemap.xml'],
    ['sitemap articles', '/sitemaps/articles-1.xml'],
    ['sitemap pages', '/sitemaps/pages.xml'],
    ['feed', '/feed.xml'],
    ['home', '/'],
    ['article', ARTICLE_PATH],
  ]) {
    await firstRequest(name, urlPath)
  }
}
