import { expect, test, type APIRequestContext, type Page } from '@playwright/test'

import { block, figure, paragraph, richText } from '../../src/seed/lexical'

import { adminAuth, createUser, deleteDoc, loginToAdmin, publishFromForm, sharedCategory } from './api'

/**
 * The salary-table form as an editor updating figures uses it: a grid, one line per row, Tab and
 * Enter between cells, a block of cells pasted from a spreadsheet, live totals, amounts grouped
 * with their currency, rows named by role and tier, a confirmation before removing a row that
 * figures cite, and a version list that says who changed what. Each journey makes its own table
 * (and article) over REST.
 */

const ROWS = [
  { role: 'Analytics Engineer', tier: 'Big Tech', base: 150_000, equity: 40_000, bonus: 10_000, source: 'Survey' },
  { role: 'Analytics Engineer', tier: 'Startup', base: 120_000, equity: 20_000, bonus: 5_000, source: 'Survey' },
]

/** What each journey created, deleted after it (their locks first): other journeys read the lists. */
const made: [collection: string, id: string][] = []
test.afterEach(async ({ request }) => {
  const headers = await adminAuth(request)
  for (const [collection, id] of made.splice(0).reverse()) await deleteDoc(request, collection, id, headers)
})

/** A published table of ROWS and a published article whose lead cites its Startup row twice. */
async function tableWithArticle(request: APIRequestContext, name: string) {
  const headers = await adminAuth(request)
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
  const title = `${name} ${stamp}`
  const created = await request.post('/api/salary-tables', {
    headers,
    data: { title, currency: 'USD', asOf: '2026-10-01', rows: ROWS, _status: 'published' },
  })
  expect(created.status(), await created.text()).toBe(201)
  const table = (await created.json()).doc as { id: string; title: string }
  made.push(['salary-tables', table.id])
  const category = await sharedCategory(request)
  const startup = (column: string) =>
    figure({
      source: 'salaryCell',
      table: table.id,
      role: 'Analytics Engineer',
      tier: 'Startup',
      column,
      format: 'currency',
    })
  const article = await request.post('/api/articles', {
    headers,
    data: {
      title: `${title}, explained`,
      slug: `grid-${stamp}`,
      excerpt: 'Figures that follow their table.',
      category: category.id,
      content: richText(
        paragraph('Startups pay ', startup('total'), ', of which ', startup('base'), ' is salary.'),
        block('salaryTable', { table: table.id, showChart: false }),
      ),
      _status: 'published',
    },
  })
  expect(article.status(), await article.text()).toBe(201)
  const doc = (await article.json()).doc as { id: string; title: string }
  made.push(['articles', doc.id])
  return { table, article: doc }
}

/**
 * Pastes as an editor does, Ctrl+V from the clipboard, into the focused cell. Where the browser
 * refuses the page the clipboard, the same paste event is sent with the text in it.
 */
async function paste(page: Page, text: string) {
  const written = await page.evaluate(
    (value) =>
      navigator.clipboard.writeText(value).then(
        () => true,
        () => false,
      ),
    text,
  )
  if (written) return page.keyboard.press('ControlOrMeta+V')
  test.info().annotations.push({ type: 'paste', description: 'clipboard refused: a paste event was sent instead' })
  await page.evaluate((value) => {
    const data = new DataTransfer()
    data.setData('text/plain', value)
    document.activeElement?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    )
  }, text)
}

const cell = (page: Page, row: number, column: string) => page.locator(`#field-rows__${row}__${column}`)

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

