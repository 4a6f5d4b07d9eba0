import type { MetadataRoute } from 'next'

import { absoluteUrl } from '@/seo/site'

export default function robots(): MetadataRoute.Robots {
  return {
    // The admin and the API are for editors and clients, not for an index.
    rules: [{ userAgent: '*', allow: '/', disallow: ['/admin', '/api'] }],
    sitemap: absoluteUrl('/sitemap.xml'),
  }
}
