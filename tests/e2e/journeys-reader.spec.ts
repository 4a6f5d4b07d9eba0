import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'

import {
  adminAuth,
  createArticle,
  createCategory,
  createUser,
  deleteDoc,
  deleteUsersNamed,
  loginToAdmin,
  simpleContent,
  uniqueStamp,
} from './api'

/**
 * What a reader meets beyond the article page: a category's second page, the share card, the
 * preview links when they are wrong or left, and accessibility scans of the pages every visit
 * passes through. Each journey makes the category and articles it reads, and deletes them after.
 */

// Independent journeys, each on data of its own: free to run on any worker, in any order.
test.describe.configure({ mode: 'parallel' })

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze()
  expect(
    results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`),
  ).toEqual([])
}

test('a category with thirteen articles pages them twelve at a time, page 2 holding the oldest', async ({
  page,
  request,
}) => {
  const stamp = uniqueStamp()
  const headers = await adminAuth(request)
  const category = await createCategory(request, `Paged ${stamp}`, headers)
  const articles: { id: string; title: string }[] = []
  try {
    for (let index = 1; index <= 13; index++) {
      // Day 1 is the oldest: the only one on page 2.
      const publishedAt = new Date(Date.UTC(2021, 0, index)).toISOString()
      articles.push(
        await createArticle(
          request,
          { title: `Paged ${stamp} no. ${index}`, category: category.id, publishedAt },
          headers,
        ),
      )
    }
    const oldest = articles[0].title
    const path = `/blog/category/${category.slug}`

    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(category.title)
    await expect(page.locator('.card')).toHaveCount(12)
    await expect(page.locator('.card-title').first()).toHaveText(`Paged ${stamp} no. 13`)
    await expect(page.getByRole('link', { name: oldest, exact: true })).toHaveCount(0)

    const pagination = page.getByRole('navigation', { name: 'Pagination' })
    await pagination.getByRole('link', { name: 'Page 2' }).click()
    await expect(page).toHaveURL(`${path}/page/2`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${category.title}, page 2`)
    await expect(page).toHaveTitle(`${category.title}, page 2 | Valenx Press`)
    await expect(page.locator('.card-title')).toHaveText([oldest])
    await expect(pagination.locator('[aria-current="page"]')).toHaveText('2')

    // "← Newer" goes back; page 1 has one address; there is no page 3.
    await pagination.getByRole('link', { name: '← Newer' }).click()
    await expect(page).toHaveURL(path)
    await page.goto(`${path}/page/1`)
    await expect(page).toHaveURL(path)
    const beyond = await page.goto(`${path}/page/3`)
    expect(beyond?.status()).toBe(404)
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  } finally {
    for (const article of articles) await deleteDoc(request, 'articles', article.id, headers)
    await deleteDoc(request, 'categories', category.id, headers)
  }
})

test('the site-wide share card /og-image.png is a 1200×630 PNG that a browser displays', async ({ page, request }) => {
  const response = await request.get('/og-image.png')
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toBe('image/png')
  const png = await response.body()
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true)
  // IHDR: width and height, big-endian, right after the signature and the chunk's length and type.
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630])
  // A card with its text drawn, not an empty canvas.
  expect(png.length).toBeGreaterThan(10_000)

  // Every page names it; the browser decodes it at its full size.
  await page.goto('/')
  const url = await page.locator('meta[property="og:image"]').first().getAttribute('content')
  expect(new URL(url as string).pathname).toBe('/og-image.png')
  await page.goto('/og-image.png')
  const size = await page
    .locator('img')
    .evaluate((image: HTMLImageElement) => [image.naturalWidth, image.naturalHeight])
  expect(size).toEqual([1200, 630])
})

