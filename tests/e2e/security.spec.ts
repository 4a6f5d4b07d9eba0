import { expect, test, type APIRequestContext, type Page } from '@playwright/test'

import { block, link, paragraph, richText } from '../../src/seed/lexical'
import { adminAuth, findOne } from './api'

/**
 * Security of what the production server sends: response headers and their Content-Security-Policy
 * (the reader pages run under it without a single violation, the admin still signs in), hostile text
 * in every field that reaches a page arriving as text and never as markup, and the GraphQL
 * playground and CORS as a browser on another origin sees them.
 */

const ARTICLE = '/blog/ai-engineer-vs-ml-engineer'
const PUBLIC_PAGES = ['/', ARTICLE, '/search', '/search?q=engineer', '/feed.xml', '/blog']

/** Collects Content-Security-Policy violations from both the console and the DOM event. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to (execute|load|apply|connect|frame)/i.test(message.text()))
      violations.push(message.text())
  })
  await page.exposeFunction('__reportCspViolation', (text: string) => violations.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      ;(window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`,
      )
    })
  })
  return violations
}

test('every public page carries the security headers and the reader CSP', async ({ request }) => {
  for (const path of PUBLIC_PAGES) {
    const response = await request.get(path)
    expect(response.status(), path).toBe(200)
    const headers = response.headers()
    expect(headers['x-content-type-options'], path).toBe('nosniff')
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin')
    expect(headers['x-frame-options'], path).toBe('SAMEORIGIN')
    expect(headers['permissions-policy'], path).toContain('camera=()')
    const csp = headers['content-security-policy']
    expect(csp, path).toContain("default-src 'self'")
    expect(csp, path).toContain("frame-ancestors 'self'")
    expect(csp, path).toContain("object-src 'none'")
    expect(csp, path).toContain("img-src 'self' data: blob:")
    expect(csp, path).toContain("connect-src 'self'")
    expect(csp, path).not.toMatch(/\*|https?:/)
    // Critical-CH would make Chrome fetch every first page twice (the admin's colour-scheme hint).
    expect(headers['critical-ch'], path).toBeUndefined()
  }

  // The admin keeps the frame rules but none of the script limits its inline code would trip over.
  const admin = await request.get('/admin/login')
  expect(admin.status()).toBe(200)
  const adminCsp = admin.headers()['content-security-policy']
  expect(adminCsp).toContain("frame-ancestors 'self'")
  expect(adminCsp).not.toContain('script-src')
  expect(admin.headers()['x-frame-options']).toBe('SAMEORIGIN')
  expect(admin.headers()['critical-ch']).toBe('Sec-CH-Prefers-Color-Scheme')
})

test('HSTS is sent when the reader came over HTTPS (the proxy says so), never over plain HTTP', async ({ request }) => {
  for (const path of ['/', '/blog', '/admin/login', '/api/articles?limit=1']) {
    const plain = await request.get(path)
    expect(plain.headers()['strict-transport-security'], path).toBeUndefined()
    const viaTls = await request.get(path, { headers: { 'x-forwarded-proto': 'https' } })
    expect(viaTls.headers()['strict-transport-security'], path).toBe('max-age=31536000')
  }
})

test('the article page, home, blog and search run under the CSP without a single violation', async ({ page }) => {
  const violations = await watchCsp(page)
  for (const path of [ARTICLE, '/', '/blog', '/search?q=engineer']) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(200)
    await page.waitForLoadState('networkidle')
  }
  // Reader pages are plain HTML (src/server/plainHtml.mjs): no script to run, and a policy that
  // forbids any, so an injected one could not run either.
  const article = await page.goto(ARTICLE)
  await page.waitForLoadState('networkidle')
  expect(article?.headers()['content-security-policy']).toContain("script-src 'none'")
  expect(await page.evaluate(() => typeof (window as unknown as { __next_f?: unknown }).__next_f)).toBe('undefined')
  expect(violations).toEqual([])
})

test('the admin still loads and signs in under its own policy', async ({ page }) => {
  const violations = await watchCsp(page)
  await page.goto('/admin/login')
  await page.locator('#field-email').fill(process.env.ADMIN_EMAIL as string)
  await page.locator('#field-password').fill(process.env.ADMIN_PASSWORD as string)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)
  await expect(page.getByRole('link', { name: /Articles/ }).first()).toBeVisible()
  expect(violations).toEqual([])
})

/* ------------------------------------------------------------------------------------------------ */

const HOSTILE = {
  script: '<script>alert("script")</script>',
  img: '<img src=x onerror=alert("img")>',
  svg: '<svg onload=alert("svg")>',
  breakout: '</script><script>alert("breakout")</script>',
  js: 'javascript:alert("url")',
  iframe: '<iframe src="javascript:alert(\'frame\')"></iframe>',
}

type Created = { collection: string; id: string }

