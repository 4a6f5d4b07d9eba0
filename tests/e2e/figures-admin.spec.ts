import fs from 'node:fs'

import { expect, test, type APIRequestContext, type Page } from '@playwright/test'

import { adminToken, createUser, loginToAdmin } from './api'

/**
 * Figures from the editor's side: a salary table goes out as CSV and comes back with a change the
 * editor reviews before it is applied; a figure in prose is picked from the table's rows and shows
 * its value while being edited.
 */

const SALARY_TABLE_TITLE = 'AI vs ML Engineer compensation, median, USD'
// The startup article's table; no other journey reads its Unicorn Startups row.
const ARTICLE = '/blog/ai-engineer-pay-startups-vs-faang'

async function signInAsNewEditor(page: Page, request: APIRequestContext) {
  await loginToAdmin(page, await createUser(request, 'editor'))
}

async function seedTable(request: APIRequestContext) {
  const response = await request.get(`/api/salary-tables?where[title][equals]=${encodeURIComponent(SALARY_TABLE_TITLE)}&depth=0`)
  const [table] = (await response.json()).docs
  expect(table).toBeTruthy()
  return table as { id: string; rows: { role: string; tier: string; base: number; total: number }[] }
}

test('an editor exports the salary table as CSV, imports an edited copy, reviews the diff, confirms, and the article follows', async ({ page, request }) => {
  const original = await seedTable(request)
  expect(original.rows.find((row) => row.role === 'AI Engineer' && row.tier === 'Unicorn Startups')?.total).toBe(180_000)

  try {
    await signInAsNewEditor(page, request)
    await page.goto(`/admin/collections/salary-tables/${original.id}`)
    const tools = page.getByTestId('csv-tools')
    await expect(tools).toBeVisible()

    const [download] = await Promise.all([page.waitForEvent('download'), tools.getByRole('link', { name: 'Export CSV' }).click()])
    expect(download.suggestedFilename()).toBe('ai-vs-ml-engineer-compensation-median-usd.csv')
    const csv = fs.readFileSync((await download.path())!, 'utf8')
    const lines = csv.trim().split('\r\n')
    expect(lines[0]).toBe('role,tier,base,equity,bonus,total,source')
    expect(lines).toHaveLength(7)
    expect(lines).toContain('AI Engineer,Unicorn Startups,140000,30000,10000,180000,"Blind, Glassdoor"')

    // A bad file is refused with its line and column, and nothing is offered to apply.
    await tools.getByTestId('csv-import-file').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv.replace('AI Engineer,Unicorn Startups,140000', 'AI Engineer,Unicorn Startups,-1')),
    })
    await expect(tools.getByRole('alert')).toHaveText('bad.csv: line 3, column base: An amount cannot be negative. Nothing was changed.')
    await expect(tools.getByTestId('csv-diff')).toHaveCount(0)

    const edited = csv.replace('AI Engineer,Unicorn Startups,140000,30000,10000,180000', 'AI Engineer,Unicorn Startups,147500,30000,10000,180000')
    await tools.getByTestId('csv-import-file').setInputFiles({ name: 'edited.csv', mimeType: 'text/csv', buffer: Buffer.from(edited) })
    const diff = tools.getByTestId('csv-diff')
    await expect(diff).toContainText('Changes in edited.csv')
    await expect(diff.getByRole('listitem')).toHaveText(['AI Engineer · Unicorn Startups: base $140,000 → $147,500; total $180,000 → $187,500'])

    // Reviewing writes nothing.
    expect((await seedTable(request)).rows.find((row) => row.tier === 'Unicorn Startups' && row.role === 'AI Engineer')?.base).toBe(140_000)

    await diff.getByRole('button', { name: 'Apply and publish' }).click()
    // The form reloads with the imported figures.
    const rowIndex = original.rows.findIndex((row) => row.role === 'AI Engineer' && row.tier === 'Unicorn Startups')
    await expect(page.locator(`#field-rows__${rowIndex}__base`)).toHaveValue('147500', { timeout: 20_000 })
    await expect(page.locator(`#field-rows__${rowIndex}__total`)).toHaveText('$187,500')

    await expect(async () => {
      await page.goto(ARTICLE)
      // Roles span their rows, AI Engineer first: its Unicorn Startups row is the first one.
      const row = page.locator('table').first().getByRole('row').filter({ hasText: 'Unicorn Startups' }).first()
      await expect(row).toContainText('$187,500', { timeout: 1_000 })
    }).toPass({ timeout: 20_000 })
  } finally {
    const response = await request.patch(`/api/salary-tables/${original.id}`, {
      headers: { Authorization: `JWT ${await adminToken(request)}` },
      data: { rows: original.rows, _status: 'published' },
    })
    expect(response.status()).toBe(200)
  }
})

test('an editor edits a figure in an article: it reads as its value, and the row picker lists the table’s rows', async ({ page, request }) => {
  const response = await request.get('/api/articles?where[slug][equals]=ai-engineer-vs-ml-engineer&depth=0')
  const [article] = (await response.json()).docs
  await signInAsNewEditor(page, request)
  await page.goto(`/admin/collections/articles/${article.id}`)

  // In the editor's text, the lead paragraph's figure shows its current value, not a placeholder.
  // Lexical renders an inline block once it scrolls into view.
  const chip = page.locator('.LexicalEditorTheme__inlineBlock').first()
  await chip.scrollIntoViewIfNeeded()
  await expect(chip.getByTestId('figure-label')).toHaveText('$210,000', { timeout: 20_000 })
  await chip.hover()
  await chip.locator('[class*="__editButton"]').click()

  const picker = page.getByTestId('row-picker-role')
  await expect(picker).toBeVisible()
  await expect(picker.locator('option:checked')).toHaveText('AI Engineer · FAANG+ (L5-L7)')
  expect(await picker.locator('option:not([disabled])').allInnerTexts()).toEqual([
    'AI Engineer · FAANG+ (L5-L7)',
    'AI Engineer · Unicorn Startups',
    'AI Engineer · Non-Tech Enterprises',
    'ML Engineer · FAANG+ (L5-L7)',
    'ML Engineer · Unicorn Startups',
    'ML Engineer · Non-Tech Enterprises',
  ])
  const preview = page.getByTestId('figure-preview')
  await expect(preview).toHaveText('$210,000')

  // Picking another row writes role and tier together; the value follows before anything is saved.
  await picker.selectOption({ label: 'ML Engineer · Unicorn Startups' })
  await expect(preview).toHaveText('$155,000')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(chip.getByTestId('figure-label')).toHaveText('$155,000')
  // The article itself is left unsaved: readers still see the seed figure.
})
