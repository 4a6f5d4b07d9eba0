// Reader pages as plain HTML: the production server (server.mjs) removes Next's scripts from the
// pages it sends readers, and with them the page's second copy as an RSC payload.
//
// Why: no reader page has anything to hydrate. Links are plain <a>, search is a GET form, "What
// changed" is <details>, figures are text; the only client component (LivePreviewListener) renders
// in draft mode alone. Yet Next's App Router always ships its runtime (143 KB compressed, 460 KB
// decoded) and an inline copy of the page as RSC data (two thirds of the article's HTML), and
// hydrating them is where Lighthouse's last points went on a mid-range phone: total blocking time
// (220-550 ms) and an LCP held back to 2.4-2.9 s behind the scripts. Without them: TBT ~20 ms, LCP
// ~1 s, 100 (`npm run bench`, README "Performance").
//
// What keeps its scripts, untouched: anything but a GET of a page (the admin, the API, /_next, the
// preview routes, RSC requests), draft mode (the editor's preview, where LivePreviewListener
// refreshes the page), responses other than HTML 200/404, any page the reader layout did not render
// whole (Next's own error shell, whose body the client fills in, as for a notFound() thrown while
// rendering; Suspense boundaries that scripts fill in later), and a page that renders KEEP_SCRIPTS_MARKER (a future client
// component on a reader page must do so). `READER_SCRIPTS=keep` turns this off altogether.
// JSON-LD blocks stay. A plain page's CSP forbids script altogether (src/config/securityHeaders.mjs).
//
// Next compresses after this wrapper is installed, so the bytes seen here may be gzip: they are
// decompressed, rewritten and compressed again once, and the front cache (src/cache/frontCache.mjs,
// installed before) keeps the result, so a repeat request costs nothing.
import zlib from 'node:zlib'

import { plainPageCsp } from '../config/securityHeaders.mjs'

/** Rendered by a reader page that needs Next's client runtime: the page keeps its scripts. */
export const KEEP_SCRIPTS_MARKER = 'data-keeps-scripts'

