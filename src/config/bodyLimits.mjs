// How large a request body each address accepts, enforced by the production server (server.mjs)
// before Next or Payload reads a byte of it: a 100 MB JSON login body used to be parsed whole
// (+250 MB of memory) before anything refused it. An over-limit body answers 413 at once, from its
// Content-Length; a body sent without one (chunked) is counted as it arrives and cut off at the
// limit; a client that waits for `100 Continue` is refused before it sends anything.
// Plain JavaScript, so the server can load it before anything is compiled.

const KB = 1024
const MB = 1024 * KB

/** The largest file a media upload may carry (payload.config.ts `upload.limits`). */
export const MAX_UPLOAD_BYTES = 8 * MB
/** The largest post `POST /api/articles/import` reads, in bytes of UTF-8 (src/import). */
export const IMPORT_SOURCE_BYTES = 2 * MB
/** JSON escaping can triple a source (quotes, newlines, non-ASCII as \u…). */
export const IMPORT_BODY_BYTES = 3 * IMPORT_SOURCE_BYTES + 64 * KB

/**
 * By address, first match wins. Sign-in and password forms are a few short strings; uploads are a
 * file plus a few fields; everything else is JSON (or the admin's form data) of one document, and
 * the longest article is a few hundred KB of Lexical JSON.
 * @type {{ name: string, test: (method: string, path: string) => boolean, bytes: number }[]}
 */
export const BODY_LIMITS = [
  {
    name: 'sign-in and account forms',
    test: (_method, path) =>
      /^\/api\/[^/]+\/(?:login|logout|refresh-token|forgot-password|reset-password|unlock|first-register|verify\/[^/]+)\/?$/.test(
        path,
      ),
    bytes: 16 * KB,
  },
  {
    name: 'media uploads',
    test: (method, path) => (method === 'POST' || method === 'PATCH') && /^\/api\/media(?:\/[^/]+)?\/?$/.test(path),
    bytes: MAX_UPLOAD_BYTES + 256 * KB,
  },
  {
    name: 'post imports',
    test: (method, path) => method === 'POST' && path === '/api/articles/import',
    bytes: IMPORT_BODY_BYTES,
  },
  { name: 'everything else', test: () => true, bytes: 2 * MB },
]

/** The limit for a request, in bytes, and what it is for. */
export function bodyLimitFor(method = 'GET', url = '/') {
  const path = url.split('?')[0]
  const rule = BODY_LIMITS.find((candidate) => candidate.test(method.toUpperCase(), path))
  return /** @type {{ name: string, bytes: number }} */ (rule)
}

const size = (bytes) => (bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.ceil(bytes / KB)} KB`)

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number | null} bytes
 * @param {{ name: string, bytes: number }} limit
 */
function tooLarge(res, bytes, limit) {
  if (res.headersSent) return
  const message = `${bytes === null ? 'This request body is' : `This request body is ${size(bytes)};`} over the ${size(limit.bytes)} that ${limit.name} accept. Nothing was read or changed.`
  res.writeHead(413, {
    'content-type': 'application/json; charset=utf-8',
    connection: 'close',
    'cache-control': 'no-store',
  })
  res.end(JSON.stringify({ errors: [{ message }] }))
}

/** Answers 413. What still arrives is discarded; a client that keeps sending after the answer is
 * cut off 3 s after (at once, it could lose the answer to a connection reset; a loaded client may
 * take a second to read it). */
function refuse(req, res, bytes, limit) {
  tooLarge(res, bytes, limit)
  res.once('finish', () => setTimeout(() => req.socket.destroy(), 3000).unref())
}

/**
 * Answers 413 and returns true when `req`'s declared body is over its limit. A body without a
 * declared length is counted while Next reads it, and the connection is closed at the limit.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
export function refuseOversizedBody(req, res) {
  const declared = req.headers['content-length']
  // Most requests (every reader's GET) have no body: nothing to look up.
  if (declared === undefined && !req.headers['transfer-encoding']) return false
  const limit = bodyLimitFor(req.method, req.url)
  if (declared !== undefined) {
    const bytes = Number(declared)
    if (!Number.isFinite(bytes) || bytes <= limit.bytes) return false
    refuse(req, res, bytes, limit)
    return true
  }
  let seen = 0
  const count = (chunk) => {
    seen += chunk.length
    if (seen <= limit.bytes) return
    // Whoever was reading the body (Next) gets no more of it: the rest is discarded as it arrives.
    req.removeAllListeners('data')
    req.removeAllListeners('readable')
    req.resume()
    refuse(req, res, null, limit)
  }
  // Counting from the first chunk without consuming it: paused until Next starts reading.
  req.on('data', count)
  req.pause()
  return false
}
