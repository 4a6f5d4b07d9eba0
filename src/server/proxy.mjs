// The front process's way to the app process (./front.mjs): each request that the front cache does
// not answer is passed on, as it came, over the app process's private Unix socket, and its answer
// streamed back as Next wrote it (already compressed). A plain HTTP/1.1 proxy: what changes on the
// way are only the headers that describe one connection rather than the message.
import http from 'node:http'

// RFC 9110 §7.6.1: they belong to one hop. Transfer-Encoding is redone by Node on each side.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  // The front answered `Expect: 100-continue` itself; the app process reads the body as it comes.
  'expect',
])

/** A header list without the hop-by-hop names, and those the Connection header names. */
function endToEnd(headers) {
  const named = new Set(
    String(headers.connection ?? '')
      .toLowerCase()
      .split(',')
      .map((name) => name.trim()),
  )
  /** @type {Record<string, string | string[]>} */
  const kept = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || named.has(name)) continue
    kept[name] = value
  }
  return kept
}

/**
 * A request handler that passes requests to the HTTP server on `socketPath`.
 * @param {string} socketPath
 */
export function proxyTo(socketPath) {
  // Kept-alive connections: a request costs no new connection to the app process.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512, maxFreeSockets: 64, timeout: 60_000 })
  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  return function proxy(req, res) {
    const upstream = http.request({
      agent,
      socketPath,
      method: req.method,
      path: req.url,
      headers: endToEnd(req.headers),
    })
    let answered = false
    upstream.on('response', (answer) => {
      answered = true
      // Already answered here (the body went over its limit: src/config/bodyLimits.mjs), or the
      // client has gone.
      if (res.headersSent || res.writableEnded || res.destroyed) {
        answer.resume()
        return
      }
      for (const [name, value] of Object.entries(endToEnd(answer.headers))) res.setHeader(name, value)
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage)
      answer.pipe(res)
      answer.on('error', () => res.destroy())
    })
    upstream.on('error', (error) => {
      if (res.headersSent || res.writableEnded) {
        res.destroy()
        return
      }
      console.error(`${req.method} ${req.url}: the app process did not answer (${error.message})`)
      res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
      res.end('The server is restarting or overloaded; try again in a moment.\n')
    })
    res.on('close', () => {
      if (res.writableFinished) {
        // Answered here, before the app process answered (413): its request is cut off.
        if (!answered) upstream.destroy()
        return
      }
      // The client left. A request it had sent whole goes on to its end, as it would have had the
      // client been talking to the app process directly (a browser that navigates away from a
      // page cancels its last save's fetch, and the save still counts); one cut off mid-body, or
      // an answer being streamed to nobody, is stopped.
      if (answered || !req.complete) upstream.destroy()
    })
    req.pipe(upstream)
  }
}
