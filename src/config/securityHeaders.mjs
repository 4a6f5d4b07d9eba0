// Response headers for every route, read by next.config.mjs (plain JavaScript so the config can
// import it before anything is compiled) and checked by tests/int/security-headers.test.ts.

/**
 * The reader pages' Content-Security-Policy.
 *
 * Scripts: 'self' plus 'unsafe-inline'. Next's App Router writes its bootstrap and the RSC payload as
 * inline scripts (the production server removes them from reader pages and sends those
 * `script-src 'none'` instead: plainPageCsp below; the preview and `next dev` keep them). The only ways to allow them without 'unsafe-inline' are nonces, which make every
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
 * A reader page served as plain HTML (src/server/plainHtml.mjs) runs no script at all, so its policy
 * says so: the inline bootstrap that 'unsafe-inline' was for is gone, and with it any way to run an
 * injected one. JSON-LD blocks are data, which script-src does not govern.
 * @param {string} csp the policy Next set for the page
 */
export const plainPageCsp = (csp) => csp.replace(/script-src [^;]*/, "script-src 'none'")

/**
 * The XML files' (sitemaps, the feed): the reader policy with no script at all, and inline styles
 * allowed. A browser shows an XML file with its own viewer, which styles the tree it draws with an
 * inline stylesheet; under `style-src 'self'` that viewer is blocked and the reader gets an unstyled
 * run of text and two console errors. An XSL stylesheet is no way out: Chromium now prints a
 * deprecation warning for XSLT and inserts a banner styled inline. Inline styles cost nothing here:
 * the files hold only escaped text (src/seo/sitemap.ts, the feed library), and no script may run.
 */
export const xmlCsp = readerCsp
  .replace("script-src 'self' 'unsafe-inline'", "script-src 'none'")
  .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")

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
 * HTTPS only, from now on: browsers that saw this over HTTPS refuse plain HTTP to this host for a
 * year (they ignore it over HTTP, and it is never sent on a local http:// address). No
 * includeSubDomains or preload: those bind hosts this app does not serve, the operator's decision.
 */
export const HSTS = { key: 'Strict-Transport-Security', value: 'max-age=31536000' }

/**
 * Behind a proxy that terminates TLS the app itself speaks HTTP, and the proxy says which protocol
 * the reader used. Next matches `has` values as whole-string regular expressions; a chain of
 * proxies lists the reader's protocol first ("https, http").
 */
export const FORWARDED_HTTPS = { type: 'header', key: 'x-forwarded-proto', value: 'https(?:\\s*,.*)?' }

/** The public address is HTTPS: every response says so, whatever the proxy in front reports. */
export const isHttpsUrl = (url = '') => url.trim().toLowerCase().startsWith('https://')

/**
 * Route patterns (path-to-regexp, as Next reads them). The reader policy covers everything except
 * the admin and the GraphQL playground (development only, it loads its assets from a CDN); when
 * several rules set the same header, the later one wins in Next, so the admin's comes last.
 */
export const READER_SOURCE = '/((?!admin(?:/|$)|api/graphql-playground(?:/|$)).*)'
export const ADMIN_SOURCE = '/admin/:path*'
/** The XML files readers may open in a browser (app/(frontend)/sitemap.xml, sitemaps/[file], feed.xml). */
export const XML_SOURCES = ['/sitemap.xml', '/sitemaps/:file', '/feed.xml']

/**
 * Next reads these once, at build time, so the public address is the one the build was made for.
 * @param {string | undefined} serverUrl the site's public address (NEXT_PUBLIC_SERVER_URL)
 * @returns {{ source: string, has?: { type: 'header', key: string, value: string }[], headers: { key: string, value: string }[] }[]}
 */
export function securityHeaders(serverUrl = process.env.NEXT_PUBLIC_SERVER_URL) {
  return [
    { source: '/:path*', headers: isHttpsUrl(serverUrl) ? [...baselineHeaders, HSTS] : baselineHeaders },
    { source: '/:path*', has: [FORWARDED_HTTPS], headers: [HSTS] },
    { source: READER_SOURCE, headers: [{ key: 'Content-Security-Policy', value: readerCsp }] },
    ...XML_SOURCES.map((source) => ({ source, headers: [{ key: 'Content-Security-Policy', value: xmlCsp }] })),
    { source: ADMIN_SOURCE, headers: [{ key: 'Content-Security-Policy', value: adminCsp }] },
  ]
}
