import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { withPayload } from '@payloadcms/next/withPayload'

import { ADMIN_SOURCE, securityHeaders } from './src/config/securityHeaders.mjs'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Tests and benchmarks build into their own folder so they never replace the build `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  poweredByHeader: false,
  // Next's own cache, which also records each page's tags and tells the front cache and other
  // purgers when tags expire (src/cache/nextCacheHandler.mjs).
  cacheHandler: path.join(path.dirname(fileURLToPath(import.meta.url)), 'src/cache/nextCacheHandler.mjs'),
  images: { formats: ['image/avif', 'image/webp'] },
  async headers() {
    return securityHeaders()
  },
}

const withPayloadConfig = withPayload(nextConfig, { devBundleServerPackages: false })

/**
 * withPayload asks every response for the reader's colour scheme with `Critical-CH`, for the admin's
 * theme. On a reader's first visit Chrome then throws the page away and asks for it again: a whole
 * extra round trip before anything shows (Lighthouse counts it as a redirect). Only the admin reads
 * that hint, so only the admin asks for it.
 */
const payloadHeaders = withPayloadConfig.headers
withPayloadConfig.headers = async () =>
  (await payloadHeaders()).map((rule) =>
    rule.source === '/:path*' && rule.headers.some((header) => header.key.toLowerCase() === 'critical-ch')
      ? { ...rule, source: ADMIN_SOURCE }
      : rule,
  )

export default withPayloadConfig
