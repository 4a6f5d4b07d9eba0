// The reader pages' front cache: finished responses (already compressed, headers included) kept in
// memory by the production server's front process (server.mjs, src/server/front.mjs) and answered
// without reaching the process that runs Next at all.
//
// Why: a cached article still costs Next's App Router about 3 ms of routing and re-compression per
// request, which caps it at a tenth of what serving the same bytes from memory costs (`npm run
// bench`), and a process that has loaded Next answers even a bare request at half the speed of one
// that has not. This is the shared cache a CDN would be, on the instance itself, so it obeys the
// same rules a CDN obeys plus one a CDN cannot: it is purged, by tag, before the change's response.
//
// What may be stored is decided by Next's own answer, never by a list of routes: only a 200 that
// Next marked publicly cacheable (`s-maxage`, not private/no-store, not a STALE copy) and that sets
// no cookie. Requests that could see anything else never read or fill it: an editor's session, draft
// mode, an Authorization header, RSC navigations, the admin and the API. Plain JavaScript so the
// server can load it before anything is compiled; plain `.mjs` imported from TypeScript as well.
import { pageTagsOf } from './pageTags.mjs'
import { registerPurger } from './purgers.mjs'

const BYPASS_COOKIES = /(?:^|;\s*)(?:payload-token|__prerender_bypass|__next_preview_data)=/
// The admin, the API, Next's own files and the preview routes.
const PRIVATE_PATHS = /^\/(?:admin|api|_next|next)(?:[/?]|$)/

/** The encodings Next's compression produces, in its order of preference, and the plain body. */
const ENCODINGS = ['gzip', 'deflate', 'identity']

/**
 * The encoding a client accepts that Next would answer with: gzip, else deflate, else none; null
 * when the client refuses an uncompressed body too (`identity;q=0`), which no stored copy can serve.
 * @param {string | string[] | undefined} header the request's Accept-Encoding
 */
export function servedEncoding(header) {
  const text = Array.isArray(header) ? header.join(',') : String(header ?? '')
  // Clients send a handful of distinct headers; each is worked out once.
  let served = seenEncodings.get(text)
  if (served === undefined) {
    served = encodingFor(text)
    if (seenEncodings.size >= 256) seenEncodings.clear()
    seenEncodings.set(text, served)
  }
  return served
}

/** @type {Map<string, string | null>} Accept-Encoding → servedEncoding() */
const seenEncodings = new Map()

/** @param {string} header */
function encodingFor(header) {
  const quality = new Map()
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined)
    // A coding named twice keeps its first quality (a client's later repetition does not undo a q=0).
    if (!quality.has(name)) quality.set(name, q === undefined ? 1 : Number(q))
  }
  const q = (name) => quality.get(name) ?? (name === 'identity' ? (quality.get('*') ?? 1) : (quality.get('*') ?? 0))
  let best = null
  for (const name of ENCODINGS) if (q(name) > 0 && (best === null || q(name) > q(best))) best = name
  return best
}

/**
 * The cache key, or null when this request must go to Next: GET only, nothing personal, no RSC.
 * Responses differ by the encoding the client will get (the key holds that, not the raw header) and,
 * for HSTS, by the protocol a proxy reports.
 * @param {import('node:http').IncomingMessage} req
 */
export function frontCacheKey(req) {
  if (!isReaderRequest(req)) return null
  const encoding = servedEncoding(req.headers['accept-encoding'])
  if (!encoding) return null
  const proto = /^\s*https\b/i.test(String(req.headers['x-forwarded-proto'] ?? '')) ? 'https' : 'http'
  return `${encoding} ${proto} ${req.url ?? '/'}`
}

/** A GET for a reader page: nothing personal, no RSC, not the admin, the API or Next's files. */
export function isReaderRequest(req) {
  if (req.method !== 'GET') return false
  const url = req.url ?? '/'
  if (PRIVATE_PATHS.test(url) || url.includes('_rsc=')) return false
  const headers = req.headers
  if (
    headers.authorization ||
    headers.rsc ||
    headers['next-router-state-tree'] ||
    headers['next-router-prefetch'] ||
    headers['next-action']
  )
    return false
  return !(headers.cookie && BYPASS_COOKIES.test(headers.cookie))
}

/** Seconds a response may be shared for, by Next's Cache-Control; null when it may not be. */
export function sharedMaxAge(cacheControl) {
  const value = String(cacheControl ?? '').toLowerCase()
  if (!value || /\b(private|no-store|no-cache)\b/.test(value)) return null
  const match = /\bs-maxage=(\d+)/.exec(value)
  return match ? Number(match[1]) : null
}

/**
 * Announces the tags of the page a reader response shows in its `Surrogate-Key` header (space-
 * separated), for a CDN in front to purge by, whether or not this server keeps a front cache.
 * Set as the headers go out, when Next has stored or read the page and so recorded its tags.
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
 */
export function announceSurrogateKeys(req, res) {
  if (!isReaderRequest(req)) return
  const writeHead = res.writeHead
  res.writeHead = function (...args) {
    const tags = sharedMaxAge(res.getHeader('cache-control')) === null ? undefined : pageTagsOf(req.url)
    if (tags?.length && !res.headersSent) res.setHeader('surrogate-key', tags.join(' '))
    return writeHead.apply(this, args)
  }
}

/**
 * @typedef {{ status: number, headers: Record<string, string | string[] | number>,
 *   hitHeaders: Record<string, string | string[] | number>, body: Buffer, expires: number,
 *   etag?: string, tags: string[] | null }} Entry
 * `hitHeaders`: `headers` as a hit sends them, built once.
 */