async function create(
  request: APIRequestContext,
  headers: Record<string, string>,
  collection: string,
  data: Record<string, unknown>,
  created: Created[],
) {
  const response = await request.post(`/api/${collection}`, { headers, data })
  expect(response.status(), `${collection}: ${await response.text()}`).toBe(201)
  const { doc } = (await response.json()) as { doc: { id: string } }
  created.unshift({ collection, id: doc.id })
  return doc.id
}

/** Asserts a loaded page shows hostile text as text: no dialog ran, no handler attribute, no script URL. */
async function expectInert(page: Page, dialogs: string[], where: string) {
  await page.waitForLoadState('networkidle')
  expect(dialogs, `${where}: dialogs`).toEqual([])
  expect(
    await page.locator('[onerror], [onload], [onmouseover], [onclick]').count(),
    `${where}: handler attributes`,
  ).toBe(0)
  expect(await page.locator('[href^="javascript:" i], [src^="javascript:" i]').count(), `${where}: script URLs`).toBe(0)
  expect(await page.locator('iframe, svg[onload], img[src="x"]').count(), `${where}: injected elements`).toBe(0)
  // Every script is either Next's own (inline, untyped) or JSON-LD; none came from the content.
  const scripts = await page
    .locator('script')
    .evaluateAll((nodes) => nodes.map((node) => ({ type: node.getAttribute('type'), text: node.textContent ?? '' })))
  for (const script of scripts)
    expect(script.text.startsWith('alert('), `${where}: a script that is an injected alert`).toBe(false)
}

test('script, event handlers and javascript: URLs in every text field reach readers as text', async ({
  page,
  request,
}) => {
  const headers = await adminAuth(request)
  const tag = `Hostile${Date.now()}`
  const created: Created[] = []
  const dialogs: string[] = []
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message())
    await dialog.dismiss()
  })
  const violations = await watchCsp(page)

  try {
    const seed = await findOne(request, 'articles', 'slug', 'ai-engineer-vs-ml-engineer')
    const tableTitle = `${tag} table ${HOSTILE.breakout}`
    const tableId = await create(
      request,
      headers,
      'salary-tables',
      {
        title: tableTitle,
        currency: 'USD',
        period: HOSTILE.script.slice(0, 40),
        asOf: '2026-06-01',
        notes: HOSTILE.iframe,
        rows: [
          {
            role: HOSTILE.img,
            tier: HOSTILE.breakout,
            base: 100_000,
            equity: 20_000,
            bonus: 5_000,
            source: HOSTILE.js,
          },
          { role: HOSTILE.svg, tier: HOSTILE.script, base: 90_000, equity: 0, bonus: 1_000, source: HOSTILE.iframe },
        ],
        _status: 'published',
      },
      created,
    )
    const question = `${tag} ${HOSTILE.script} ${HOSTILE.img}?`
    const faqId = await create(
      request,
      headers,
      'faqs',
      {
        question,
        answer: richText(paragraph(`Answer ${HOSTILE.breakout} ${HOSTILE.svg}`)),
        note: { label: 'Data Point', text: `${HOSTILE.img} ${HOSTILE.iframe}` },
        _status: 'published',
      },
      created,
    )

    const title = `${tag} ${HOSTILE.breakout} ${HOSTILE.img}`
    const slug = tag.toLowerCase()
    const content = richText(
      paragraph(`Body ${HOSTILE.script} ${HOSTILE.iframe}`),
      block('salaryTable', { table: tableId, caption: `${HOSTILE.img} caption`, showChart: true }),
      block('dataTable', {
        caption: `${HOSTILE.breakout} data`,
        columns: [
          { label: HOSTILE.img, type: 'text', source: HOSTILE.js },
          { label: HOSTILE.svg, type: 'text', source: HOSTILE.script },
        ],
        rows: [
          { cells: [{ value: HOSTILE.script }, { value: HOSTILE.js }] },
          { cells: [{ value: HOSTILE.iframe }, { value: HOSTILE.breakout }] },
        ],
        currency: 'USD',
        source: HOSTILE.img,
      }),
      block('callout', { label: 'Note', content: richText(paragraph(`Callout ${HOSTILE.img} ${HOSTILE.breakout}`)) }),
      block('faqList', { faqs: [faqId] }),
    )
    const article = {
      title,
      slug,
      excerpt: `${HOSTILE.img} & "quoted" ${HOSTILE.script}`,
      category: seed.category,
      content,
      _status: 'published',
    }

    // A javascript: link is refused at the door, so it never has to be escaped.
    const withScriptLink = await request.post('/api/articles', {
      headers,
      data: { ...article, slug: `${slug}-link`, content: richText(paragraph(link(HOSTILE.js, 'click me'))) },
    })
    expect(withScriptLink.status(), await withScriptLink.text()).toBe(400)
    // Refused at the link itself, with what to type instead.
    expect(await withScriptLink.text()).toMatch(/content\.root\.children\.0\.children\.0\.fields\.url/)
    expect(await withScriptLink.text()).toMatch(/starting with http:\/\/ or https:\/\//)

    await create(request, headers, 'articles', article, created)

    // The article: every field shown as the very text that was typed.
    await page.goto(`/blog/${slug}`)
    await expectInert(page, dialogs, 'article')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
    const main = page.locator('main')
    for (const text of [
      `Body ${HOSTILE.script} ${HOSTILE.iframe}`,
      HOSTILE.img,
      HOSTILE.svg,
      `${HOSTILE.breakout} data`,
      `Callout ${HOSTILE.img} ${HOSTILE.breakout}`,
      question,
      HOSTILE.js,
    ]) {
      await expect(main.getByText(text, { exact: false }).first(), text).toBeVisible()
    }
    await expect(page.locator('.faq-note')).toContainText(`${HOSTILE.img} ${HOSTILE.iframe}`)

    // JSON-LD: the `</script>` in the title did not end its script early; each one parses whole.
    const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents()
    const data = jsonLd.map((text) => JSON.parse(text) as Record<string, unknown>)
    // One Occupation per salary row beside the Dataset (src/seo): the hostile text is in each node.
    const types = data.map((item) => item['@type'])
    expect(types.filter((type) => type !== 'Occupation')).toEqual(['Article', 'FAQPage', 'Dataset', 'BreadcrumbList'])
    expect(types).toContain('Occupation')
    expect(data[0].headline).toBe(title)
    expect((data[1].mainEntity as { name: string }[])[0].name).toBe(question)
    for (const text of jsonLd) expect(text).not.toContain('</script')

    // The same text on the lists, the search results and the feed.
    for (const path of ['/blog', `/search?q=${tag}`]) {
      await page.goto(path)
      await expectInert(page, dialogs, path)
      await expect(page.getByRole('link', { name: title }).first(), path).toBeVisible()
    }
    const feed = await request.get('/feed.xml')
    const items = await page.evaluate(
      (xml) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml')
        if (doc.querySelector('parsererror')) return null
        return [...doc.querySelectorAll('item')].map((item) => ({
          title: item.querySelector('title')?.textContent,
          description: item.querySelector('description')?.textContent,
        }))
      },
      await feed.text(),
    )
    expect(items, 'feed.xml is well-formed XML').not.toBeNull()
    // A feed reader renders an item's CDATA as HTML: the text arrives escaped inside it, so the reader
    // shows the characters the editor typed, never markup (app/(frontend)/feed.xml/route.ts).
    const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    expect(items).toContainEqual({ title: escaped(title), description: escaped(article.excerpt) })

    expect(dialogs).toEqual([])
    expect(violations).toEqual([])
  } finally {
    for (const { collection, id } of created) await request.delete(`/api/${collection}/${id}`, { headers })
  }
})

