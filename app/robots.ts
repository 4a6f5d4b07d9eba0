// At the app root: Next serves robots.txt only from there (a route group is not enough, unlike sitemap.ts).
import type { MetadataRoute } from 'next'

import { homePath, sitemapPath } from '@/lib/paths'
import { absoluteUrl } from '@/seo/site'

export default function robots(): MetadataRoute.Robots {
  return {
    // The admin and the API are for editors and clients, not for an index.
    rules: [{ userAgent: '*', allow: homePath(), disallow: ['/admin', '/api'] }],
    sitemap: absoluteUrl(sitemapPath()),
  }
}
