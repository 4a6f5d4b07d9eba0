import http from 'node:http'
import net from 'node:net'

import { expect, test, type APIRequestContext } from '@playwright/test'
import sharp from 'sharp'

import { figure, paragraph, richText } from '../../src/seed/lexical'
import { adminAuth, deleteDoc, findOne, simpleContent } from './api'

/**
 * Issue 15 through the production server (server.mjs in front of Next), where the HTTP layer is part
 * of the class: body limits, the requests that answered 500, GraphQL's guards, the feed, uploads, and
 * what readers see on the pages after a refused or a plain save. Each journey makes its own
 * documents; the seed documents and the site global are never changed.
 */

/** A plain client with no cookie jar, as a reader is. */
async function anonymous(baseURL: string, path: string) {
  const response = await fetch(`${baseURL}${path}`)
  return { status: response.status, text: await response.text(), headers: response.headers }
}

/** `reset`: the server closed the connection while the body was still being sent, before its answer was read. */
type Raw = { status: number; body: string; sentBytes: number; reset?: boolean }

/**
 * One request on its own connection, sending its body in 64 KB chunks only as long as the server
 * has not answered: what a client sending a huge body sees. `declare` sets Content-Length (else the
 * body goes chunked); `expectContinue` waits for the server's go-ahead before sending anything.
 */
function rawRequest(
  baseURL: string,
  {
    method,
    path,
    bytes,
    declare = true,
    expectContinue = false,
    headers = {},
  }: {
    method: string
    path: string
    bytes: number
    declare?: boolean
    expectContinue?: boolean
    headers?: Record<string, string>
  },
): Promise<Raw> {
  const url = new URL(path, baseURL)
  return new Promise((resolve, reject) => {
    let sentBytes = 0
    let answered = false
    const request = http.request(url, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(declare ? { 'content-length': String(bytes) } : { 'transfer-encoding': 'chunked' }),
        ...(expectContinue ? { expect: '100-continue' } : {}),
        ...headers,
      },
    })
    const chunk = Buffer.alloc(64 * 1024, 0x20)
    const pump = () => {
      while (!answered && sentBytes < bytes) {
        const size = Math.min(chunk.length, bytes - sentBytes)
        sentBytes += size
        if (!request.write(chunk.subarray(0, size))) return void request.once('drain', pump)
      }
      if (!answered) request.end()
    }
    request.on('response', (response) => {
      answered = true
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (part) => (body += part))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, sentBytes }))
      response.on('error', () => resolve({ status: response.statusCode ?? 0, body, sentBytes }))
    })
    request.on('continue', pump)
    // The server may answer 413 and close while the body is still being written: the write then
    // fails (EPIPE, ECONNRESET), and the answer may be lost with the connection.
    request.on('error', (error) => {
      if (answered) return
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'EPIPE' && code !== 'ECONNRESET') return reject(error)
      answered = true
      resolve({ status: 0, body: '', sentBytes, reset: true })
    })
    if (!expectContinue) pump()
  })
}

/** What the journeys created, deleted after each: other journeys read the home page and the lists. */
const createdDocs: [collection: string, id: string][] = []
test.afterEach(async ({ request }) => {
  for (const [collection, id] of createdDocs.splice(0).reverse()) await deleteDoc(request, collection, id)
})

