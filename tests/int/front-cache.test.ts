import http from 'node:http'
import zlib from 'node:zlib'

import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { FrontCache, servedEncoding } from '@/cache/frontCache.mjs'
import { recordPageTags } from '@/cache/pageTags.mjs'
import { purgeTags } from '@/cache/purgers.mjs'

/**
 * The front cache (src/cache/frontCache.mjs) in front of a real HTTP origin that answers as Next
 * does: compressed in the encoding the client prefers (gzip, else deflate), `Vary: Accept-Encoding`,
 * publicly cacheable, each page's tags recorded as the cache handler records them. The end-to-end
 * journeys check the same against the production server (tests/e2e/dependencies.spec.ts).
 */
const pages = new Map<string, { html: string; tags: string[]; changesWhileRendering?: boolean }>()
let cache: FrontCache
let server: http.Server
let origin: string

beforeAll(async () => {
  cache = new FrontCache({ maxBytes: 64 * 1024 * 1024 }).install()
  server = http.createServer((req, res) => {
    cache.handle(req, res, () => {
      const page = pages.get(req.url ?? '/')
      if (!page) {
        res.writeHead(404)
        return res.end()
      }
      recordPageTags(`/route-cache/APP_PAGE/x/$${req.url}`, page.tags.join(','))
      // A change that lands while this page renders: what it renders may be from before it.
      if (page.changesWhileRendering) purgeTags(page.tags)
      const body = Buffer.from(page.html)
      const encoding = servedEncoding(req.headers['accept-encoding'])
      const headers = { 'content-type': 'text/html', 'cache-control': 's-maxage=31536000', vary: 'Accept-Encoding' }
      if (encoding === 'gzip') res.writeHead(200, { ...headers, 'content-encoding': 'gzip' }).end(zlib.gzipSync(body))
      else if (encoding === 'deflate')
        res.writeHead(200, { ...headers, 'content-encoding': 'deflate' }).end(zlib.deflateSync(body))
      else res.writeHead(200, headers).end(body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

function get(path: string, acceptEncoding?: string) {
  return new Promise<{ headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    http
      .get(
        `${origin}${path}`,
        { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () => {
            const raw = Buffer.concat(chunks)
            const encoding = res.headers['content-encoding']
            const body =
              encoding === 'gzip' ? zlib.gunzipSync(raw) : encoding === 'deflate' ? zlib.inflateSync(raw) : raw
            resolve({ headers: res.headers, body: body.toString('utf8') })
          })
        },
      )
      .on('error', reject)
  })
}

describe('which encoding a client gets', () => {
  it('is one it accepts, whatever it sent', () => {
    const encodings = ['gzip', 'deflate', 'br', 'identity', '*', 'zstd', 'x-gzip']
    const part = fc
      .tuple(fc.constantFrom(...encodings), fc.option(fc.constantFrom('0', '0.1', '0.5', '1'), { nil: undefined }))
      .map(([name, q]) => (q === undefined ? name : `${name};q=${q}`))
    fc.assert(
      fc.property(fc.array(part, { maxLength: 5 }), (parts) => {
        const header = parts.join(', ')
        const chosen = servedEncoding(header)
        const q = (name: string) => {
          const match = parts.map((p) => p.split(';')).find(([n]) => n === name)
          return match ? Number(match[1]?.replace('q=', '') ?? 1) : undefined
        }
        if (chosen === null) {
          // Only a client refusing the plain body too is sent to Next.
          expect(q('identity') === 0 || (q('identity') === undefined && q('*') === 0)).toBe(true)
          return
        }
        expect(['gzip', 'deflate', 'identity']).toContain(chosen)
        if (chosen !== 'identity') expect(q(chosen) ?? q('*')).toBeGreaterThan(0)
      }),
    )
    expect(servedEncoding(undefined)).toBe('identity')
    expect(servedEncoding('br')).toBe('identity')
    expect(servedEncoding('gzip, deflate, br')).toBe('gzip')
    expect(servedEncoding('deflate')).toBe('deflate')
    expect(servedEncoding('gzip;q=0, deflate')).toBe('deflate')
  })

  it('is never what another client asked for: deflate first, then none, br, gzip', async () => {
    pages.set('/encoded', { html: '<p>encoded page</p>'.repeat(200), tags: ['articles:e'] })
    for (const [asked, allowed] of [
      ['deflate', ['deflate']],
      [undefined, [undefined]],
      ['br', [undefined]],
      ['gzip', ['gzip']],
      ['deflate', ['deflate']],
      [undefined, [undefined]],
    ] as const) {
      for (let round = 0; round < 2; round++) {
        const { headers, body } = await get('/encoded', asked)
        expect(allowed as readonly (string | undefined)[]).toContain(headers['content-encoding'])
        expect(body).toContain('encoded page')
        expect(String(headers.vary)).toMatch(/accept-encoding/i)
        if (round === 1) expect(headers['x-front-cache']).toBe('HIT')
      }
    }
  })
})

describe('purging by tag', () => {
  it('drops exactly the pages that show a purged tag', async () => {
    const tags = ['articles:a', 'articles:b', 'faqs:f', 'categories:c', 'global:site']
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.subarray(tags, { minLength: 1 }), { minLength: 1, maxLength: 6 }),
        fc.subarray(tags, { minLength: 1 }),
        async (pageTags, purged) => {
          const run = Math.random().toString(36).slice(2)
          const paths = pageTags.map((_, index) => `/p-${run}-${index}`)
          paths.forEach((path, index) => pages.set(path, { html: `page ${path}`, tags: pageTags[index] }))
          for (const path of paths) await get(path, 'gzip')
          for (const path of paths) expect((await get(path, 'gzip')).headers['x-front-cache']).toBe('HIT')
          purgeTags(purged)
          for (const [index, path] of paths.entries()) {
            const shows = pageTags[index].some((tag) => purged.includes(tag))
            expect((await get(path, 'gzip')).headers['x-front-cache'], `${path} ${pageTags[index]}`).toBe(
              shows ? 'MISS' : 'HIT',
            )
          }
        },
      ),
      { numRuns: 25 },
    )
  })

  it('does not keep a page rendered while one of its tags was purged', async () => {
    pages.set('/slow', { html: 'slow page', tags: ['faqs:slow'], changesWhileRendering: true })
    expect((await get('/slow', 'gzip')).headers['x-front-cache']).toBe('MISS')
    pages.set('/slow', { html: 'slow page', tags: ['faqs:slow'] })
    expect((await get('/slow', 'gzip')).headers['x-front-cache']).toBe('MISS')
    expect((await get('/slow', 'gzip')).headers['x-front-cache']).toBe('HIT')
  })
})