const DRAFT_COOKIES = /(?:^|;\s*)(?:__prerender_bypass|__next_preview_data)=/
const NOT_PAGES = /^\/(?:admin|api|_next|next)(?:[/?]|$)/
// Out-of-order streaming (content that arrives later and an inline script moves into place), and
// Next's error shell (an empty body the client fills in: a notFound() thrown while rendering).
const NEEDS_SCRIPTS = /<template id="B:|<div hidden id="S:|\$RC\(|\$RS\(|id="__next_error__"/
/** Only a page the reader layout rendered whole (app/(frontend)/layout.tsx) is known to need no script. */
const READER_LAYOUT = '<main id="main"'
const MAX_BYTES = 8 * 1024 * 1024
/** Added to Next's ETag: the plain page is another representation, and must not share its tag. */
const ETAG_SUFFIX = '-plain'

/**
 * Whether this request's answer may be served as plain HTML (whether it is HTML is known later).
 * @param {import('node:http').IncomingMessage} req
 */
export function wantsPlainHtml(req) {
  if (process.env.READER_SCRIPTS === 'keep') return false
  if (req.method !== 'GET' && req.method !== 'HEAD') return false
  const url = req.url ?? '/'
  if (NOT_PAGES.test(url) || url.includes('_rsc=')) return false
  const headers = req.headers
  if (headers.rsc || headers['next-router-state-tree'] || headers['next-router-prefetch'] || headers['next-action'])
    return false
  return !(headers.cookie && DRAFT_COOKIES.test(headers.cookie))
}

const attribute = (attributes, name) =>
  new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
    .exec(attributes)
    ?.slice(1)
    .find((value) => value !== undefined)
    ?.toLowerCase()

/**
 * The page without Next's scripts and script preloads (JSON-LD kept), or null when it must keep
 * them: not rendered whole by the reader layout (Next's error shell, a Suspense boundary still to
 * fill), or marked with KEEP_SCRIPTS_MARKER.
 * @param {string} html
 * @returns {string | null}
 */
export function stripScripts(html) {
  if (!html.includes(READER_LAYOUT) || NEEDS_SCRIPTS.test(html) || html.includes(KEEP_SCRIPTS_MARKER)) return null
  return html
    .replace(/<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi, (tag, attributes) =>
      attribute(attributes, 'type') === 'application/ld+json' ? tag : '',
    )
    .replace(/<link\b([^>]*)>/gi, (tag, attributes) => {
      const rel = attribute(attributes, 'rel') ?? ''
      const scriptPreload = rel === 'modulepreload' || (rel === 'preload' && attribute(attributes, 'as') === 'script')
      return scriptPreload ? '' : tag
    })
}

const decoders = { gzip: zlib.gunzipSync, deflate: zlib.inflateSync, br: zlib.brotliDecompressSync }
const encoders = { gzip: zlib.gzipSync, deflate: zlib.deflateSync, br: zlib.brotliCompressSync }

/** @param {import('node:http').ServerResponse} res */
function markEtag(res) {
  const etag = res.getHeader('etag')
  if (typeof etag === 'string' && !etag.includes(ETAG_SUFFIX))
    res.setHeader('etag', etag.replace(/"$/, `${ETAG_SUFFIX}"`))
}

/**
 * Serves the request through `next`, rewriting its answer to plain HTML when it may (see the top of
 * this file). Headers are held back until the whole page is known, then sent with the new length.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {() => unknown} next
 */
export function servePlainHtml(req, res, next) {
  if (!wantsPlainHtml(req)) return next()
  const match = req.headers['if-none-match']
  if (typeof match === 'string') req.headers['if-none-match'] = match.replaceAll(ETAG_SUFFIX, '')

  const real = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders }
  /** @type {'undecided' | 'hold' | 'pass'} */
  let mode = 'undecided'
  /** @type {Buffer[]} */
  const chunks = []
  let size = 0

  const decide = () => {
    if (mode !== 'undecided') return
    const html = /^text\/html\b/i.test(String(res.getHeader('content-type') ?? ''))
    if (res.statusCode === 304) markEtag(res)
    mode = html && (res.statusCode === 200 || res.statusCode === 404) ? 'hold' : 'pass'
  }
  // Too big to hold (never a page of this site): send what was held and pass the rest through.
  const release = () => {
    mode = 'pass'
    for (const chunk of chunks.splice(0)) real.write.call(res, chunk)
  }
  const keep = (chunk, encoding) => {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8')
    chunks.push(buffer)
    size += buffer.length
    if (size > MAX_BYTES) release()
  }

  res.writeHead = function writeHead(statusCode, ...rest) {
    if (mode === 'pass') return real.writeHead.call(this, statusCode, ...rest)
    this.statusCode = statusCode
    if (typeof rest[0] === 'string') this.statusMessage = rest.shift()
    const headers = rest[0]
    if (Array.isArray(headers)) for (const [name, value] of headers) this.setHeader(name, value)
    else if (headers) for (const [name, value] of Object.entries(headers)) this.setHeader(name, value)
    decide()
    return mode === 'pass' ? real.writeHead.call(this, this.statusCode) : this
  }
  res.flushHeaders = function flushHeaders() {
    decide()
    if (mode === 'pass') real.flushHeaders.call(this)
  }
  res.write = function write(chunk, encoding, callback) {
    decide()
    if (mode === 'pass') return real.write.call(this, chunk, encoding, callback)
    keep(chunk, encoding)
    if (typeof encoding === 'function') encoding()
    else if (typeof callback === 'function') callback()
    return true
  }
  res.end = function end(chunk, encoding, callback) {
    if (typeof chunk === 'function') [callback, chunk, encoding] = [chunk, undefined, undefined]
    else if (typeof encoding === 'function') [callback, encoding] = [encoding, undefined]
    decide()
    if (mode === 'pass') return real.end.call(this, chunk, encoding, callback)
    if (chunk) keep(chunk, encoding)
    if (mode === 'pass') return real.end.call(this, undefined, undefined, callback)
    mode = 'pass'
    if (req.method === 'HEAD') {
      // No body to rewrite, only the headers that describe it.
      this.removeHeader('content-length')
      markEtag(this)
      return real.end.call(this, undefined, undefined, callback)
    }
    const body = rewrite(Buffer.concat(chunks))
    this.setHeader('content-length', body.length)
    return real.end.call(this, body, undefined, callback)
  }

  /** The held page as plain HTML, in the response's own encoding; the headers follow it. */
  const rewrite = (raw) => {
    const coding = String(res.getHeader('content-encoding') ?? 'identity').toLowerCase()
    try {
      const decode = decoders[coding]
      const html = (decode ? decode(raw) : raw).toString('utf8')
      const plain = stripScripts(html)
      if (plain === null) return raw
      const encode = encoders[coding]
      const bytes = Buffer.from(plain, 'utf8')
      markEtag(res)
      const csp = res.getHeader('content-security-policy')
      if (typeof csp === 'string') res.setHeader('content-security-policy', plainPageCsp(csp))
      return encode ? encode(bytes) : bytes
    } catch (error) {
      console.error('Serving plain HTML failed; the page keeps its scripts:', error)
      return raw
    }
  }

  return next()
}
