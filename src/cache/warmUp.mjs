// The production server's warm-up (server.mjs): right after it starts listening, it requests the
// pages readers ask for most, one at a time, as a reader would (gzip accepted, no cookie). The
// build renders nothing (it has no database), so without this the first reader of each page
// after a start or a deploy waits for its render; with it they are in Next's cache and the front
// cache before traffic arrives. One request at a time, so a server that is already taking traffic
// keeps most of its CPU for it. Plain JavaScript: the server loads it before Next.
//   WARM_UP=0                 no warm-up
//   WARM_UP_ARTICLES=N        the N most recently published articles (default 20)

/** The pages every visitor's path goes through: the home page, the index, the feed and the sitemaps. */
const SITE_PAGES = ['/', '/blog', '/feed.xml', '/sitemap.xml', '/sitemaps/pages.xml']

/**
 * The newest published articles' addresses, through the public REST API (an anonymous client sees
 * published articles only).
 * @param {string} origin
 * @param {number} count
 */
async function newestArticles(origin, count) {
  if (count <= 0) return []
  const query = `limit=${count}&sort=-publishedAt&depth=0&select[slug]=true`
  const response = await fetch(`${origin}/api/articles?${query}`, { signal: AbortSignal.timeout(60_000) })
  if (!response.ok) throw new Error(`GET /api/articles answered ${response.status}`)
  const { docs } = /** @type {{ docs: { slug?: string }[] }} */ (await response.json())
  return docs.filter((doc) => doc.slug).map((doc) => `/blog/${encodeURIComponent(String(doc.slug))}`)
}

/**
 * Requests the busiest pages once each; resolves with what it did (never rejects).
 * @param {string} origin the server's own address, e.g. http://127.0.0.1:3000
 * @param {{ articles?: number }} [options]
 */
export async function warmUp(origin, { articles = 20 } = {}) {
  const started = performance.now()
  const paths = [...SITE_PAGES]
  const failures = []
  try {
    paths.push(...(await newestArticles(origin, articles)))
  } catch (error) {
    failures.push(`the article list: ${error instanceof Error ? error.message : error}`)
  }
  let rendered = 0
  for (const urlPath of paths) {
    try {
      const response = await fetch(origin + urlPath, {
        headers: { 'accept-encoding': 'gzip' },
        signal: AbortSignal.timeout(60_000),
      })
      await response.arrayBuffer()
      if (response.ok) rendered += 1
      else failures.push(`${urlPath}: ${response.status}`)
    } catch (error) {
      failures.push(`${urlPath}: ${error instanceof Error ? error.message : error}`)
    }
  }
  return { pages: paths.length, rendered, ms: Math.round(performance.now() - started), failures }
}