test('a preview link with a wrong secret or a path outside /blog/ is refused; leaving preview shows the published page', async ({
  page,
  request,
}) => {
  const stamp = uniqueStamp()
  const headers = await adminAuth(request)
  const category = await createCategory(request, `Preview links ${stamp}`, headers)
  const published = `Published title ${stamp}`
  const article = await createArticle(request, { title: published, category: category.id }, headers)
  try {
    // A pending draft over the published article: what the preview shows, and leaving it hides.
    const draftTitle = `Draft title ${stamp}`
    const draft = await request.patch(`/api/articles/${article.id}?draft=true`, {
      headers,
      data: { title: draftTitle, content: simpleContent('Draft body.'), _status: 'draft' },
    })
    expect(draft.status(), await draft.text()).toBe(200)

    await loginToAdmin(page, await createUser(request, 'editor', `Editor ${stamp}`, headers))
    await page.goto(`/admin/collections/articles/${article.id}`)
    const href = (await page.locator('a[href*="/next/preview?"]').first().getAttribute('href')) as string
    const link = new URL(href, page.url())
    expect(link.searchParams.get('path')).toBe(`/blog/${article.slug}`)

    // Signed in, but the secret is wrong: refused, with a sentence, not a redirect.
    const wrongSecret = new URL(link)
    wrongSecret.searchParams.set('secret', 'not-the-secret')
    const refused = await page.goto(wrongSecret.toString())
    expect(refused?.status()).toBe(403)
    await expect(page.locator('body')).toHaveText('This preview link is not valid.')

    // The right secret, but a path that is not an article: no open redirect.
    for (const path of [
      'https://example.com/',
      '//example.com/blog/x',
      '/admin',
      `/blog/${article.slug}/../../admin`,
    ]) {
      const outside = new URL(link)
      outside.searchParams.set('path', path)
      const response = await page.goto(outside.toString())
      expect(response?.status(), path).toBe(403)
      expect(new URL(page.url()).origin).toBe(link.origin)
      await expect(page.locator('body')).toHaveText('This preview link is not valid.')
    }

    // The real link: the draft, with a banner and a way out.
    await page.goto(link.toString())
    await expect(page).toHaveURL(`/blog/${article.slug}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(draftTitle)
    const banner = page.getByRole('status')
    await expect(banner).toContainText('Preview of the latest draft')
    await banner.getByRole('link', { name: 'Leave preview' }).click()
    await expect(page).toHaveURL(`/blog/${article.slug}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(published)
    await expect(page.getByRole('status')).toHaveCount(0)
    await expect(page.getByText(draftTitle)).toHaveCount(0)

    // /next/exit-preview sends a path that is not an article home, not elsewhere.
    await page.goto('/next/exit-preview?path=https%3A%2F%2Fexample.com%2F')
    expect(new URL(page.url()).pathname).toBe('/')
    expect(new URL(page.url()).origin).toBe(link.origin)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Career data you can check')
  } finally {
    await deleteDoc(request, 'articles', article.id, headers)
    await deleteDoc(request, 'categories', category.id, headers)
    // Last: the documents (and the locks they held) go first.
    await deleteUsersNamed(request, stamp, headers)
  }
})

test('the home page, a category page and the 404 page pass an accessibility scan', async ({ page, request }) => {
  const stamp = uniqueStamp()
  const headers = await adminAuth(request)
  const category = await createCategory(request, `Accessible ${stamp}`, headers)
  const article = await createArticle(request, { title: `Accessible article ${stamp}`, category: category.id }, headers)
  try {
    await page.goto('/')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Career data you can check')
    await expectNoAxeViolations(page)

    await page.goto(`/blog/category/${category.slug}`)
    await expect(page.getByRole('link', { name: article.title })).toBeVisible()
    await expectNoAxeViolations(page)

    for (const path of [`/blog/no-such-article-${stamp}`, `/no-such-page-${stamp}`]) {
      const response = await page.goto(path)
      expect(response?.status(), path).toBe(404)
      await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
      await expect(page.getByRole('link', { name: 'Browse the blog' })).toHaveAttribute('href', '/blog')
      await expectNoAxeViolations(page)
    }
  } finally {
    await deleteDoc(request, 'articles', article.id, headers)
    await deleteDoc(request, 'categories', category.id, headers)
  }
})
