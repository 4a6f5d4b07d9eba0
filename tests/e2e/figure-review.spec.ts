import { expect, test, type APIRequestContext, type Page } from '@playwright/test'

import { block, figure, paragraph, richText } from '../../src/seed/lexical'

import { createArticleWithPath, createSalaryTable, createUser, deleteDoc, loginToAdmin, publishFromForm } from './api'

/**
 * Figures editors can trust before they publish and readers can check after (issue 19): the
 * salary table's edit view previews every sentence a change alters, before → after; a change that
 * makes a sentence false is stopped until the editor confirms; a reader opens a figure's
 * provenance with the keyboard on a phone. Each journey makes its own table and article.
 */

const SHOTS = process.env.E2E_SCREENSHOTS_DIR ?? 'test-results/figure-review'

const ROWS = [
  {
    role: 'Platform Engineer',
    tier: 'Big Tech',
    base: 150_000,
    equity: 40_000,
    bonus: 10_000,
    source: 'Levels.fyi (2026)',
  },
  { role: 'Platform Engineer', tier: 'Startup', base: 120_000, equity: 20_000, bonus: 5_000, source: 'Carta' },
]

/** What each journey created, deleted after it: other journeys read the home page and the lists. */
const made: [collection: string, id: string][] = []
test.afterEach(async ({ request }) => {
  for (const [collection, id] of made.splice(0).reverse()) await deleteDoc(request, collection, id)
})

async function tableWithArticle(request: APIRequestContext, name: string) {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
  const table = await createSalaryTable(request, `${name} ${stamp}`, ROWS)
  made.push(['salary-tables', table.id])
  const cell = (tier: string) =>
    figure({
      source: 'salaryCell',
      table: table.id,
      role: 'Platform Engineer',
      tier,
      column: 'total',
      format: 'currency',
    })
  const premium = figure({
    source: 'salaryComparison',
    table: table.id,
    role: 'Platform Engineer',
    tier: 'Big Tech',
    compareRole: 'Platform Engineer',
    compareTier: 'Startup',
    column: 'total',
    operation: 'premium',
    format: 'percent',
  })
  const article = await createArticleWithPath(request, {
    title: `${table.title}, explained`,
    slug: `figure-review-${stamp}`,
    excerpt: 'Big Tech pays platform engineers a 38% premium.',
    content: richText(
      paragraph('Big Tech pays ', cell('Big Tech'), ', startups ', cell('Startup'), ', ', premium, ' higher.'),
      block('salaryTable', { table: table.id, showChart: false }),
    ),
  })
  made.push(['articles', article.id])
  return { table, article }
}

const preview = (page: Page) => page.getByTestId('change-preview')

async function typeBase(page: Page, value: string) {
  const base = page.locator('#field-rows__0__base')
  await base.fill(value)
  await page.keyboard.press('Tab')
}

test('an editor changes a cell, reads the preview of every sentence it changes, and publishes', async ({
  page,
  request,
}) => {
  const { table, article } = await tableWithArticle(request, 'Preview pay')
  await page.setViewportSize({ width: 1280, height: 900 })
  await loginToAdmin(page, await createUser(request, 'editor'))
  await page.goto(`/admin/collections/salary-tables/${table.id}`)
  await expect(preview(page).getByTestId('change-preview-none')).toBeVisible({ timeout: 20_000 })

  await typeBase(page, '160000')
  const statements = preview(page).getByTestId('change-preview-statements')
  await expect(statements.getByRole('listitem')).toHaveCount(2, { timeout: 20_000 })
  const body = statements.getByRole('listitem').filter({ hasText: 'body:' })
  await expect(body).toContainText('Big Tech pays $200,000, startups $145,000, 38% higher.')
  await expect(body).toContainText('Big Tech pays $210,000, startups $145,000, 45% higher.')
  await expect(body).toContainText('(claim holds)')
  await expect(body.getByRole('link', { name: article.title })).toHaveAttribute(
    'href',
    `/admin/collections/articles/${article.id}`,
  )
  await expect(statements.getByRole('listitem').filter({ hasText: 'excerpt' })).toContainText(
    'Big Tech pays platform engineers a 45% premium.',
  )
  // Previewing wrote nothing: readers still read the published figures.
  const before = await (await request.get(article.path)).text()
  expect(before).toContain('$200,000')
  await preview(page).screenshot({ path: `${SHOTS}/admin-preview-1280.png` })
  await page.setViewportSize({ width: 360, height: 800 })
  await preview(page).screenshot({ path: `${SHOTS}/admin-preview-360.png` })
  await page.setViewportSize({ width: 1280, height: 900 })

  await publishFromForm(page)
  await expect(async () => {
    await page.goto(article.path)
    await expect(page.locator('.article-body p').first()).toHaveText(
      'Big Tech pays $210,000, startups $145,000, 45% higher.',
      { timeout: 1_000 },
    )
  }).toPass({ timeout: 20_000 })
})

