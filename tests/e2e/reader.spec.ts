import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'

import { adminAuth, deleteDoc, findOne, simpleContent } from './api'

const ARTICLE = '/blog/ai-engineer-vs-ml-engineer'
const ARTICLE_TITLE = 'AI Engineer vs ML Engineer: Roles, Salary, and Career Path'

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze()
  expect(
    results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`),
  ).toEqual([])
}

test('a reader opens the seed article from the home page and reads its tables and FAQ', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('link', { name: ARTICLE_TITLE }).first().click()
  await expect(page).toHaveURL(ARTICLE)

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ARTICLE_TITLE)
  await expect(page.getByText(/Valenx Press · Comparisons · \d+ min read/)).toBeVisible()
  await expect(page.getByText(/^Updated \w+ \d{4}$/)).toBeVisible()

  const tables = page.locator('table')
  await expect(tables).toHaveCount(3)
  const salary = tables.first()
  await expect(salary.locator('caption')).toContainText('Salary benchmarks')
  await expect(salary.locator('th[scope="col"]').first()).toHaveText('Role')
  const faangAi = salary.getByRole('row').filter({ hasText: 'FAANG+' }).first()
  await expect(faangAi).toContainText('$210,000')
  await expect(faangAi).toContainText('$165,000')
  await expect(faangAi.locator('td.num').first()).toHaveCSS('text-align', 'right')
  await expect(page.getByText(/Levels\.fyi \(2023\)/).first()).toBeVisible()
  await expect(page.getByRole('img', { name: /^Chart: / }).first()).toBeVisible()
  const csvLink = page.getByRole('link', { name: 'Download CSV' }).first()
  const csv = await page.request.get((await csvLink.getAttribute('href')) as string)
  expect(csv.headers()['content-type']).toContain('text/csv')
  expect(await csv.text()).toContain('AI Engineer,FAANG+ (L5-L7),165000,35000,10000,210000,Levels.fyi (2023)')
  // Figures in the lead paragraph are computed from the same tables.
  const dataHook = page.getByRole('complementary', { name: 'Data Hook' })
  await expect(dataHook).toContainText('$210,000')
  await expect(dataHook).toContainText('22% higher')
  await expect(dataHook).toContainText('$172,000')
  await expect(dataHook).toContainText('3.5x')
  await expect(tables.nth(1)).toContainText('44,000')
  await expect(tables.nth(1)).toContainText('+180%')
  await expect(tables.nth(2)).toContainText('PyTorch')

  await expect(page.getByRole('heading', { name: /Q1: Can an ML Engineer transition/ })).toBeVisible()
  await expect(page.getByRole('heading', { name: /Q3: Is a PhD required/ })).toBeVisible()
  await expect(page.getByText('Data Point:')).toBeVisible()
  await expect(page.getByRole('link', { name: /0→1 AI Engineer Playbook/ })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Related Posts' })).toBeVisible()

  await expectNoAxeViolations(page)
})

test('a reader follows a related post, goes back to the blog, views all posts and opens a category', async ({
  page,
}) => {
  await page.goto(ARTICLE)
  const related = page.locator('.related .card-title a').first()
  const relatedTitle = (await related.textContent())?.trim() as string
  await related.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(relatedTitle)

  await page.getByRole('link', { name: '← Back to Blog' }).click()
  await expect(page).toHaveURL('/blog')
  await expect(page.getByRole('heading', { level: 1, name: 'Blog' })).toBeVisible()
  await expect(page.getByRole('link', { name: ARTICLE_TITLE })).toBeVisible()
  await expectNoAxeViolations(page)

  await page.goto(ARTICLE)
  await page.getByRole('link', { name: 'View All Posts →' }).click()
  await expect(page).toHaveURL('/blog')

  await page.goto(ARTICLE)
  await page.locator('.article-meta').getByRole('link', { name: 'Comparisons' }).click()
  await expect(page).toHaveURL('/blog/category/comparisons')
  await expect(page.getByRole('heading', { level: 1, name: 'Comparisons' })).toBeVisible()
  await expect(page.getByRole('link', { name: ARTICLE_TITLE })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Skills that separate AI and ML Engineers' })).toHaveCount(0)
})

test('the blog index pages twelve articles at a time with real links', async ({ page, request }) => {
  const headers = await adminAuth(request)
  const category = await findOne(request, 'categories', 'slug', 'career-paths')
  const stamp = Date.now()
  const count = async () => (await (await request.get('/api/articles?limit=0')).json()).totalDocs as number
  // Articles of its own, older than any other (so they close the last page), enough for a second page
  // whatever other journeys left published.
  const own: string[] = []
  const wanted = Math.max(2, 13 - (await count()))
  try {
    for (let index = 0; index < wanted; index++) {
      const response = await request.post('/api/articles', {
        headers,
        data: {
          title: `Paging check article ${stamp} ${index}`,
          excerpt: 'An article that exists to fill the last page of the index.',
          category: category.id,
          content: simpleContent('Paging check.'),
          publishedAt: new Date(Date.UTC(2019, 0, 1 + index)).toISOString(),
          _status: 'published',
        },
      })
      expect(response.status()).toBe(201)
      own.push(((await response.json()).doc as { id: string }).id)
    }
    const total = await count()
    const pages = Math.ceil(total / 12)
    expect(pages).toBeGreaterThan(1)

    await page.goto('/blog')
    await expect(page.locator('.card')).toHaveCount(12)
    await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: 'Page 2' }).click()
    await expect(page).toHaveURL('/blog/page/2')
    await expect(page.locator('.card')).toHaveCount(Math.min(12, total - 12))
    await page.goto(`/blog/page/${pages}`)
    await expect(page.locator('.card')).toHaveCount(total - 12 * (pages - 1))
    await expect(page.getByRole('link', { name: `Paging check article ${stamp} 0` })).toBeVisible()
    expect((await request.get(`/blog/page/${pages + 1}`)).status()).toBe(404)
  } finally {
    for (const id of own) await deleteDoc(request, 'articles', id)
  }
})

test('the search page passes an accessibility scan, with and without results', async ({ page }) => {
  await page.goto('/search?q=MLOps')
  await expect(page.getByRole('link', { name: ARTICLE_TITLE })).toBeVisible()
  await expectNoAxeViolations(page)
  await page.goto('/search?q=zzqx-nothing-matches')
  await expectNoAxeViolations(page)
})

test('an unknown article gives the 404 page with status 404', async ({ page }) => {
  const response = await page.goto('/blog/no-such-article')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
})

for (const width of [360, 1280]) {
  test(`the article reads well at ${width} px wide`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: 900 })
    await page.goto(ARTICLE)
    // Nothing is wider than the screen, and no table scrolls sideways (reader-layout.spec.ts has more).
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    const scroller = page.locator('.table-scroll').first()
    await expect(scroller).toHaveAttribute('tabindex', '0')
    expect(await scroller.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(false)
    const path = testInfo.outputPath(`article-${width}.png`)
    await page.screenshot({ path, fullPage: true })
    await testInfo.attach(`article-${width}px`, { path, contentType: 'image/png' })
  })
}