test('an editor types, tabs and pastes into the salary grid, sees live totals, publishes, and the versions say what changed', async ({
  page,
  request,
}) => {
  const { table } = await tableWithArticle(request, 'Grid pay')
  await loginToAdmin(page, await createUser(request, 'editor', 'Grace Grid'))
  await page.goto(`/admin/collections/salary-tables/${table.id}`)

  // Rows named by what they are, amounts grouped with their currency, the date with its year.
  const bigTech = page.getByRole('row', { name: 'Analytics Engineer · Big Tech' })
  await expect(bigTech).toBeVisible()
  await expect(page.getByRole('row', { name: 'Analytics Engineer · Startup' })).toBeVisible()
  await expect(bigTech.getByRole('button', { name: 'Remove Analytics Engineer · Big Tech' })).toBeVisible()
  await expect(cell(page, 0, 'base')).toHaveValue('$150,000')
  await expect(cell(page, 0, 'total')).toHaveText('$200,000')
  await expect(page.locator('#field-asOf input')).toHaveValue('Oct 1, 2026')

  // Typing: Tab from the tier lands in the base, which shows its plain number to retype.
  await cell(page, 0, 'tier').click()
  await page.keyboard.press('Tab')
  await expect(cell(page, 0, 'base')).toBeFocused()
  await expect(cell(page, 0, 'base')).toHaveValue('150000')
  await page.keyboard.type('155000')
  await expect(cell(page, 0, 'total')).toHaveText('$205,000')
  await page.keyboard.press('Tab')
  await expect(cell(page, 0, 'equity')).toBeFocused()
  await expect(cell(page, 0, 'base')).toHaveValue('$155,000')
  await page.keyboard.press('Shift+Tab')
  await expect(cell(page, 0, 'base')).toBeFocused()
  // Enter goes down a row, as in a spreadsheet, and never submits the form.
  await page.keyboard.press('Enter')
  await expect(cell(page, 1, 'base')).toBeFocused()

  // A 2 × 3 block from a spreadsheet, pasted into the first row's base: base, equity and bonus of both rows.
  await cell(page, 0, 'base').focus()
  await paste(page, '161000\t41000\t11000\n121000\t21000\t6000\n')
  await expect(cell(page, 0, 'equity')).toHaveValue('$41,000')
  await expect(cell(page, 0, 'bonus')).toHaveValue('$11,000')
  await expect(cell(page, 1, 'base')).toHaveValue('$121,000')
  await expect(cell(page, 1, 'bonus')).toHaveValue('$6,000')
  await expect(cell(page, 0, 'total')).toHaveText('$213,000')
  await expect(cell(page, 1, 'total')).toHaveText('$148,000')
  await expect(page.getByRole('status').filter({ hasText: 'Pasted' })).toHaveText('Pasted 6 cells into 2 rows.')

  // Whole rows copied with their total column, pasted into a new row: rows are added, the pasted
  // total ignored for the computed one.
  await page.getByRole('button', { name: 'Add row' }).click()
  await expect(cell(page, 2, 'role')).toBeFocused()
  await paste(
    page,
    'Data Engineer\tBig Tech\t140,000\t30000\t10000\t999\tLevels.fyi (2023)\nData Engineer\tStartup\t$115,000\t15000\t-5\t\tLevels.fyi (2023)',
  )
  await expect(page.getByRole('row', { name: 'Data Engineer · Startup' })).toBeVisible()
  await expect(cell(page, 2, 'total')).toHaveText('$180,000')
  await expect(cell(page, 3, 'base')).toHaveValue('$115,000')
  await expect(cell(page, 3, 'source')).toHaveValue('Levels.fyi (2023)')

  // The pasted -5 is refused with the form's own words, in full, naming the row and column.
  const problems = page.getByTestId('grid-errors')
  await expect(problems).toContainText('Row 4 (Data Engineer · Startup), Bonus: An amount cannot be negative.')
  await expect(cell(page, 3, 'bonus')).toHaveAttribute('aria-invalid', 'true')
  await problems.getByRole('link', { name: /Row 4/ }).click()
  await expect(cell(page, 3, 'bonus')).toBeFocused()
  await page.keyboard.type('5000')
  await expect(problems).toHaveCount(0)
  await expect(cell(page, 3, 'total')).toHaveText('$135,000')

  // One row per role and tier, as the form has always required.
  await cell(page, 3, 'tier').fill('Big Tech')
  await expect(problems).toContainText('Rows 3 and 4 both hold Data Engineer · Big Tech')
  await cell(page, 3, 'tier').fill('Startup')
  await expect(problems).toHaveCount(0)

  // The grid stays in its box on a narrow screen and scrolls sideways inside it.
  await page.setViewportSize({ width: 600, height: 900 })
  const region = page.getByRole('region', { name: 'Rows' })
  const box = (await region.boundingBox())!
  expect(box.x + box.width).toBeLessThanOrEqual(600)
  expect(await region.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true)
  await page.screenshot({ path: test.info().outputPath('grid-600.png'), fullPage: true })
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.screenshot({ path: test.info().outputPath('grid-1280.png'), fullPage: true })

  await publishFromForm(page)
  const stored = await (await request.get(`/api/salary-tables/${table.id}?depth=0`)).json()
  expect(
    stored.rows.map(({ role, tier, base, equity, bonus, total, source }: Record<string, unknown>) => [
      role,
      tier,
      base,
      equity,
      bonus,
      total,
      source,
    ]),
  ).toEqual([
    ['Analytics Engineer', 'Big Tech', 161_000, 41_000, 11_000, 213_000, 'Survey'],
    ['Analytics Engineer', 'Startup', 121_000, 21_000, 6_000, 148_000, 'Survey'],
    ['Data Engineer', 'Big Tech', 140_000, 30_000, 10_000, 180_000, 'Levels.fyi (2023)'],
    ['Data Engineer', 'Startup', 115_000, 15_000, 5_000, 135_000, 'Levels.fyi (2023)'],
  ])

  // The Versions tab: who saved, and what changed, row by row.
  await page
    .getByRole('link', { name: /^Versions/ })
    .first()
    .click()
  const newest = page.getByTestId('version-row').first()
  await expect(newest).toContainText('Grace Grid')
  await expect(newest).toContainText('Published (current)')
  for (const line of [
    'Analytics Engineer · Big Tech base $150,000 → $161,000',
    'Analytics Engineer · Big Tech equity $40,000 → $41,000',
    'Analytics Engineer · Startup bonus $5,000 → $6,000',
    'Added Data Engineer · Big Tech (total $180,000)',
    'Added Data Engineer · Startup (total $135,000)',
  ])
    await expect(newest.getByRole('listitem').filter({ hasText: line })).toHaveCount(1)
  await expect(page.getByTestId('version-row').last()).toContainText('Created with 2 rows')
  await page.screenshot({ path: test.info().outputPath('versions.png'), fullPage: true })
})