async function createArticle(
  request: APIRequestContext,
  headers: Record<string, string>,
  fields: Record<string, unknown>,
): Promise<{ id: string; slug: string }> {
  const category = await findOne(request, 'categories', 'slug', 'comparisons')
  const created = await request.post('/api/articles', {
    headers,
    data: {
      excerpt: 'An integrity journey.',
      category: category.id,
      content: simpleContent('Integrity body text.'),
      _status: 'published',
      ...fields,
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  const doc = (await created.json()).doc
  createdDocs.push(['articles', doc.id])
  return doc
}

const row = (base: number) => ({ role: 'AI Engineer', tier: 'FAANG+', base, equity: 0, bonus: 0, source: 'Levels.fyi' })

async function createTable(request: APIRequestContext, headers: Record<string, string>, title: string, base: number) {
  const created = await request.post('/api/salary-tables', {
    headers,
    data: { title, currency: 'USD', asOf: '2026-06-01', rows: [row(base)], _status: 'published' },
  })
  expect(created.status(), await created.text()).toBe(201)
  const id = (await created.json()).doc.id as string
  createdDocs.push(['salary-tables', id])
  return id
}

test('over-limit bodies are refused with 413 per route, before the server reads them', async ({ baseURL, request }) => {
  const base = baseURL as string
  const headers = await adminAuth(request)
  const tableId = await createTable(request, headers, 'Body limit table', 100_000)
  const cases = [
    { name: 'a 100 MB login', method: 'POST', path: '/api/users/login', bytes: 100 * 1024 * 1024, limit: /16 KB/ },
    {
      name: 'a 3 MB save',
      method: 'PATCH',
      path: `/api/salary-tables/${tableId}`,
      bytes: 3 * 1024 * 1024,
      limit: /2\.0 MB/,
    },
    { name: 'a 9 MB upload', method: 'POST', path: '/api/media', bytes: 9 * 1024 * 1024, limit: /8\.3 MB/ },
    { name: 'a 7 MB import', method: 'POST', path: '/api/articles/import', bytes: 7 * 1024 * 1024, limit: /6\.1 MB/ },
  ]
  for (const { name, method, path, bytes, limit } of cases) {
    let answer = await rawRequest(base, { method, path, bytes, headers })
    // Cut off before its answer was read: the server refused the body unread. Its answer, asked for
    // as a careful client does (Expect: 100-continue), says why.
    if (answer.reset) {
      expect(answer.sentBytes, name).toBeLessThan(bytes)
      answer = await rawRequest(base, { method, path, bytes, headers, expectContinue: true })
    }
    expect(answer.status, name).toBe(413)
    expect(JSON.parse(answer.body).errors[0].message, name).toMatch(limit)
  }
  // The 100 MB login was answered long before the client had sent it (loopback buffers the others whole).
  const huge = await rawRequest(base, { method: 'POST', path: '/api/users/login', bytes: 100 * 1024 * 1024 })
  if (!huge.reset) expect(huge.status).toBe(413)
  expect(huge.sentBytes).toBeLessThan(50 * 1024 * 1024)
  // A client that asks first hears the refusal before sending a byte of its body.
  const asked = await rawRequest(base, {
    method: 'POST',
    path: '/api/users/login',
    bytes: 50 * 1024 * 1024,
    expectContinue: true,
  })
  expect(asked.status).toBe(413)
  expect(asked.sentBytes).toBe(0)
  // A body without a declared length is cut off at the limit.
  const chunked = await rawRequest(base, {
    method: 'POST',
    path: '/api/users/login',
    bytes: 10 * 1024 * 1024,
    declare: false,
  })
  if (!chunked.reset) expect(chunked.status).toBe(413)
  expect(chunked.sentBytes).toBeLessThan(10 * 1024 * 1024)

  // Bodies within the limits work as before, declared or streamed.
  const credentials = JSON.stringify({ email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD })
  const login = await request.post('/api/users/login', {
    data: credentials,
    headers: { 'content-type': 'application/json' },
  })
  expect(login.status()).toBe(200)
  const streamed = await fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: new Blob([credentials]).stream(),
    duplex: 'half',
  } as RequestInit)
  expect(streamed.status).toBe(200)
  const table = await request.get(`/api/salary-tables/${tableId}`, { headers })
  expect((await table.json()).rows[0].base).toBe(100_000)
})

test('a 10,000-row save is refused by its row count while readers are served, and the table stays whole', async ({
  baseURL,
  request,
}) => {
  const base = baseURL as string
  const headers = await adminAuth(request)
  const tableId = await createTable(request, headers, 'Ten thousand rows table', 123_000)
  const article = await createArticle(request, headers, {
    title: 'Ten thousand rows article',
    content: richText(
      paragraph(
        'Paid ',
        figure({
          source: 'salaryCell',
          table: tableId,
          role: 'AI Engineer',
          tier: 'FAANG+',
          column: 'total',
          format: 'currency',
        }),
        '.',
      ),
    ),
  })
  const page = `/blog/${article.slug}`
  expect((await anonymous(base, page)).text).toContain('$123,000')

  const rows = Array.from({ length: 10_000 }, (_, index) => ({ ...row(1), tier: `Tier ${index}` }))
  const [save, ...reads] = await Promise.all([
    request.patch(`/api/salary-tables/${tableId}`, { headers, data: { rows } }),
    ...Array.from({ length: 20 }, () => anonymous(base, page)),
  ])
  expect(save.status()).toBe(400)
  const refusal = await save.json()
  expect(refusal.errors[0].data.errors).toEqual([{ path: 'rows', message: 'At most 100 rows (this has 10,000).' }])
  for (const read of reads) expect(read.status).toBe(200)

  for (const body of [{ rows: 5 }, { rows: [null] }, { rows: '5' }]) {
    const refused = await request.patch(`/api/salary-tables/${tableId}`, { headers, data: body })
    expect(refused.status(), JSON.stringify(body)).toBe(400)
    expect((await refused.json()).errors[0].data.errors[0].path).toMatch(/^rows/)
  }
  expect((await anonymous(base, page)).text).toContain('$123,000')
  const csv = await anonymous(base, `/data/salary-tables/${tableId}.csv`)
  expect(csv.status).toBe(200)
  expect(csv.text).toContain('AI Engineer,FAANG+,123000')
  const stored = JSON.parse((await anonymous(base, `/api/salary-tables/${tableId}`)).text)
  expect(stored.rows.map((entry: { base: number }) => entry.base)).toEqual([123_000])
})

test('the site global refuses wrong shapes and disguised links, and every page keeps its navigation', async ({
  baseURL,
  request,
}) => {
  const base = baseURL as string
  const headers = await adminAuth(request)
  const before = (await request.get('/api/globals/site?depth=0').then((response) => response.json())) as object
  const home = (await anonymous(base, '/')).text
  const nav = (html: string) => html.match(/<nav[\s\S]*?<\/nav>/)?.[0]
  for (const [body, field] of [
    [{ navigation: 2 }, 'navigation'],
    [{ navigation: [null] }, 'navigation.0'],
    [{ siteName: { a: 1 } }, 'siteName'],
    [{ navigation: [{ label: 'Evil', href: '/\\evil.test/x' }] }, 'navigation.0.href'],
    [{ footerLinks: [{ label: 'Evil', href: '//evil.test' }] }, 'footerLinks.0.href'],
  ] as const) {
    const refused = await request.post('/api/globals/site', { headers, data: body })
    expect(refused.status(), JSON.stringify(body)).toBe(400)
    expect((await refused.json()).errors[0].data.errors.map((error: { path: string }) => error.path)).toContain(field)
  }
  expect(await request.get('/api/globals/site?depth=0').then((response) => response.json())).toEqual(before)
  expect(nav((await anonymous(base, '/')).text)).toBe(nav(home))
})

test('a plain save over a pending draft keeps the article published on its page and in REST; unpublishing is what _status asks', async ({
  baseURL,
  request,
}) => {
  const base = baseURL as string
  const headers = await adminAuth(request)
  const article = await createArticle(request, headers, { title: 'Plain save original title' })
  const page = `/blog/${article.slug}`
  expect((await anonymous(base, page)).text).toContain('Plain save original title')

  // The editor types: an autosave keeps a pending draft.
  const autosave = await request.patch(`/api/articles/${article.id}?draft=true&autosave=true`, {
    headers,
    data: { content: simpleContent('Half-typed draft sentence.') },
  })
  expect(autosave.status()).toBe(200)
  // A script sets the title, without ?draft and without _status.
  const plain = await request.patch(`/api/articles/${article.id}`, { headers, data: { title: 'Plain save new title' } })
  expect(plain.status(), await plain.text()).toBe(200)

  const shown = await anonymous(base, page)
  expect(shown.status).toBe(200)
  expect(shown.text).toContain('Plain save new title')
  expect(shown.text).toContain('Integrity body text.')
  expect(shown.text).not.toContain('Half-typed draft sentence.')
  const rest = await anonymous(base, `/api/articles/${article.id}?depth=0`)
  expect(rest.status).toBe(200)
  expect(JSON.parse(rest.text).title).toBe('Plain save new title')
  const draft = await request.get(`/api/articles/${article.id}?draft=true&depth=0`, { headers })
  expect(JSON.stringify((await draft.json()).content)).toContain('Half-typed draft sentence.')

  // Unpublishing is asked for with _status: REST and the page both stop showing it at once.
  const unpublished = await request.patch(`/api/articles/${article.id}`, { headers, data: { _status: 'draft' } })
  expect(unpublished.status()).toBe(200)
  expect((await anonymous(base, `/api/articles/${article.id}`)).status).toBe(404)
  await expect.poll(async () => (await anonymous(base, page)).status, { timeout: 10_000 }).toBe(404)
})

test('a published article never shows the figures of a salary table that is not published', async ({
  baseURL,
  request,
}) => {
  const base = baseURL as string
  const headers = await adminAuth(request)
  const tableId = await createTable(request, headers, 'Unpublished figures table', 150_000)
  const cite = () =>
    richText(
      paragraph(
        'Paid ',
        figure({
          source: 'salaryCell',
          table: tableId,
          role: 'AI Engineer',
          tier: 'FAANG+',
          column: 'total',
          format: 'currency',
        }),
        ' a year.',
      ),
    )
  const article = await createArticle(request, headers, { title: 'Unpublished figures article', content: cite() })
  expect((await anonymous(base, `/blog/${article.slug}`)).text).toContain('$150,000')

  const unpublished = await request.patch(`/api/salary-tables/${tableId}`, {
    headers,
    data: { _status: 'draft', rows: [row(654_000)] },
  })
  expect(unpublished.status()).toBe(200)
  expect(
    (await request.patch(`/api/articles/${article.id}`, { headers, data: { excerpt: 'Saved again.' } })).status(),
  ).toBe(200)
  const later = await createArticle(request, headers, { title: 'Later unpublished figures article', content: cite() })

  for (const { slug, id } of [article, later]) {
    for (const path of [
      `/blog/${slug}`,
      `/api/articles/${id}?depth=2`,
      '/feed.xml',
      `/search?q=${encodeURIComponent('figures article')}`,
    ]) {
      const answer = await anonymous(base, path)
      expect(answer.text, path).not.toContain('654,000')
    }
  }
  expect((await anonymous(base, `/blog/${article.slug}`)).text).toContain('$150,000')
})

test('requests that answered 500 answer 4xx: no body, text/plain, a fragment cycle, a NUL in a file name', async ({
  baseURL,
  request,
}) => {
  const base = baseURL as string
  const headers = await adminAuth(request)
  const article = await createArticle(request, headers, { title: 'Five hundreds article' })
  const auth = { authorization: headers.Authorization }
  const noBody = await fetch(`${base}/api/articles/${article.id}`, { method: 'PATCH', headers: auth })
  expect(noBody.status).toBe(400)
  const plainText = await fetch(`${base}/api/articles/${article.id}`, {
    method: 'PATCH',
    headers: { ...auth, 'content-type': 'text/plain' },
    body: 'title=x',
  })
  expect(plainText.status).toBe(400)
  expect((await plainText.json()).errors[0].message).toMatch(/JSON object/)

  const cycle = await request.post('/api/graphql', {
    data: { query: 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }' },
  })
  expect(cycle.status()).toBe(400)
  expect((await cycle.json()).errors[0].message).toMatch(/fragment cycles are not allowed/)

  expect((await anonymous(base, '/api/media/file/ok.png%00.html')).status).toBe(400)
  expect((await anonymous(base, '/api/media/file/no-such-file.png')).status).toBe(404)
  expect((await anonymous(base, `/api/articles/${article.id}`)).status).toBe(200)
})

test('GraphQL introspection is closed to anonymous clients in production', async ({ baseURL }) => {
  const refused = await fetch(`${baseURL}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __schema { queryType { name } } __type(name: "Article") { name } }' }),
  })
  const refusal = await refused.json()
  expect(refusal.data).toBeUndefined()
  expect(refusal.errors[0].message).toMatch(/introspection is not allowed/)
  // Queries go on as before.
  const query = await fetch(`${baseURL}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ Articles(limit: 1) { docs { title } } }' }),
  })
  expect((await query.json()).data.Articles.docs).toHaveLength(1)
})