test('an editor makes a change that inverts a claim, is stopped with the sentence named, confirms, and readers keep the agreeing value', async ({
  page,
  request,
}) => {
  const { table, article } = await tableWithArticle(request, 'Inverted pay')
  await page.setViewportSize({ width: 1280, height: 900 })
  await loginToAdmin(page, await createUser(request, 'editor'))
  await page.goto(`/admin/collections/salary-tables/${table.id}`)
  await expect(preview(page).getByTestId('change-preview-none')).toBeVisible({ timeout: 20_000 })

  // Big Tech drops to $140,000, under the startups' $145,000: "-3% higher" would be false.
  await typeBase(page, '90000')
  const body = preview(page).getByTestId('change-preview-statements').getByRole('listitem').filter({ hasText: 'body:' })
  await expect(body).toContainText('Big Tech pays $140,000, startups $145,000, -3% higher.', { timeout: 20_000 })
  await expect(body).toContainText('(claim becomes false)')
  await expect(body).toContainText('Readers would keep: “Big Tech pays $140,000, startups $145,000, 38% higher.”')
  const confirm = preview(page).getByTestId('confirm-contradictions')
  await expect(confirm).not.toBeChecked()
  await preview(page).screenshot({ path: `${SHOTS}/admin-preview-contradicted-1280.png` })

  // Publishing without confirming is refused, and the sentence is named.
  const refused = page.waitForResponse(
    (response) => response.request().method() === 'PATCH' && response.url().includes(`/api/salary-tables/${table.id}`),
  )
  await page.getByRole('button', { name: 'Publish changes' }).click()
  const answer = await refused
  expect(answer.status()).toBe(400)
  expect(await answer.text()).toContain('-3% higher.” would be false')
  // The form shows one of the refusal's sentences under the checkbox (the panel lists them all).
  const error = preview(page).getByTestId('confirm-contradictions-error')
  await expect(error).toContainText(`“${article.title}”`)
  await expect(error).toContainText('would be false')
  expect((await (await request.get(`/api/salary-tables/${table.id}?depth=0`)).json()).rows[0].base).toBe(150_000)

  await confirm.check()
  await publishFromForm(page)
  await expect(async () => {
    await page.goto(article.path)
    await expect(page.locator('.article-body p').first()).toHaveText(
      'Big Tech pays $140,000, startups $145,000, 38% higher.',
      { timeout: 1_000 },
    )
  }).toPass({ timeout: 20_000 })
  // The held figure says why in its note.
  await page.locator('.figure--held .figure-value').click()
  await expect(page.locator('.figure-note:popover-open')).toContainText(
    'The table now gives -3%, which no longer supports “higher”',
  )
})

test('a reader opens a figure’s provenance with the keyboard on a 360 px phone', async ({ page, request }) => {
  const { table, article } = await tableWithArticle(request, 'Provenance pay')
  await page.setViewportSize({ width: 360, height: 740 })
  await page.goto(article.path)
  // No client JavaScript on reader pages: the popover is the browser's own.
  expect(await page.locator('script[src]').count()).toBe(0)

  const premium = page.locator('.article-body .figure').nth(2)
  await expect(premium).toHaveAttribute('data-figure-source', 'Levels.fyi (2026); Carta')
  await expect(premium).toHaveAttribute('data-figure-asof', '2026-10-01')
  await expect(page.locator('.article-body .figure').first()).toHaveAttribute('data-figure-source', 'Levels.fyi (2026)')

  // Tab from the top of the page to the third figure.
  const button = premium.getByRole('button', { name: '38%' })
  for (let step = 0; step < 40 && !(await button.evaluate((element) => element === document.activeElement)); step++)
    await page.keyboard.press('Tab')
  await expect(button).toBeFocused()
  await page.keyboard.press('Enter')
  const note = page.getByRole('dialog', { name: 'Where 38% comes from' })
  await expect(note).toBeVisible()
  await expect(note).toContainText(table.title)
  await expect(note).toContainText('Checked on')
  await expect(note).toContainText('October 1, 2026')
  await expect(note).toContainText('Platform Engineer · Big Tech, Total compensation: $200,000 (Levels.fyi (2026))')
  await expect(note).toContainText('Platform Engineer · Startup, Total compensation: $145,000 (Carta)')
  await expect(note).toContainText('($200,000 − $145,000) / $145,000 × 100 = 38%')
  const box = await note.boundingBox()
  expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true)
  await page.screenshot({ path: `${SHOTS}/reader-provenance-360.png` })

  await page.keyboard.press('Escape')
  await expect(note).toBeHidden()
  await expect(button).toBeFocused()

  await page.setViewportSize({ width: 1280, height: 900 })
  await button.focus()
  await page.keyboard.press('Enter')
  await expect(note).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/reader-provenance-1280.png` })
})