export class FrontCache {
  /** @param {{ maxBytes: number }} options */
  constructor({ maxBytes }) {
    this.maxBytes = maxBytes
    /** @type {Map<string, Entry>} insertion order doubles as least-recently-used order */
    this.entries = new Map()
    /** @type {Map<string, Set<string>>} tag → keys of the entries showing it */
    this.byTag = new Map()
    /** Keys whose page's tags were unknown when stored: any purge drops them. */
    this.untagged = new Set()
    this.bytes = 0
    // Every purge is numbered. A response being rendered while one of its tags was purged may
    // carry the old content, so it is not stored (see capture). Only recent purges are kept.
    this.purges = 0
    /** @type {Map<string, number>} tag → the number of the last purge that named it */
    this.purgedAt = new Map()
    /** Responses begun before this purge are not stored: older purge numbers were forgotten. */
    this.forgottenBefore = 0
    this.hits = 0
    this.misses = 0
  }

  /**
   * Drops the responses of the pages that show any of `tags` (and those whose tags are unknown);
   * without tags, every response.
   * @param {string[]} [tags]
   */
  purge(tags) {
    this.purges += 1
    if (!tags) {
      this.forgottenBefore = this.purges
      this.purgedAt.clear()
      this.entries.clear()
      this.byTag.clear()
      this.untagged.clear()
      this.bytes = 0
      return
    }
    for (const key of [...this.untagged]) this.delete(key)
    for (const tag of tags) {
      this.purgedAt.delete(tag)
      this.purgedAt.set(tag, this.purges)
      for (const key of [...(this.byTag.get(tag) ?? [])]) this.delete(key)
    }
    if (this.purgedAt.size > 10_000) {
      this.forgottenBefore = this.purges
      this.purgedAt.clear()
    }
  }

  /** @param {string} key */
  delete(key) {
    const entry = this.entries.get(key)
    if (!entry) return
    this.entries.delete(key)
    this.bytes -= entry.body.length
    this.untagged.delete(key)
    for (const tag of entry.tags ?? []) {
      const keys = this.byTag.get(tag)
      keys?.delete(key)
      if (keys && !keys.size) this.byTag.delete(tag)
    }
  }

  /** @param {string} key */
  get(key) {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    if (entry.expires <= Date.now()) {
      this.delete(key)
      return undefined
    }
    // Map keeps insertion order: re-inserting marks it most recently used.
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry
  }

  /** @param {string} key @param {Entry} entry */
  set(key, entry) {
    if (entry.body.length > this.maxBytes / 8) return
    this.delete(key)
    this.entries.set(key, entry)
    this.bytes += entry.body.length
    if (entry.tags === null) this.untagged.add(key)
    for (const tag of entry.tags ?? []) {
      let keys = this.byTag.get(tag)
      if (!keys) this.byTag.set(tag, (keys = new Set()))
      keys.add(key)
    }
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break
      this.delete(oldest)
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
        res.writeHead(304, {
          etag: entry.etag,
          'cache-control': entry.headers['cache-control'] ?? '',
          vary: entry.headers.vary ?? 'Accept-Encoding',
        })
        return res.end()
      }
      res.writeHead(entry.status, entry.hitHeaders)
      return res.end(entry.body)
    }
    this.misses += 1
    res.setHeader('x-front-cache', 'MISS')
    this.capture(key, req, res)
    return next()
  }

  /** Whether a response begun at purge number `since`, showing `tags`, may hold purged content. */
  purgedSince(since, tags) {
    if (since < this.forgottenBefore) return true
    if (tags === null) return this.purges > since
    return tags.some((tag) => (this.purgedAt.get(tag) ?? 0) > since)
  }

  /**
   * Records what Next writes. Next's compression wraps `write`/`end` after this, so the bytes seen
   * here are the ones that go on the wire, in the encoding its Content-Encoding names.
   * @param {string} key @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  capture(key, req, res) {
    const since = this.purges
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
      if (tooBig || res.statusCode !== 200) return
      const headers = res.getHeaders()
      const maxAge = sharedMaxAge(headers['cache-control'])
      if (maxAge === null || maxAge <= 0) return
      if (headers['set-cookie'] || String(headers['x-nextjs-cache'] ?? '').toUpperCase() === 'STALE') return
      // Only bytes every client of this key can read: the encoding it was keyed by, or none.
      const served = String(headers['content-encoding'] ?? 'identity').toLowerCase()
      if (served !== 'identity' && served !== key.slice(0, key.indexOf(' '))) return
      // The tags the response announces (the app process sets them: announceSurrogateKeys), or,
      // in a process that renders its own pages, the ones recorded for its path; else unknown.
      const announced = String(headers['surrogate-key'] ?? '')
        .split(' ')
        .filter(Boolean)
      const tags = announced.length ? announced : (pageTagsOf(req.url) ?? null)
      if (this.purgedSince(since, tags)) return
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
      if (!/\baccept-encoding\b/i.test(String(stored.vary ?? '')))
        stored.vary = stored.vary ? `${stored.vary}, Accept-Encoding` : 'Accept-Encoding'
      const body = Buffer.concat(chunks)
      stored['content-length'] = body.length
      const etag = typeof headers.etag === 'string' ? headers.etag : undefined
      const hitHeaders = { ...stored, 'x-front-cache': 'HIT' }
      const expires = Date.now() + maxAge * 1000
      this.set(key, { status: 200, headers: stored, hitHeaders, body, expires, etag, tags })
    })
  }

  /** Makes this the process's front cache: purged by tag whenever Next expires tags (./purgers.mjs). */
  install() {
    registerPurger('front cache', (tags) => this.purge(tags))
    return this
  }
}