/* ------------------------------------------------------------------------------------------------ */

test('the GraphQL playground is off in production', async ({ request }) => {
  const response = await request.get('/api/graphql-playground')
  expect(response.status()).toBeGreaterThanOrEqual(400)
  expect(await response.text()).not.toMatch(/GraphQL Playground/i)
})

test('a request from another origin gets no CORS grant, and the session cookie does not count for it', async ({
  request,
  baseURL,
}) => {
  const evil = 'https://evil.example'
  const own = new URL(baseURL as string).origin
  const preflight = await request.fetch('/api/articles', {
    method: 'OPTIONS',
    headers: {
      Origin: evil,
      'Access-Control-Request-Method': 'PATCH',
      'Access-Control-Request-Headers': 'content-type',
    },
  })
  expect(preflight.headers()['access-control-allow-origin']).toBeUndefined()
  const get = await request.get('/api/articles?limit=1', { headers: { Origin: evil } })
  expect(get.headers()['access-control-allow-origin']).toBeUndefined()
  // The configured origin is granted, so the refusal above is not vacuous.
  const granted = await request.get('/api/articles?limit=1', { headers: { Origin: own } })
  expect(granted.headers()['access-control-allow-origin']).toBe(own)

  // CSRF: signed in by cookie, a request that says it comes from another site is anonymous.
  const login = await request.post('/api/users/login', {
    data: { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD },
  })
  expect(login.status()).toBe(200)
  const setCookie = login.headers()['set-cookie'] ?? ''
  expect(setCookie).toMatch(/payload-token=/)
  expect(setCookie).toMatch(/HttpOnly/i)
  expect(setCookie).toMatch(/SameSite=Lax/i)
  const fromOwn = await (await request.get('/api/users/me', { headers: { Origin: own } })).json()
  expect(fromOwn.user?.email).toBe(process.env.ADMIN_EMAIL)
  const fromEvil = await (await request.get('/api/users/me', { headers: { Origin: evil } })).json()
  expect(fromEvil.user ?? null).toBeNull()
})
