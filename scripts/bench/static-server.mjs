#!/usr/bin/env node
// The benchmark's static ceiling: one HTML file (and its pre-compressed .gz) served by node:http
// from memory, the least work any server can do for the article. Started by the load stage (load.mjs).
//   node scripts/bench/static-server.mjs <file.html> <port>
import fs from 'node:fs'
import http from 'node:http'

const [file, port] = process.argv.slice(2)
const html = fs.readFileSync(file)
const gzip = fs.readFileSync(`${file}.gz`)
const etag = `"${html.length.toString(16)}-${fs.statSync(file).mtimeMs.toString(16)}"`

const server = http.createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end()
    return
  }
  const gzipped = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')
  const body = gzipped ? gzip : html
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': body.length,
    etag,
    vary: 'Accept-Encoding',
    'cache-control': 'public, max-age=0, must-revalidate',
    ...(gzipped ? { 'content-encoding': 'gzip' } : {}),
  })
  res.end(req.method === 'HEAD' ? undefined : body)
})
server.keepAliveTimeout = 65_000
server.listen(Number(port), '127.0.0.1', () => console.log(`static ceiling on http://127.0.0.1:${port}/`))
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)))
