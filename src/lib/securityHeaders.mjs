// Response headers for every route, read by next.config.mjs (plain JavaScript so the config can
// import it before anything is compiled) and checked by tests/int/security-headers.test.ts.

/**
 * The reader pages' Content-Security-Policy.
 *
 * Scripts: 'self' plus 'unsafe-inline'. Next's App Router writes its bootstrap and the RSC payload as
 * inline scripts. The only ways to allow them without 'unsafe-inline' are nonces, which make every
 * page render per request (no static HTML, no ISR cache: the reader pages' whole performance
 * budget), or hashes, which change with every page's payload. What keeps injected script out is
 * that no content reaches the page as markup (tests/e2e/security.spec.ts proves it) and that this
 * policy still forbids every other origin, plugins, `<base>` rewriting and foreign form targets.
 *
 * Frames: frame-ancestors 'self' lets the admin's live preview (same origin) show the pages and
 * nothing else frame them; X-Frame-Options says the same to older browsers.
 */
export const readerCsp = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-src 'self'",
  "frame-ancestors 'self'",
  "manifest-src 'self'",
].join('; ')

/**
 * The admin's: Payload's admin relies on inline styles and scripts and blob: workers, so it gets no
 * script or style restrictions, only the frame, plugin and <base> rules that cost it nothing.
 */
export const adminCsp = ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'self'"].join('; ')

export const baselineHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  // Nothing on the site uses these; saying so means an injected frame or script cannot either.
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
]

/**
 * Route patterns (path-to-regexp, as Next reads them). The reader policy covers everything except
 * the admin and the GraphQL playground (development only, it loads its assets from a CDN); when
 * several rules set the same header, the later one wins in Next, so the admin's comes last.
 */
export const READER_SOURCE = '/((?!admin(?:/|$)|api/graphql-playground(?:/|$)).*)'
export const ADMIN_SOURCE = '/admin/:path*'

/** @returns {{ source: string, headers: { key: string, value: string }[] }[]} */
export function securityHeaders() {
  return [
    { source: '/:path*', headers: baselineHeaders },
    { source: READER_SOURCE, headers: [{ key: 'Content-Security-Policy', value: readerCsp }] },
    { source: ADMIN_SOURCE, headers: [{ key: 'Content-Security-Policy', value: adminCsp }] },
  ]
}
