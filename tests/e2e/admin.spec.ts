import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test'

import { salaryTable as seedTable } from '../../src/seed/content/salaryTable'
import { block, bold, bullets, figure, paragraph, richText } from '../../src/seed/lexical'

import {
  adminAuth,
  createArticle,
  createCategory,
  createSalaryTable,
  createUser,
  deleteDoc,
  loginToAdmin,
  publishFromForm,
  uniqueStamp,
} from './api'

/**
 * Editor and author journeys in the admin, against the production build: each signs in through the
 * login form as a user the admin created over REST, and checks what readers then see. Each journey
 * makes the documents it edits (the seed's stay as they are) and deletes them after.
 */

/** What each journey created, deleted after it, newest first: other journeys read the lists. */
const made: [collection: string, id: string][] = []
test.afterEach(async ({ request }) => {
  const headers = await adminAuth(request)
  for (const [collection, id] of made.splice(0).reverse()) await deleteDoc(request, collection, id, headers)
})

const FAANG = 'FAANG+ (L5-L7)'

/**
 * A table with the seed's six rows, and an article that shows it as the seed article does: a Data
 * Hook and Key Insights citing its FAANG+ totals and their premium, and the table with its chart.
 */
async function tableWithArticle(request: APIRequestContext, stamp: string) {
  const headers = await adminAuth(request)
  const table = await createSalaryTable(request, `Editor pay ${stamp}`, seedTable.rows)
  made.push(['salary-tables', table.id])
  const category = await createCategory(request, `Editor pay ${stamp}`, headers)
  made.push(['categories', category.id])
  const total = (role: string) =>
    figure({ source: 'salaryCell', table: table.id, role, tier: FAANG, column: 'total', format: 'currency' })
  const premium = () =>
    figure({
      source: 'salaryComparison',
      table: table.id,
      role: 'AI Engineer',
      tier: FAANG,
      column: 'total',
      compareRole: 'ML Engineer',
      compareTier: FAANG,
      compareColumn: 'total',
      operation: 'premium',
      format: 'percent',
    })
  const article = await createArticle(
    request,
    {
      title: `Editor pay ${stamp}, explained`,
      category: category.id,
      content: richText(
        block('callout', {
          label: 'Data Hook',
          content: richText(
            paragraph(
              'At FAANG+ the median AI Engineer earns ',
              total('AI Engineer'),
              ', ',
              premium(),
              bold(' higher'),
              ' than the ',
              total('ML Engineer'),
              ' of an ML Engineer.',
            ),
          ),
        }),
        block('salaryTable', { table: table.id, showChart: true }),
        block('callout', {
          label: 'Key Insights',
          content: richText(bullets([bold('AI Engineers earn a '), premium(), bold(' premium'), ' at FAANG+.'])),
        }),
      ),
    },
    headers,
  )
  made.push(['articles', article.id])
  return { table, path: `/blog/${article.slug}` }
}

test('an editor changes a salary figure, sees the row total recompute, publishes, and the article follows', async ({
  page,
  request,
}) => {
  const { table, path } = await tableWithArticle(request, uniqueStamp())
  const rowIndex = seedTable.rows.findIndex((row) => row.role === 'AI Engineer' && row.tier === FAANG)
  await page.goto(path)
  await expect(page.getByRole('complementary', { name: 'Data Hook' })).toContainText('$210,000')

  await loginToAdmin(page, await createUser(request, 'editor'))
  await page.goto(`/admin/collections/salary-tables/${table.id}`)
  const base = page.locator(`#field-rows__${rowIndex}__base`)
  const total = page.locator(`#field-rows__${rowIndex}__total`)
  // The grid shows amounts grouped, with their currency.
  await expect(base).toHaveValue('$165,000')
  await expect(total).toHaveText('$210,000')
  await expect(page.getByRole('columnheader', { name: 'Total' })).toBeVisible()

  await base.fill('172500')
  // Before saving: the form already shows the new sum.
  await expect(total).toHaveText('$217,500')
  await publishFromForm(page)
  await expect(total).toHaveText('$217,500')

  const stored = await (await request.get(`/api/salary-tables/${table.id}?depth=0`)).json()
  expect(stored.rows[rowIndex].total).toBe(217_500)

  await expect(async () => {
    await page.goto(path)
    const row = page.locator('table').first().getByRole('row').filter({ hasText: 'FAANG+' }).first()
    await expect(row).toContainText('$217,500', { timeout: 1_000 })
    await expect(row).toContainText('$172,500', { timeout: 1_000 })
  }).toPass({ timeout: 20_000 })

  // Every figure computed from that cell follows: the lead paragraph's salary and premium
  // ((217,500 − 172,000) / 172,000 = 26%), the chart, and the reader's "What changed".
  const dataHook = page.getByRole('complementary', { name: 'Data Hook' })
  await expect(dataHook).toContainText('$217,500')
  await expect(dataHook).toContainText('26% higher')
  await expect(page.getByRole('complementary', { name: 'Key Insights' }).first()).toContainText('26% premium')
  await expect(page.getByRole('img', { name: /^Chart: / }).first()).toContainText('$217,500')
  await page.getByText(/^What changed/).click()
  await expect(page.locator('.what-changed')).toContainText('AI Engineer · FAANG+ (L5-L7) total $210,000 → $217,500')
})

/** The titles in a hasMany relationship picker, in their order. */
const pickedTitles = (field: Locator) => field.locator('.relationship--multi-value-label__text').allInnerTexts()

