import { expect, test, type Page } from '@playwright/test'

import { createFixture, pagesOf, removeFixture, restClient } from '../../scripts/lib/edits.mjs'
import { createUser, loginToAdmin, publishFromForm } from './api'

/**
 * The two edits issue 13 found lost, done as an editor does them, in the admin: a FAQ's question
 * and a category's name. Each must show on every page that shows it, and the FAQ's and the
 * category's "Used by" lists name the article. The journey owns its documents (scripts/lib/edits.mjs).
 */
const SHOTS = 'test-results/screenshots'

async function admin(baseURL: string) {
  return restClient(baseURL, {
    email: process.env.ADMIN_EMAIL as string,
    password: process.env.ADMIN_PASSWORD as string,
  })
}

/** Reloads `path` until `check` passes: the page is cached, and the save's purge is what refreshes it. */
async function eventually(page: Page, path: string, check: () => Promise<void>) {
  await expect(async () => {
    await page.goto(path)
    await check()
  }).toPass({ timeout: 20_000 })
}

async function shoot(page: Page, path: string, name: string) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 })
    await page.goto(path)
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true })
  }
}

// What each journey created, deleted after it: the fixture's featured article would otherwise stay
// on the home page the other journeys read.
const made: { api: Awaited<ReturnType<typeof admin>>; fixture: Awaited<ReturnType<typeof createFixture>> }[] = []
test.afterEach(async () => {
  for (const { api, fixture } of made.splice(0)) await removeFixture(api, fixture)
})

test('an editor edits a FAQ in the admin, and every article showing it follows', async ({ page, request, baseURL }) => {
  const api = await admin(baseURL as string)
  const fixture = await createFixture(api)
  made.push({ api, fixture })
  const pages = pagesOf(fixture)
  // Readers have the article cached with the old question.
  await page.goto(pages.article)
  await expect(page.getByRole('heading', { name: /Question .*\?/ })).toBeVisible()

  // `request` has a cookie jar of its own: the page signs in as the editor alone.
  await loginToAdmin(page, await createUser(request, 'editor'))
  await page.goto(`/admin/collections/faqs/${fixture.faq.id}`)
  // "Used by" lists the article that shows the FAQ.
  await expect(page.getByText(fixture.article.title).first()).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/faq-used-by-1280.png`, fullPage: true })
  const question = `How does ${fixture.stamp} read now?`
  await page.locator('#field-question').fill(question)
  await publishFromForm(page)

  await eventually(page, pages.article, async () => {
    await expect(page.getByRole('heading', { name: `Q1: ${question}` })).toBeVisible({ timeout: 1_000 })
  })
  const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents()
  expect(jsonLd.join('\n')).toContain(question)
  await shoot(page, pages.article, 'faq-edited-article')
})

test('an editor renames a category in the admin, and every page naming it follows', async ({
  page,
  request,
  baseURL,
}) => {
  const api = await admin(baseURL as string)
  const fixture = await createFixture(api)
  made.push({ api, fixture })
  const pages = pagesOf(fixture)
  for (const path of [pages.article, pages.category, pages.related]) await page.goto(path)

  // `request` has a cookie jar of its own: the page signs in as the editor alone.
  await loginToAdmin(page, await createUser(request, 'editor'))
  await page.goto(`/admin/collections/categories/${fixture.category.id}`)
  await expect(page.getByText(fixture.article.title).first()).toBeVisible()
  const title = `Renamed ${fixture.stamp}`
  await page.locator('#field-title').fill(title)
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByText(/updated successfully/i).first()).toBeVisible()

  // The category page's heading and title, the article's meta line, the related article's card.
  await eventually(page, pages.category, async () => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title, { timeout: 1_000 })
    await expect(page).toHaveTitle(new RegExp(`^${title} \\|`), { timeout: 1_000 })
  })
  await eventually(page, pages.article, async () => {
    await expect(page.locator('.article-meta')).toContainText(title, { timeout: 1_000 })
  })
  await eventually(page, pages.related, async () => {
    await expect(page.locator('.related .card-meta').first()).toContainText(title, { timeout: 1_000 })
  })
  await eventually(page, '/blog', async () => {
    const card = page.locator('.card').filter({ hasText: fixture.article.title })
    await expect(card.locator('.card-meta')).toContainText(title, { timeout: 1_000 })
  })
  await shoot(page, pages.category, 'category-renamed')
})
