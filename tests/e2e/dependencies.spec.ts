import http from 'node:http'
import zlib from 'node:zlib'

import { expect, test } from '@playwright/test'
import fc from 'fast-check'

import { createFixture, EDIT_KINDS, pagesOf, restClient, whenShown } from '../../scripts/lib/edits.mjs'
import { ownServer, type OwnServer } from './ownServer'

/**
 * Every change reaches every page that shows it, and nothing else is thrown away (issue 13), on a
 * production server of its own: the walk edits the site global and would otherwise change what the
 * other journeys see.
 */
let server: OwnServer
let api: Awaited<ReturnType<typeof restClient>>

test.describe.configure({ mode: 'serial', timeout: 600_000 })

test.beforeAll(async () => {
  test.setTimeout(900_000)
  server = await ownServer('graph')
  await server.start()
  api = await restClient(server.url, {
    email: process.env.ADMIN_EMAIL as string,
    password: process.env.ADMIN_PASSWORD as string,
  })
})

test.afterAll(async () => {
  await server?.dispose()
})

/** A GET as a reader's client sends it, with the raw bytes as they came (no decompression). */
function rawGet(path: string, acceptEncoding?: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const headers: Record<string, string> = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }
    http
      .get(`${server.url}${path}`, { headers }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
        )
      })
      .on('error', reject)
  })
}

const decoded = ({ headers, body }: { headers: http.IncomingHttpHeaders; body: Buffer }) => {
  const encoding = headers['content-encoding'] ?? 'identity'
  if (encoding === 'gzip') return zlib.gunzipSync(body).toString('utf8')
  if (encoding === 'deflate') return zlib.inflateSync(body).toString('utf8')
  return body.toString('utf8')
}

test('every edit kind shows on every page that shows what it changed', async () => {
  const fixture = await createFixture(api)
  const pages = pagesOf(fixture)
  const missed: string[] = []
  for (const kind of EDIT_KINDS) {
    // Every page cached first, as readers keep them.
    for (const path of Object.values(pages)) await rawGet(path, 'gzip')
    fixture.edits += 1
    const expected = await kind.apply(api, fixture, fixture.edits)
    const shown = await whenShown(server.url, pages, expected, { timeoutMs: 20_000 })
    for (const [page, ms] of Object.entries(shown))
      if (ms === null) missed.push(`${kind.name} → ${page} (${pages[page as keyof typeof pages]})`)
  }
  expect(missed, 'edits a page never showed').toEqual([])
})

test('any sequence of edits leaves every page showing the last of each', async () => {
  const fixture = await createFixture(api)
  const pages = pagesOf(fixture)
  const kinds = EDIT_KINDS.filter((kind) => kind.name !== 'site')
  await fc.assert(
    fc.asyncProperty(fc.array(fc.constantFrom(...kinds), { minLength: 2, maxLength: 4 }), async (sequence) => {
      // Each kind's last edit is what its pages show at the end, whatever came between.
      const last = new Map<string, Record<string, string>>()
      for (const kind of sequence) {
        fixture.edits += 1
        last.set(kind.name, await kind.apply(api, fixture, fixture.edits))
      }
      for (const [name, applied] of last) {
        const kind = kinds.find((candidate) => candidate.name === name)
        const expected = kind?.showsNow ? { ...applied, ...kind.showsNow(fixture) } : applied
        // A later salary edit moves the sitemap date past an earlier kind's: only the last date is checked.
        const checked = Object.fromEntries(
          Object.entries(expected).filter(([page]) => page !== 'sitemap' || name === sequence.at(-1)?.name),
        )
        const shown = await whenShown(server.url, pages, checked, { timeoutMs: 20_000 })
        expect(
          Object.entries(shown).filter(([, ms]) => ms === null),
          `${sequence.map((kind) => kind.name).join(' → ')}: ${name}`,
        ).toEqual([])
      }
    }),
    {
      numRuns: 3,
      // The excerpt binds its number to the salary cell, so a cell edit after it rewrites the excerpt.
      examples: [[['article excerpt', 'salary cell'].map((name) => kinds.find((kind) => kind.name === name)!)]],
    },
  )
})

test('a save purges the front cache of exactly the pages that show it, and they name their tags', async () => {
  const shown = await createFixture(api)
  const other = await createFixture(api)
  const showing = pagesOf(shown).article
  const elsewhere = pagesOf(other).article
  for (const path of [showing, elsewhere]) {
    await rawGet(path, 'gzip')
    expect((await rawGet(path, 'gzip')).headers['x-front-cache'], path).toBe('HIT')
  }
  const keys = (headers: http.IncomingHttpHeaders) => String(headers['surrogate-key'] ?? '').split(' ')
  const before = await rawGet(showing, 'gzip')
  expect(keys(before.headers)).toEqual(
    expect.arrayContaining([`articles:${shown.article.id}`, `faqs:${shown.faq.id}`, `categories:${shown.category.id}`]),
  )
  expect(keys((await rawGet(elsewhere, 'gzip')).headers)).not.toContain(`faqs:${shown.faq.id}`)

  await api.patch(`/faqs/${shown.faq.id}`, { question: `Purged ${shown.stamp}?` })
  const after = await rawGet(showing, 'gzip')
  expect(after.headers['x-front-cache']).toBe('MISS')
  expect(decoded(after)).toContain(`Purged ${shown.stamp}?`)
  // The article that does not show the FAQ is still answered from memory, as it was.
  expect((await rawGet(elsewhere, 'gzip')).headers['x-front-cache']).toBe('HIT')
})

test('the front cache answers each client in an encoding it accepts, and says it varies', async () => {
  const { article } = await createFixture(api)
  const path = `/blog/${article.slug}`
  // A client that asks for deflate first: whatever it gets, the clients after it get what they read.
  const asked = [
    ['deflate', ['deflate', 'identity']],
    [undefined, ['identity']],
    ['identity', ['identity']],
    ['br', ['identity']],
    ['gzip', ['gzip', 'identity']],
    ['gzip, deflate, br', ['gzip', 'identity']],
    ['deflate', ['deflate', 'identity']],
    [undefined, ['identity']],
  ] as const
  for (const [acceptEncoding, readable] of asked) {
    for (let round = 0; round < 2; round++) {
      const response = await rawGet(path, acceptEncoding)
      const encoding = response.headers['content-encoding'] ?? 'identity'
      expect(readable, `Accept-Encoding: ${acceptEncoding ?? '(none)'}, round ${round}`).toContain(encoding)
      expect(String(response.headers.vary ?? '')).toMatch(/accept-encoding/i)
      expect(decoded(response)).toContain(article.title)
    }
  }
})

test('a change saved before a restart shows after it, though its page was not asked for in between', async () => {
  const fixture = await createFixture(api)
  const page = pagesOf(fixture).article
  await rawGet(page, 'gzip')
  await api.patch(`/faqs/${fixture.faq.id}`, { question: `Restarted ${fixture.stamp}?` })
  await server.stop()
  await server.start()
  expect(decoded(await rawGet(page, 'gzip'))).toContain(`Restarted ${fixture.stamp}?`)
})
