import { getPathMatch } from 'next/dist/shared/lib/router/utils/path-match'
import { matchHas } from 'next/dist/shared/lib/router/utils/prepare-destination'
import { describe, expect, it } from 'vitest'

import { adminCsp, HSTS, readerCsp, securityHeaders, xmlCsp } from '@/config/securityHeaders.mjs'

/**
 * Which response headers each route gets, resolved as Next resolves next.config.mjs `headers()`
 * (its own path matcher; a later rule's header replaces an earlier one's; trailing slashes are
 * redirected away before headers apply). The e2e suite checks the
 * same on the production server; this pins the route patterns, which are easy to get subtly wrong.
 */

function headersFor(
  pathname: string,
  { serverUrl, request = {} }: { serverUrl?: string; request?: Record<string, string> } = {},
): Record<string, string> {
  const result: Record<string, string> = {}
  for (const rule of securityHeaders(serverUrl)) {
    if (!getPathMatch(rule.source, { strict: false })(pathname)) continue
    if (rule.has && !matchHas({ headers: request } as never, {}, rule.has as never)) continue
    for (const { key, value } of rule.headers) result[key.toLowerCase()] = value
  }
  return result
}

describe('security headers', () => {
  const readerPaths = [
    '/',
    '/blog',
    '/blog/ai-engineer-vs-ml-engineer',
    '/blog/administrators-pay',
    '/search',
    '/api/articles',
    '/api/graphql',
    '/next/preview',
  ]

  it.each(readerPaths)('%s gets the baseline headers and the reader CSP', (path) => {
    const headers = headersFor(path)
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
    expect(headers['x-frame-options']).toBe('SAMEORIGIN')
    expect(headers['permissions-policy']).toMatch(/camera=\(\)/)
    expect(headers['content-security-policy']).toBe(readerCsp)
  })

  it.each(['/sitemap.xml', '/sitemaps/pages.xml', '/sitemaps/articles-12.xml', '/feed.xml'])(
    '%s (an XML file a reader may open) gets the XML policy: no script, the browser viewer’s inline styles',
    (path) => {
      const headers = headersFor(path)
      expect(headers['x-content-type-options']).toBe('nosniff')
      expect(headers['x-frame-options']).toBe('SAMEORIGIN')
      expect(headers['content-security-policy']).toBe(xmlCsp)
    },
  )

  it('the XML policy is the reader policy without any script, with inline styles', () => {
    const directives = Object.fromEntries(
      xmlCsp.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1).join(' ')]),
    )
    expect(directives['script-src']).toBe("'none'")
    expect(directives['style-src']).toBe("'self' 'unsafe-inline'")
    expect(directives['default-src']).toBe("'self'")
    expect(directives['frame-ancestors']).toBe("'self'")
    expect(directives['object-src']).toBe("'none'")
  })

  it.each(['/sitemap.xml.bak', '/sitemaps', '/blog/feed.xml'])('%s keeps the reader CSP', (path) => {
    expect(headersFor(path)['content-security-policy']).toBe(readerCsp)
  })

  it.each(['/admin', '/admin/login', '/admin/collections/articles/1'])(
    '%s gets the admin CSP, frame rules included',
    (path) => {
      const headers = headersFor(path)
      expect(headers['content-security-policy']).toBe(adminCsp)
      expect(headers['x-frame-options']).toBe('SAMEORIGIN')
    },
  )

  it('the reader CSP allows only this origin, and frames only by this origin', () => {
    const directives = Object.fromEntries(
      readerCsp.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1).join(' ')]),
    )
    expect(directives['default-src']).toBe("'self'")
    expect(directives['script-src']).toBe("'self' 'unsafe-inline'")
    expect(directives['style-src']).toBe("'self'")
    expect(directives['img-src']).toBe("'self' data: blob:")
    expect(directives['connect-src']).toBe("'self'")
    expect(directives['frame-ancestors']).toBe("'self'")
    expect(directives['object-src']).toBe("'none'")
    expect(readerCsp).not.toMatch(/\*|https?:|unsafe-eval/)
  })
})

describe('HSTS', () => {
  const paths = ['/', '/blog/ai-engineer-vs-ml-engineer', '/admin', '/api/articles', '/feed.xml']

  it.each(paths)('%s: not sent over plain HTTP (a local http:// address, no proxy saying otherwise)', (path) => {
    expect(headersFor(path, { serverUrl: 'http://localhost:3000' })['strict-transport-security']).toBeUndefined()
    expect(
      headersFor(path, { serverUrl: 'http://localhost:3000', request: { 'x-forwarded-proto': 'http' } })[
        'strict-transport-security'
      ],
    ).toBeUndefined()
  })

  it.each(paths)('%s: sent on every response when the public address is https://', (path) => {
    expect(headersFor(path, { serverUrl: 'https://valenx.example' })['strict-transport-security']).toBe(HSTS.value)
  })

  it.each(paths)('%s: sent when the TLS-terminating proxy says the reader came over HTTPS', (path) => {
    expect(
      headersFor(path, { serverUrl: 'http://localhost:3000', request: { 'x-forwarded-proto': 'https' } })[
        'strict-transport-security'
      ],
    ).toBe(HSTS.value)
    expect(headersFor(path, { request: { 'x-forwarded-proto': 'https, http' } })['strict-transport-security']).toBe(
      HSTS.value,
    )
  })

  it('asks for a year of HTTPS and binds no other host', () => {
    expect(HSTS.value).toBe('max-age=31536000')
  })
})
