import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'

import { adminAuth, createArticle, createCategory, deleteDoc, uniqueStamp } from './api'

const ARTICLE = '/blog/ai-engineer-vs-ml-engineer'
const ARTICLE_TITLE = 'AI Engineer vs ML Engineer: Roles, Salary, and Career Path'

/**
 * Finds an article's card on a list, paging "Older →" as a reader does: journeys running beside
 * this one publish articles of their own, which come first while they last.
 */
async function findCard(page: Page, path: string, title: string) {
  await page.goto(path)
  for (let pages = 1; ; pages++) {
    const card = page.locator('.card-title').getByRole('link', { name: title, exact: true })
    if (await card.count()) return card
    const older = page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: 'Older →' })
    expect(await older.count(), `${title} on ${path} within ${pages} pages`).toBe(1)
    const next = (await older.getAttribute('href')) as string
    await older.click()
    await expect(page).toHaveURL(next)
  }
}

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
  await expectNoAxeViolations(page)
  await expect(await findCard(page, '/blog', ARTICLE_TITLE)).toBeVisible()

  await page.goto(ARTICLE)
  await page.getByRole('link', { name: 'View All Posts →' }).click()
  await expect(page).toHaveURL('/blog')

  await page.goto(ARTICLE)
  await page.locator('.article-meta').getByRole('link', { name: 'Comparisons' }).click()
  await expect(page).toHaveURL('/blog/category/comparisons')
  await expect(page.getByRole('heading', { level: 1, name: 'Comparisons' })).toBeVisible()
  // Only the category's articles: not the skills article, on none of its pages.
  await expect(page.getByRole('link', { name: 'Skills that separate AI and ML Engineers' })).toHaveCount(0)
  await expect(await findCard(page, '/blog/category/comparisons', ARTICLE_TITLE)).toBeVisible()
  await expect(page.getByRole('link', { name: 'Skills that separate AI and ML Engineers' })).toHaveCount(0)
})

test('the blog index pages twelve articles at a time with real links, the oldest on the last page', async ({
  page,
  request,
}) => {
  const stamp = uniqueStamp()
  const headers = await adminAuth(request)
  const category = await createCategory(request, `Paging ${stamp}`, headers)
  const title = (index: number) => `Paging check article ${stamp} ${index}`
  // Thirteen of its own, dated before any other article (other journeys' bulk articles date from
  // 2021): enough for a second page whatever else is published, and the last page is theirs.
  const own: string[] = []
  try {
    for (let index = 0; index < 13; index++) {
      const publishedAt = new Date(Date.UTC(2019, 0, 1 + index)).toISOString()
      own.push((await createArticle(request, { title: title(index), category: category.id, publishedAt }, headers)).id)
    }

    await page.goto('/blog')
    await expect(page.locator('.card')).toHaveCount(12)
    const pagination = page.getByRole('navigation', { name: 'Pagination' })
    await pagination.getByRole('link', { name: 'Page 2' }).click()
    await expect(page).toHaveURL('/blog/page/2')
    await expect(pagination.locator('[aria-current="page"]')).toHaveText('2')
    expect(await page.locator('.card').count()).toBeGreaterThan(0)

    // The last page the index links to holds the oldest articles, oldest last, and nothing follows it.
    // (Retried: another journey's publish or delete may move the last page between two reads.)
    await expect(async () => {
      await page.goto('/blog')
      const last = Number(await pagination.getByRole('listitem').last().textContent())
      await page.goto(`/blog/page/${last}`)
      const titles = await page.locator('.card-title').allInnerTexts()
      expect(titles.length).toBeGreaterThan(0)
      expect(titles.length).toBeLessThanOrEqual(12)
      expect(titles.map((text) => text.trim())).toEqual(
        Array.from({ length: titles.length }, (_, index) => title(titles.length - 1 - index)),
      )
      await expect(pagination.getByRole('link', { name: 'Older →' })).toHaveCount(0)
      expect((await request.get(`/blog/page/${last + 1}`)).status()).toBe(404)
    }).toPass({ timeout: 30_000 })
    await expect(page.getByRole('link', { name: title(0) })).toBeVisible()
  } finally {
    for (const id of own) await deleteDoc(request, 'articles', id, headers)
    await deleteDoc(request, 'categories', category.id, headers)
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