async function pick(page: Page, field: Locator, search: string, title: string) {
  await field.locator('input').first().fill(search)
  await page.locator('.rs__option').filter({ hasText: title }).first().click()
  await expect(field.locator('.multi-value').filter({ hasText: title })).toBeVisible()
}

test('an editor adds two related posts with the picker, reorders them, publishes, and readers see that order', async ({
  page,
  request,
}) => {
  const stamp = uniqueStamp()
  const headers = await adminAuth(request)
  const category = await createCategory(request, `Related picks ${stamp}`, headers)
  made.push(['categories', category.id])
  const article = async (title: string) => {
    const created = await createArticle(request, { title, category: category.id }, headers)
    made.push(['articles', created.id])
    return created
  }
  // An article with no related posts, so the picker holds exactly what the editor adds.
  const target = await article(`Related picks ${stamp}: the article`)
  const first = (await article(`Skills ${stamp} that separate data teams`)).title
  const second = (await article(`What ${stamp} startups pay`)).title

  await loginToAdmin(page, await createUser(request, 'editor'))
  await page.goto(`/admin/collections/articles/${target.id}`)
  const field = page.locator('#field-relatedPosts')
  await expect(field).toBeVisible()

  await pick(page, field, `Skills ${stamp}`, first)
  await pick(page, field, `What ${stamp}`, second)
  expect(await pickedTitles(field)).toEqual([first, second])

  // Drag the second chip by its label before the first (dnd-kit: a drag starts after 5 px of movement).
  const chips = field.locator('.relationship--multi-value-label__text')
  const from = (await chips.nth(1).boundingBox())!
  const to = (await chips.nth(0).boundingBox())!
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move(from.x + from.width / 2 - 10, from.y + from.height / 2, { steps: 5 })
  await page.mouse.move(to.x + 4, to.y + to.height / 2, { steps: 15 })
  await page.mouse.up()
  await expect.poll(() => pickedTitles(field)).toEqual([second, first])

  await publishFromForm(page)

  await expect(async () => {
    await page.goto(`/blog/${target.slug}`)
    const cards = page.locator('section.related .card-title')
    await expect(cards).toHaveText([second, first], { timeout: 1_000 })
  }).toPass({ timeout: 20_000 })
})

test('an author writes a draft article and cannot publish it', async ({ page, request }) => {
  const title = `An author's draft ${Date.now()}`
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/-+$/, '')

  await loginToAdmin(page, await createUser(request, 'author'))
  await page.goto('/admin/collections/articles/create')
  await page.locator('#field-title').fill(title)
  await page.locator('#field-excerpt').fill('Written by an author, waiting for an editor.')
  await page.locator('[data-lexical-editor="true"]').first().click()
  await page.keyboard.type('A first paragraph.')

  // Autosave creates the draft; the address becomes the document's.
  await expect(page).toHaveURL(/\/admin\/collections\/articles\/(?!create)[^/]+$/, { timeout: 20_000 })
  const id = page.url().split('/').pop() as string
  made.push(['articles', id])

  // Authors get no Publish button at all…
  await expect(page.getByRole('button', { name: /^Publish( changes)?$/ })).toHaveCount(0)

  // …and publishing behind the form's back, with the author's own session, is refused with a reason.
  const attempt = await page.evaluate(async (articleId) => {
    const response = await fetch(`/api/articles/${articleId}`, {
      method: 'PATCH',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ _status: 'published' }),
    })
    return { status: response.status, body: await response.json() }
  }, id)
  expect(attempt.status).toBe(403)
  expect(attempt.body.errors[0].message).toMatch(/Authors cannot publish/)

  // Autosave runs on its own clock: wait for it to have stored the author's text, then check it is still a draft.
  const headers = await adminAuth(request)
  await expect
    .poll(async () => (await (await request.get(`/api/articles/${id}?draft=true&depth=0`, { headers })).json()).title, {
      timeout: 15_000,
    })
    .toBe(title)
  const stored = await (await request.get(`/api/articles/${id}?draft=true&depth=0`, { headers })).json()
  expect(stored._status).toBe('draft')
  expect((await request.get(`/blog/${slug}`)).status()).toBe(404)
  expect((await request.get(`/api/articles/${id}`)).status()).toBe(404)
})

test('the list views show the columns editors scan, and find a document by its title', async ({ page, request }) => {
  const stamp = uniqueStamp()
  const headers = await adminAuth(request)
  const category = await createCategory(request, `Listed ${stamp}`, headers)
  made.push(['categories', category.id])
  const article = await createArticle(request, { title: `Listed article ${stamp}`, category: category.id }, headers)
  made.push(['articles', article.id])
  const table = await createSalaryTable(request, `Listed table ${stamp}`, seedTable.rows.slice(0, 2))
  made.push(['salary-tables', table.id])

  await loginToAdmin(page, await createUser(request, 'editor'))
  // Other journeys add documents at the same time: the editor searches for the one they want.
  const columns = async (collection: string) => {
    await page.goto(`/admin/collections/${collection}?search=${stamp}`)
    await expect(page.locator('table tbody tr')).toHaveCount(1)
    return (await page.locator('table thead th').allInnerTexts()).map((text) => text.trim()).filter(Boolean)
  }
  expect(await columns('articles')).toEqual(expect.arrayContaining(['Title', 'Status', 'Category', 'Updated At']))
  const articleRow = page.locator('table tbody tr')
  await expect(articleRow).toContainText(article.title)
  await expect(articleRow).toContainText(category.title)
  expect(await columns('salary-tables')).toEqual(
    expect.arrayContaining(['Title', 'Period', 'Figures checked on', 'Status', 'Updated At']),
  )
  await expect(page.locator('table tbody tr')).toContainText(table.title)
})
