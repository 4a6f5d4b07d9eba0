// The reader pages' front cache: finished responses (already compressed, headers included) kept in
// memory by the production server (server.mjs) and answered without entering Next at all.
//
// Why: a cached article still costs Next's App Router about 3 ms of routing and re-compression per
// request, which caps it at a tenth of what serving the same bytes from memory costs (`npm run
// bench`). This is the shared cache a CDN would be, inside the one process, so it obeys the same
// rules a CDN obeys plus one a CDN cannot: it is purged at the moment Payload revalidates.
//
// What may be stored is decided by Next's own answer, never by a list of routes: only a 200 that
// Next marked publicly cacheable (`s-maxage`, not private/no-store, not a STALE copy) and that sets
// no cookie. Requests that could see anything else never read or fill it: an editor's session, draft
// mode, an Authorization header, RSC navigations, the admin and the API. Plain JavaScript so the
// server can load it before anything is compiled; plain `.mjs` imported from TypeScript as well.

const STATE = Symbol.for('valenx.frontCache')

/** The running server's cache, if this process is that server (scripts and tests have none). */
function current() {
  return /** @type {FrontCache | undefined} */ (globalThis[STATE])
}

/**
 * Forget every stored response. Called only by `invalidate` (./invalidate.ts), whenever Next's tags
 * are revalidated: a purge is cheap and one save can change many pages (lists, related cards,
 * figures), so the whole cache goes rather than guessing which addresses a tag covers.
 */
export function purgeFrontCache() {
  current()?.purge()
}

const BYPASS_COOKIES = /(?:^|;\s*)(?:payload-token|__prerender_bypass|__next_preview_data)=/
// The admin, the API, Next's own files and the preview routes.
const PRIVATE_PATHS = /^\/(?:admin|api|_next|next)(?:[/?]|$)/

/**
 * The cache key, or null when this request must go to Next: GET only, nothing personal, no RSC.
 * Responses differ by compression and, for HSTS, by the protocol a proxy reports, so both are in the key.
 * @param {import('node:http').IncomingMessage} req
 */
export function frontCacheKey(req) {
  if (req.method !== 'GET') return null
  const url = req.url ?? '/'
  if (PRIVATE_PATHS.test(url)) return null
  const headers = req.headers
  if (
    headers.authorization ||
    headers.rsc ||
    headers['next-router-state-tree'] ||
    headers['next-router-prefetch'] ||
    headers['next-action']
  )
    return null
  if (url.includes('_rsc=')) return null
  if (headers.cookie && BYPASS_COOKIES.test(headers.cookie)) return null
  const gzip = /\bgzip\b/.test(String(headers['accept-encoding'] ?? '')) ? 'gzip' : 'identity'
  const proto = /^\s*https\b/i.test(String(headers['x-forwarded-proto'] ?? '')) ? 'https' : 'http'
  return `${gzip} ${proto} ${url}`
}

/** Seconds a response may be shared for, by Next's Cache-Control; null when it may not be. */
export function sharedMaxAge(cacheControl) {
  const value = String(cacheControl ?? '').toLowerCase()
  if (!value || /\b(private|no-store|no-cache)\b/.test(value)) return null
  const match = /\bs-maxage=(\d+)/.exec(value)
  return match ? Number(match[1]) : null
}

/**
 * @typedef {{ status: number, headers: Record<string, string | string[] | number>, body: Buffer, expires: number, etag?: string }} Entry
 */

export class FrontCache {
  /** @param {{ maxBytes: number }} options */
  constructor({ maxBytes }) {
    this.maxBytes = maxBytes
    /** @type {Map<string, Entry>} insertion order doubles as least-recently-used order */
    this.entries = new Map()
    this.bytes = 0
    // Bumped by every purge: a response that was being rendered while a purge happened may carry
    // the old content, so it is not stored.
    this.generation = 0
    this.hits = 0
    this.misses = 0
  }

  purge() {
    this.generation += 1
    this.entries.clear()
    this.bytes = 0
  }

  /** @param {string} key */
  get(key) {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    this.entries.delete(key)
    if (entry.expires <= Date.now()) {
      this.bytes -= entry.body.length
      return undefined
    }
    this.entries.set(key, entry)
    return entry
  }

  /** @param {string} key @param {Entry} entry */
  set(key, entry) {
    if (entry.body.length > this.maxBytes / 8) return
    const previous = this.entries.get(key)
    if (previous) {
      this.entries.delete(key)
      this.bytes -= previous.body.length
    }
    this.entries.set(key, entry)
    this.bytes += entry.body.length
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break
      this.entries.delete(oldest)
      this.bytes -= old.body.length
    }
  }

  /**
   * Answers from the cache, or passes the request to `next` and keeps its answer if it may be shared.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {() => unknown} next
   */
  handle(req, res, next) {
    const key = frontCacheKey(req)
    if (!key) return next()
    const entry = this.get(key)
    if (entry) {
      this.hits += 1
      if (entry.etag && req.headers['if-none-match'] === entry.etag) {
        res.writeHead(304, { etag: entry.etag, 'cache-control': entry.headers['cache-control'] ?? '' })
        return res.end()
      }
      res.writeHead(entry.status, { ...entry.headers, 'x-front-cache': 'HIT' })
      return res.end(entry.body)
    }
    this.misses += 1
    res.setHeader('x-front-cache', 'MISS')
    this.capture(key, res)
    return next()
  }

  /**
   * Records what Next writes. Next's compression wraps `write`/`end` after this, so the bytes seen
   * here are the ones that go on the wire.
   * @param {string} key @param {import('node:http').ServerResponse} res
   */
  capture(key, res) {
    const generation = this.generation
    /** @type {Buffer[]} */
    const chunks = []
    let size = 0
    let tooBig = false
    const keep = (chunk, encoding) => {
      if (chunk == null || tooBig) return
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : typeof chunk === 'string'
          ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8')
          : Buffer.from(chunk)
      size += buffer.length
      if (size > this.maxBytes / 8) tooBig = true
      else chunks.push(buffer)
    }
    const write = res.write
    const end = res.end
    res.write = function (chunk, encoding, callback) {
      keep(chunk, encoding)
      return write.call(this, chunk, encoding, callback)
    }
    res.end = function (chunk, encoding, callback) {
      if (typeof chunk !== 'function') keep(chunk, encoding)
      return end.call(this, chunk, encoding, callback)
    }
    res.once('finish', () => {
      if (tooBig || generation !== this.generation || res.statusCode !== 200) return
      const headers = res.getHeaders()
      const maxAge = sharedMaxAge(headers['cache-control'])
      if (maxAge === null || maxAge <= 0) return
      if (headers['set-cookie'] || String(headers['x-nextjs-cache'] ?? '').toUpperCase() === 'STALE') return
      /** @type {Record<string, string | string[] | number>} */
      const stored = {}
      for (const [name, value] of Object.entries(headers)) {
        // Connection-level headers belong to the response that carried them.
        if (
          value === undefined ||
          name === 'x-front-cache' ||
          name === 'connection' ||
          name === 'keep-alive' ||
          name === 'transfer-encoding' ||
          name === 'date'
        )
          continue
        stored[name] = value
      }
      const body = Buffer.concat(chunks)
      stored['content-length'] = body.length
      const etag = typeof headers.etag === 'string' ? headers.etag : undefined
      this.set(key, { status: 200, headers: stored, body, expires: Date.now() + maxAge * 1000, etag })
    })
  }

  /** Makes this the process's cache, the one `purgeFrontCache` reaches. */
  install() {
    globalThis[STATE] = this
    return this
  }
}
