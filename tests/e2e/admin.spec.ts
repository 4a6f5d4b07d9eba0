import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test'

import { adminToken, createUser, loginToAdmin, publishFromForm } from './api'

/**
 * Editor and author journeys in the admin, against the production build: each signs in through the
 * login form as a user the admin created over REST, and checks what readers then see.
 */

const SEED_ARTICLE = '/blog/ai-engineer-vs-ml-engineer'
const SALARY_TABLE_TITLE = 'AI vs ML Engineer compensation, median, USD'

async function findId(request: APIRequestContext, collection: string, field: string, value: string): Promise<string> {
  const response = await request.get(`/api/${collection}?where[${field}][equals]=${encodeURIComponent(value)}&depth=0`)
  const [doc] = (await response.json()).docs
  expect(doc, `${collection} ${field}=${value}`).toBeTruthy()
  return doc.id as string
}

test('an editor changes a salary figure, sees the row total recompute, publishes, and the article follows', async ({
  page,
  request,
}) => {
  const tableId = await findId(request, 'salary-tables', 'title', SALARY_TABLE_TITLE)
  const original = await (await request.get(`/api/salary-tables/${tableId}?depth=0`)).json()
  const rowIndex = original.rows.findIndex(
    (row: { role: string; tier: string }) => row.role === 'AI Engineer' && row.tier.startsWith('FAANG+'),
  )
  expect(original.rows[rowIndex].total).toBe(210_000)

  try {
    await loginToAdmin(page, await createUser(request, 'editor'))
    await page.goto(`/admin/collections/salary-tables/${tableId}`)
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

    const stored = await (await request.get(`/api/salary-tables/${tableId}?depth=0`)).json()
    expect(stored.rows[rowIndex].total).toBe(217_500)

    await expect(async () => {
      await page.goto(SEED_ARTICLE)
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
  } finally {
    // Other journeys read the seed figures: put them back, over the editor's document lock, which
    // the admin releases only some time after the page moved on.
    const response = await request.patch(`/api/salary-tables/${tableId}?overrideLock=true`, {
      headers: { Authorization: `JWT ${await adminToken(request)}` },
      data: { rows: original.rows, _status: 'published' },
    })
    expect(response.status()).toBe(200)
  }
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
  const slug = 'ai-engineer-playbook'
  const id = await findId(request, 'articles', 'slug', slug)
  const first = 'Skills that separate AI and ML Engineers'
  const second = 'What AI Engineers are paid at startups vs FAANG+'
  // Start from an article with no related posts, so the picker holds exactly what the editor adds.
  const cleared = await request.patch(`/api/articles/${id}`, {
    headers: { Authorization: `JWT ${await adminToken(request)}` },
    data: { relatedPosts: [] },
  })
  expect(cleared.status()).toBe(200)

  await loginToAdmin(page, await createUser(request, 'editor'))
  await page.goto(`/admin/collections/articles/${id}`)
  const field = page.locator('#field-relatedPosts')
  await expect(field).toBeVisible()

  await pick(page, field, 'Skills that', first)
  await pick(page, field, 'startups', second)
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
    await page.goto(`/blog/${slug}`)
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
  const headers = { Authorization: `JWT ${await adminToken(request)}` }
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

test('the list views show the columns editors scan', async ({ page, request }) => {
  await loginToAdmin(page, await createUser(request, 'editor'))
  const columns = async (collection: string) => {
    await page.goto(`/admin/collections/${collection}`)
    await expect(page.locator('table tbody tr').first()).toBeVisible()
    return (await page.locator('table thead th').allInnerTexts()).map((text) => text.trim()).filter(Boolean)
  }
  expect(await columns('articles')).toEqual(expect.arrayContaining(['Title', 'Status', 'Category', 'Updated At']))
  await expect(
    page.locator('table tbody').getByText('AI Engineer vs ML Engineer: Roles, Salary, and Career Path'),
  ).toBeVisible()
  expect(await columns('salary-tables')).toEqual(
    expect.arrayContaining(['Title', 'Period', 'Figures checked on', 'Status', 'Updated At']),
  )
  await expect(page.locator('table tbody').getByText(SALARY_TABLE_TITLE)).toBeVisible()
})
