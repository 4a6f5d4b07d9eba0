import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from '@playwright/test'

import { block, paragraph, richText } from '../../src/seed/lexical'

import {
  adminAuth,
  createArticle,
  createCategory,
  createSalaryTable,
  deleteDoc,
  simpleContent,
  uniqueStamp,
} from './api'

const ARTICLE_SLUG = 'ai-engineer-vs-ml-engineer'
const ARTICLE_TITLE = 'AI Engineer vs ML Engineer: Roles, Salary, and Career Path'

type FeedItem = {
  title: string
  link: string
  guid: string
  pubDate: string
  description: string
  category: string
  updated: string
}

/** Parses XML the way a browser does (an XML error makes the document a <parsererror>). */
async function parseSitemapFile(page: Page, xml: string, root: 'urlset' | 'sitemapindex') {
  return page.evaluate(
    ({ text, root }) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml')
      if (doc.getElementsByTagName('parsererror').length) throw new Error('the sitemap is not well-formed XML')
      if (doc.documentElement.localName !== root) throw new Error(`unexpected root <${doc.documentElement.localName}>`)
      return [...doc.getElementsByTagName(root === 'urlset' ? 'url' : 'sitemap')].map((url) => ({
        loc: url.getElementsByTagName('loc')[0]?.textContent ?? '',
        lastmod: url.getElementsByTagName('lastmod')[0]?.textContent ?? '',
      }))
    },
    { text: xml, root },
  )
}

/** Every URL of the sitemap, as a crawler reads it: /sitemap.xml is an index, its files hold the URLs. */
async function sitemapEntries(page: Page, request: APIRequestContext) {
  const response = await request.get('/sitemap.xml')
  expect(response.status()).toBe(200)
  const files = await parseSitemapFile(page, await response.text(), 'sitemapindex')
  expect(files.length).toBeGreaterThan(0)
  const entries: { loc: string; lastmod: string }[] = []
  for (const file of files) {
    const fileResponse = await request.get(new URL(file.loc).pathname)
    expect(fileResponse.status(), file.loc).toBe(200)
    entries.push(...(await parseSitemapFile(page, await fileResponse.text(), 'urlset')))
  }
  return entries
}

async function parseFeed(page: Page, xml: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml')
    if (doc.getElementsByTagName('parsererror').length) throw new Error('feed.xml is not well-formed XML')
    const rss = doc.documentElement
    const channel = rss.getElementsByTagName('channel')[0]
    const child = (element: Element, name: string) =>
      [...element.children].find((node) => node.tagName === name)?.textContent ?? ''
    return {
      root: rss.tagName,
      version: rss.getAttribute('version'),
      title: child(channel, 'title'),
      link: child(channel, 'link'),
      items: [...channel.getElementsByTagName('item')].map((item) => ({
        title: child(item, 'title'),
        link: child(item, 'link'),
        guid: child(item, 'guid'),
        pubDate: child(item, 'pubDate'),
        description: child(item, 'description'),
        category: child(item, 'category'),
        updated: child(item, 'atom:updated'),
      })),
    }
  }, xml)
}

/** Slugs of the published articles, as an anonymous API client sees them (drafts are never listed). */
async function publishedSlugs(request: APIRequestContext): Promise<string[]> {
  const response = await request.get('/api/articles?limit=1000&depth=0')
  expect(response.status()).toBe(200)
  const body = (await response.json()) as { docs: { slug: string }[]; totalDocs: number }
  expect(body.totalDocs).toBe(body.docs.length)
  return body.docs.map((doc) => doc.slug).sort()
}

const articleSlugsIn = (urls: string[]) =>
  urls
    .map((url) => new URL(url).pathname)
    .filter((path) => /^\/blog\/[^/]+$/.test(path))
    .map((path) => path.replace('/blog/', ''))
    .sort()

/** An API client signed in as the admin, separate from the anonymous `request` fixture. */
async function adminClient(baseURL: string) {
  const context = await playwrightRequest.newContext({ baseURL })
  const login = await context.post('/api/users/login', {
    data: { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD },
  })
  expect(login.status()).toBe(200)
  const { token } = (await login.json()) as { token: string }
  return { context, headers: { Authorization: `JWT ${token}` } }
}