test('feed titles and descriptions are text: markup in a title reaches feed readers escaped', async ({
  baseURL,
  request,
}) => {
  const headers = await adminAuth(request)
  const title = `Use <b>bold</b> & ]]> carefully ${Date.now()}`
  await createArticle(request, headers, { title, excerpt: 'An <img src=x onerror=alert(1)> excerpt.' })
  const feed = (await anonymous(baseURL as string, '/feed.xml')).text
  const item = feed.split('<item>').find((entry) => entry.includes('carefully'))
  expect(item).toBeDefined()
  expect(item).toContain('<title><![CDATA[Use &lt;b&gt;bold&lt;/b&gt; &amp; ]]&gt; carefully')
  expect(item).toContain('<description><![CDATA[An &lt;img src=x onerror=alert(1)&gt; excerpt.]]></description>')
  expect(item).not.toContain('<b>')
})

test('an uploaded file is stored and served under the extension of its bytes', async ({ baseURL, request }) => {
  const headers = await adminAuth(request)
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#654321' } })
    .png()
    .toBuffer()
  const name = `poly-${Date.now()}`
  const uploaded = await request.post('/api/media', {
    headers,
    multipart: {
      file: { name: `${name}.html`, mimeType: 'text/html', buffer: png },
      _payload: JSON.stringify({ alt: 'A PNG named as a page' }),
    },
  })
  expect(uploaded.status(), await uploaded.text()).toBe(201)
  const { doc } = await uploaded.json()
  expect(doc.filename).toBe(`${name}.png`)
  const served = await anonymous(baseURL as string, `/api/media/file/${name}.png`)
  expect(served.status).toBe(200)
  expect(served.headers.get('content-type')).toBe('image/png')
  expect((await anonymous(baseURL as string, `/api/media/file/${name}.html`)).status).toBe(404)
})

