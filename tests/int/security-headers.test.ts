import { getPathMatch } from 'next/dist/shared/lib/router/utils/path-match'
import { describe, expect, it } from 'vitest'

import { adminCsp, readerCsp, securityHeaders } from '@/lib/securityHeaders.mjs'

/**
 * Which response headers each route gets, resolved as Next resolves next.config.mjs `headers()`
 * (its own path matcher; a later rule's header replaces an earlier one's; trailing slashes are
 * redirected away before headers apply). The e2e suite checks the
 * same on the production server; this pins the route patterns, which are easy to get subtly wrong.
 */

function headersFor(pathname: string): Record<string, string> {
  const result: Record<string, string> = {}
  for (const rule of securityHeaders()) {
    if (!getPathMatch(rule.source, { strict: false })(pathname)) continue
    for (const { key, value } of rule.headers) result[key.toLowerCase()] = value
  }
  return result
}

describe('security headers', () => {
  const readerPaths = ['/', '/blog', '/blog/ai-engineer-vs-ml-engineer', '/blog/administrators-pay', '/search', '/feed.xml', '/sitemap.xml', '/api/articles', '/api/graphql', '/next/preview']

  it.each(readerPaths)('%s gets the baseline headers and the reader CSP', (path) => {
    const headers = headersFor(path)
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
    expect(headers['x-frame-options']).toBe('SAMEORIGIN')
    expect(headers['permissions-policy']).toMatch(/camera=\(\)/)
    expect(headers['content-security-policy']).toBe(readerCsp)
  })

  it.each(['/admin', '/admin/login', '/admin/collections/articles/1'])('%s gets the admin CSP, frame rules included', (path) => {
    const headers = headersFor(path)
    expect(headers['content-security-policy']).toBe(adminCsp)
    expect(headers['x-frame-options']).toBe('SAMEORIGIN')
  })

  it('the reader CSP allows only this origin, and frames only by this origin', () => {
    const directives = Object.fromEntries(readerCsp.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1).join(' ')]))
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