test('a reader searches for "MLOps" with the form and finds the article, with or without JavaScript', async ({
  page,
  browser,
}) => {
  await page.goto('/')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click()
  await expect(page).toHaveURL(/\/search$/)
  await page.getByLabel('Search articles').fill('MLOps')
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(/\/search\?q=MLOps$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search results for “MLOps”')
  await expect(page).toHaveTitle('Search results for “MLOps” | Valenx Press')
  await expect(page.getByLabel('Search articles')).toHaveValue('MLOps')
  await page.getByRole('link', { name: ARTICLE_TITLE }).click()
  await expect(page).toHaveURL(`/blog/${ARTICLE_SLUG}`)

  // Result pages are for readers, not for a search index.
  await page.goto('/search?q=MLOps')
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/)

  const noScript = await browser.newContext({ javaScriptEnabled: false, baseURL: test.info().project.use.baseURL })
  const plain = await noScript.newPage()
  await plain.goto('/search')
  await plain.getByLabel('Search articles').fill('mlops')
  await plain.getByLabel('Search articles').press('Enter')
  await expect(plain).toHaveURL(/\/search\?q=mlops$/)
  await expect(plain.getByRole('link', { name: ARTICLE_TITLE })).toBeVisible()

  await plain.getByLabel('Search articles').fill('zzqx nothing here')
  await plain.getByRole('button', { name: 'Search' }).click()
  await expect(plain.getByRole('heading', { level: 1 })).toHaveText('Search results for “zzqx nothing here”')
  await expect(plain.getByText('No articles match “zzqx nothing here”.')).toBeVisible()
  await expect(plain.getByRole('link', { name: 'browse every article' })).toHaveAttribute('href', '/blog')
  await noScript.close()
})