/**
 * Sends `method path` with a JSON body over a raw connection and closes it without reading the
 * answer: `sendBytes` of the body (all of it by default), as a browser leaving the page does to its
 * last save's fetch (it cancels it once sent), or a client cut off mid-upload.
 */
async function sendAndLeave(
  baseURL: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string,
  sendBytes = Buffer.byteLength(body),
) {
  const { hostname, port } = new URL(baseURL)
  const payload = Buffer.from(body)
  const head =
    `${method} ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\n` +
    `Content-Length: ${payload.length}\r\n` +
    Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('') +
    '\r\n'
  await new Promise<void>((resolve, reject) => {
    const socket = net.connect(Number(port), hostname === 'localhost' ? '127.0.0.1' : hostname, () => {
      socket.write(Buffer.concat([Buffer.from(head), payload.subarray(0, sendBytes)]), () => {
        socket.destroy()
        resolve()
      })
    })
    socket.on('error', reject)
  })
}

test('a save sent whole counts though its client leaves before the answer; one cut off mid-body changes nothing', async ({
  baseURL,
  request,
}) => {
  const headers = await adminAuth(request)
  const stamp = Date.now()
  // Several at once, as several editors' browsers leaving their pages: each save must land.
  const ids = await Promise.all(
    Array.from({ length: 6 }, (_, index) => createTable(request, headers, `Left mid-save ${stamp} ${index}`, 100_000)),
  )
  const [id] = ids
  const baseOf = async (table = id) => {
    const answer = await request.get(`/api/salary-tables/${table}?depth=0`, { headers })
    return ((await answer.json()) as { rows: { base: number }[] }).rows[0].base
  }
  const rowsWith = (base: number) => JSON.stringify({ rows: [row(base)] })

  await Promise.all(
    ids.map((table) => sendAndLeave(baseURL!, 'PATCH', `/api/salary-tables/${table}`, headers, rowsWith(123_456))),
  )
  for (const table of ids)
    await expect
      .poll(() => baseOf(table), { message: `the save left after sending (${table})`, timeout: 10_000 })
      .toBe(123_456)

  const cutOff = rowsWith(654_321)
  await sendAndLeave(baseURL!, 'PATCH', `/api/salary-tables/${id}`, headers, cutOff, cutOff.length - 5)
  // Nothing to wait for but time: the cut-off save must never land, and a second is far longer
  // than the whole save above took.
  await new Promise((resolve) => setTimeout(resolve, 1_000))
  expect(await baseOf()).toBe(123_456)
})