test('removing a row that figures cite asks first, naming how many and where; an uncited row goes at once', async ({
  page,
  request,
}) => {
  const { table, article } = await tableWithArticle(request, 'Cited pay')
  await loginToAdmin(page, await createUser(request, 'editor'))
  await page.goto(`/admin/collections/salary-tables/${table.id}`)
  await expect(cell(page, 1, 'base')).toHaveValue('$120,000')

  await page.getByRole('button', { name: 'Remove Analytics Engineer · Startup' }).click()
  const dialog = page.getByTestId('remove-row-confirmation')
  await expect(page.getByRole('heading', { name: 'Remove Analytics Engineer · Startup?' })).toBeVisible()
  await expect(dialog).toContainText(`2 figures in 1 article cite this row: 2 in “${article.title}”.`)
  await expect(dialog).toContainText('they show their last published value')
  await page.getByRole('button', { name: 'Keep row' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByRole('row', { name: 'Analytics Engineer · Startup' })).toBeVisible()

  // Nothing cites the Big Tech row: it is removed without a question (and only saving applies it).
  await page.getByRole('button', { name: 'Remove Analytics Engineer · Big Tech' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByRole('row', { name: 'Analytics Engineer · Big Tech' })).toHaveCount(0)
  await expect(page.getByRole('status').filter({ hasText: 'removed' })).toHaveText(
    'Analytics Engineer · Big Tech removed. Save to apply.',
  )

  await page.getByRole('button', { name: 'Remove Analytics Engineer · Startup' }).click()
  await page.getByRole('button', { name: 'Remove row' }).click()
  await expect(page.locator('[data-testid="salary-row"]')).toHaveCount(0)
})

test('an abandoned "Create New" leaves no empty draft behind; a draft with a title stays', async ({
  page,
  request,
}) => {
  await loginToAdmin(page, await createUser(request, 'editor'))
  const headers = await adminAuth(request)
  const status = async (id: string) =>
    (await request.get(`/api/articles/${id}?draft=true&depth=0`, { headers })).status()

  await page.goto('/admin/collections/articles')
  await page.getByRole('link', { name: 'Create New' }).first().click()
  await expect(page).toHaveURL(/\/admin\/collections\/articles\/(?!create)[^/?]+$/, { timeout: 30_000 })
  const abandoned = page.url().split('/').pop() as string
  await expect(page.locator('#field-title')).toBeVisible()
  // The editor changes their mind and goes back to the list.
  await page.getByRole('banner').getByRole('link', { name: 'Articles', exact: true }).click()
  await expect(page).toHaveURL(/\/admin\/collections\/articles\/?(\?.*)?$/)
  await expect.poll(() => status(abandoned), { timeout: 15_000 }).toBe(404)
  await expect(page.locator('table tbody')).not.toContainText(abandoned)

  // A draft left by unloading the page (a closed tab) is asked to go by a keepalive request on
  // `pagehide`, which Chromium does not always deliver; what that misses is swept an hour later
  // (collections/Articles/untouched, tests/int/admin-editing.test.ts), so no journey waits on it.

  // One that was given a title is the editor's work: kept, and the server refuses to discard it.
  await page.goto('/admin/collections/articles/create')
  await expect(page).toHaveURL(/\/admin\/collections\/articles\/(?!create)[^/?]+$/, { timeout: 30_000 })
  const kept = page.url().split('/').pop() as string
  made.push(['articles', kept])
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
  const title = `Kept draft ${stamp}`
  await page.locator('#field-title').fill(title)
  await expect
    .poll(
      async () => (await (await request.get(`/api/articles/${kept}?draft=true&depth=0`, { headers })).json()).title,
      {
        timeout: 20_000,
      },
    )
    .toBe(title)
  // Found in the list by its title (other journeys add articles to it at the same time).
  await page.goto(`/admin/collections/articles?search=${stamp}`)
  await expect(page.locator('table tbody')).toContainText(title)
  expect(await status(kept)).toBe(200)
  const refused = await request.post(`/api/articles/${kept}/discard`, { headers })
  expect(refused.status()).toBe(409)
  expect((await refused.json()).errors[0].message).toBe('This article has been edited: it is kept.')
  expect(await status(kept)).toBe(200)
})