test('the article page carries JSON-LD, canonical, Open Graph and Twitter metadata', async ({ page, request }) => {
  await page.goto(`/blog/${ARTICLE_SLUG}`)
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents()
  const data = scripts.map((text) => JSON.parse(text) as Record<string, unknown>)
  // Each salary table's rows follow its Dataset as Occupations (one per role and tier).
  const occupations = data.filter((item) => item['@type'] === 'Occupation')
  expect(occupations).toHaveLength(6)
  expect(data.map((item) => item['@type'])).toEqual([
    'Article',
    'FAQPage',
    'Dataset',
    ...occupations.map(() => 'Occupation'),
    'BreadcrumbList',
  ])
  expect(occupations[0]).toMatchObject({
    name: 'AI Engineer (FAANG+ (L5-L7))',
    estimatedSalary: [{ '@type': 'MonetaryAmountDistribution', currency: 'USD', duration: 'P1Y', median: 210_000 }, {}],
  })

  const [article, faq, dataset, breadcrumbs] = data.filter((item) => item['@type'] !== 'Occupation')
  const heading = await page.getByRole('heading', { level: 1 }).textContent()
  expect(article.headline).toBe(heading)
  const updated = await page.locator('.article-updated time').getAttribute('datetime')
  expect(article.dateModified).toBe(updated)
  expect((faq.mainEntity as unknown[]).length).toBe(3)
  expect((faq.mainEntity as { name: string }[])[0].name).toBe('Can an ML Engineer transition to an AI Engineer?')
  expect(dataset.citation).toContain('Levels.fyi (2023)')
  expect(dataset.temporalCoverage).toBe('2023/2024')
  expect((breadcrumbs.itemListElement as { name: string }[]).map((crumb) => crumb.name)).toEqual([
    'Home',
    'Blog',
    'Comparisons',
    heading,
  ])

  const origin = new URL(page.url()).origin
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${origin}/blog/${ARTICLE_SLUG}`)
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article')
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /AI Engineer vs ML Engineer/)
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image')
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /.{40,}/)
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
    'href',
    `${origin}/feed.xml`,
  )

  // The seed article has no image of its own: the generated card is a real 1200×630 PNG.
  const ogImage = await page.locator('meta[property="og:image"]').first().getAttribute('content')
  expect(ogImage).toBeTruthy()
  await expect(page.locator('meta[property="og:image:width"]').first()).toHaveAttribute('content', '1200')
  await expect(page.locator('meta[name="twitter:image"]').first()).toHaveAttribute('content', ogImage as string)
  const image = await request.get(ogImage as string)
  expect(image.status()).toBe(200)
  expect(image.headers()['content-type']).toBe('image/png')
  expect((await image.body()).subarray(1, 4).toString()).toBe('PNG')

  // Every other kind of page has its own title, description, canonical address and share card.
  for (const [path, title] of [
    ['/', 'Valenx Press: career data you can check'],
    ['/blog', 'Blog | Valenx Press'],
    ['/blog/category/comparisons', 'Comparisons | Valenx Press'],
  ] as const) {
    await page.goto(path)
    await expect(page).toHaveTitle(title)
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      'href',
      path === '/' ? `${origin}` : `${origin}${path}`,
    )
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /.{20,}/)
    await expect(page.locator('meta[property="og:image"]').first()).toHaveAttribute('content', /^http/)
  }
})

test('robots.txt allows readers, keeps crawlers out of the admin and API, and names the sitemap', async ({
  request,
  baseURL,
}) => {
  const response = await request.get('/robots.txt')
  expect(response.status()).toBe(200)
  const text = await response.text()
  expect(text).toMatch(/User-Agent: \*/i)
  expect(text).toContain('Allow: /')
  expect(text).toContain('Disallow: /admin')
  expect(text).toContain('Disallow: /api')
  expect(text).toContain(`Sitemap: ${baseURL}/sitemap.xml`)
})

test('the sitemap and the RSS feed list the published articles and nothing else, and follow edits', async ({
  page,
  request,
  baseURL,
}) => {
  // An article of its own showing a table of its own: the table's edit below moves its date.
  const stamp = uniqueStamp()
  const headers = await adminAuth(request)
  const made: [collection: string, id: string][] = []
  try {
    const category = await createCategory(request, `Feed ${stamp}`, headers)
    made.push(['categories', category.id])
    const table = await createSalaryTable(request, `Feed pay ${stamp}`, [
      { role: 'SEO Engineer', tier: 'Big Tech', base: 150_000, equity: 40_000, bonus: 10_000, source: 'Survey' },
    ])
    made.push(['salary-tables', table.id])
    const own = await createArticle(
      request,
      {
        title: `Feed ${stamp}: what SEO engineers earn`,
        category: category.id,
        content: richText(paragraph('What they earn.'), block('salaryTable', { table: table.id, showChart: false })),
      },
      headers,
    )
    made.push(['articles', own.id])
    const ownLink = `${baseURL}/blog/${own.slug}`

    // Other journeys publish and delete articles meanwhile: every list holds each article that was
    // published before and after it was read, and none that was published at neither time.
    const before = await publishedSlugs(request)
    const sitemap = await sitemapEntries(page, request)
    const feedResponse = await request.get('/feed.xml')
    const after = await publishedSlugs(request)
    const throughout = before.filter((slug) => after.includes(slug))
    const ever = [...new Set([...before, ...after])]
    expect(throughout).toEqual(expect.arrayContaining([ARTICLE_SLUG, own.slug]))

    const locs = sitemap.map((entry) => entry.loc)
    const sitemapSlugs = articleSlugsIn(locs)
    expect(sitemapSlugs).toEqual(expect.arrayContaining(throughout))
    expect(ever).toEqual(expect.arrayContaining(sitemapSlugs))
    expect(new Set(sitemapSlugs).size, 'each article once').toBe(sitemapSlugs.length)
    expect(locs).toEqual(
      expect.arrayContaining([
        `${baseURL}/`,
        `${baseURL}/blog`,
        `${baseURL}/blog/category/comparisons`,
        `${baseURL}/blog/category/${category.slug}`,
      ]),
    )
    for (const entry of sitemap) expect(Date.parse(entry.lastmod), entry.loc).not.toBeNaN()

    expect(feedResponse.status()).toBe(200)
    expect(feedResponse.headers()['content-type']).toBe('application/rss+xml; charset=utf-8')
    const feed = await parseFeed(page, await feedResponse.text())
    expect(feed).toMatchObject({ root: 'rss', version: '2.0', title: 'Valenx Press', link: `${baseURL}/` })
    // The newest 50: the journey's own article, just published, and the seed's, older than those
    // other journeys publish now (bulk fixtures are dated years back).
    const feedSlugs = articleSlugsIn(feed.items.map((item) => item.link))
    expect(feedSlugs.length).toBeLessThanOrEqual(50)
    expect(feedSlugs).toEqual(expect.arrayContaining([ARTICLE_SLUG, own.slug]))
    expect(ever).toEqual(expect.arrayContaining(feedSlugs))
    const seedItem = feed.items.find((item) => item.link === `${baseURL}/blog/${ARTICLE_SLUG}`) as FeedItem
    expect(seedItem.title).toBe(ARTICLE_TITLE)
    expect(seedItem.category).toBe('Comparisons')
    expect(seedItem.description.length).toBeGreaterThan(40)
    expect(seedItem.guid).toBeTruthy()
    expect(new Date(seedItem.pubDate).toString()).not.toBe('Invalid Date')
    expect(feed.items.find((item) => item.link === ownLink)?.category).toBe(category.title)
    // Newest first, as readers expect.
    const dates = feed.items.map((item) => Date.parse(item.pubDate))
    expect(dates).toEqual([...dates].sort((a, b) => b - a))

    // The seed article's date is its content date: the sitemap, the feed and the page agree.
    const seedLastmod = sitemap.find((entry) => entry.loc === `${baseURL}/blog/${ARTICLE_SLUG}`)?.lastmod
    await page.goto(`/blog/${ARTICLE_SLUG}`)
    const pageDate = await page.locator('.article-updated time').getAttribute('datetime')
    expect(new Date(seedLastmod as string).toISOString()).toBe(pageDate)
    expect(seedItem.updated).toBe(pageDate)

    // A salary-table edit moves the date of the article that shows it in the sitemap and the feed
    // (revalidated by tag), and on its page.
    const edit = await request.patch(`/api/salary-tables/${table.id}`, {
      headers,
      data: { notes: `Rechecked ${stamp}.`, _status: 'published' },
    })
    expect(edit.status(), await edit.text()).toBe(200)
    const tableUpdatedAt = new Date(((await edit.json()) as { doc: { updatedAt: string } }).doc.updatedAt).toISOString()
    await expect(async () => {
      const entries = await sitemapEntries(page, request)
      const lastmod = entries.find((entry) => entry.loc === ownLink)?.lastmod as string
      expect(new Date(lastmod).toISOString()).toBe(tableUpdatedAt)
      const items = (await parseFeed(page, await (await request.get('/feed.xml')).text())).items
      expect(items.find((item) => item.link === ownLink)?.updated).toBe(tableUpdatedAt)
    }).toPass({ timeout: 15_000 })
    await page.goto(`/blog/${own.slug}`)
    await expect(page.locator('.article-updated time')).toHaveAttribute('datetime', tableUpdatedAt)
  } finally {
    for (const [collection, id] of made.reverse()) await deleteDoc(request, collection, id, headers)
  }
})

test('a draft appears in no sitemap, feed or search until it is published', async ({ page, request, baseURL }) => {
  const word = `Quillibrant${Date.now()}`
  const title = `Draft: what ${word} specialists earn`
  const slug = `draft-${word.toLowerCase()}`
  const admin = await adminClient(baseURL as string)
  const seed = (await (await request.get(`/api/articles?where[slug][equals]=${ARTICLE_SLUG}&depth=0`)).json()) as {
    docs: { category: string }[]
  }
  let id: string | undefined
  try {
    const created = await admin.context.post('/api/articles?draft=true', {
      headers: admin.headers,
      data: {
        title,
        slug,
        excerpt: `Unpublished: ${word} salaries.`,
        category: seed.docs[0].category,
        content: simpleContent(`What ${word} specialists earn.`),
        _status: 'draft',
      },
    })
    expect(created.status()).toBe(201)
    id = ((await created.json()) as { doc: { id: string } }).doc.id

    const expectListed = async (listed: boolean) => {
      const sitemap = (await sitemapEntries(page, request)).map((entry) => entry.loc).join('\n')
      const feed = await (await request.get('/feed.xml')).text()
      const search = await (await request.get(`/search?q=${word}`)).text()
      for (const [name, text] of [
        ['sitemap', sitemap],
        ['feed', feed],
        ['search', search],
      ]) {
        expect(text.includes(`/blog/${slug}`), `${name} lists /blog/${slug}`).toBe(listed)
      }
      expect(feed.includes(word), 'feed names the article').toBe(listed)
    }

    await expectListed(false)
    expect(await publishedSlugs(request)).not.toContain(slug)
    await page.goto(`/search?q=${word}`)
    await expect(page.getByText(`No articles match “${word}”.`)).toBeVisible()

    // Published, it shows up everywhere at once: the static sitemap and feed were revalidated.
    const publish = await admin.context.patch(`/api/articles/${id}`, {
      headers: admin.headers,
      data: { _status: 'published' },
    })
    expect(publish.status()).toBe(200)
    await expect(() => expectListed(true)).toPass({ timeout: 15_000 })
    await page.goto(`/search?q=${word}`)
    await expect(page.getByRole('link', { name: title })).toBeVisible()

    const removed = await admin.context.delete(`/api/articles/${id}`, { headers: admin.headers })
    expect(removed.status()).toBe(200)
    id = undefined
    await expect(() => expectListed(false)).toPass({ timeout: 15_000 })
  } finally {
    if (id) await admin.context.delete(`/api/articles/${id}`, { headers: admin.headers })
    await admin.context.dispose()
  }
})
