import fs from 'node:fs'

import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test'

import { salaryTable as seedTable } from '../../src/seed/content/salaryTable'
import { block, figure, paragraph, richText } from '../../src/seed/lexical'

import { adminAuth, createUser, deleteDoc, loginToAdmin, publishFromForm, sharedCategory, uniqueStamp } from './api'

/**
 * Figures from the editor's side: a salary table goes out as CSV and comes back with a change the
 * editor reviews before it is applied; a figure in prose is inserted and picked from the table's
 * rows and shows its value while being edited; an entry of "What changed" is hidden from readers;
 * a save that removes a cited row tells the editor which articles it affects. Each journey makes
 * its own table and article, deleted after it.
 */

const ROWS = [
  { role: 'Analytics Engineer', tier: 'Big Tech', base: 150_000, equity: 40_000, bonus: 10_000, source: 'Survey' },
  { role: 'Analytics Engineer', tier: 'Startup', base: 120_000, equity: 20_000, bonus: 5_000, source: 'Survey' },
]
type Row = { role: string; tier: string; base: number; equity: number; bonus: number; source: string }

/** What each journey created, deleted after it (their locks first): other journeys read the lists. */
const made: [collection: string, id: string][] = []
test.afterEach(async ({ request }) => {
  const headers = await adminAuth(request)
  for (const [collection, id] of made.splice(0).reverse()) await deleteDoc(request, collection, id, headers)
})

const cellFigure = (table: string, role: string, tier: string) =>
  figure({ source: 'salaryCell', table, role, tier, column: 'total', format: 'currency' })

/**
 * A salary table (ROWS unless told) and a published article citing it in a sentence ("Big Tech
 * pays $200,000, startups $145,000") above the table, made over REST for one journey so no other
 * journey's figures move. `lead` writes another first paragraph, given the table's id.
 */
async function tableWithArticle(
  request: APIRequestContext,
  name: string,
  { rows = ROWS, lead }: { rows?: Row[]; lead?: (tableId: string) => ReturnType<typeof paragraph> } = {},
) {
  const headers = await adminAuth(request)
  const stamp = uniqueStamp()
  const title = `${name} ${stamp}`
  const created = await request.post('/api/salary-tables', {
    headers,
    data: { title, currency: 'USD', asOf: '2026-10-01', rows, _status: 'published' },
  })
  expect(created.status(), await created.text()).toBe(201)
  const table = (await created.json()).doc as { id: string; title: string; rows: (Row & { total: number })[] }
  made.push(['salary-tables', table.id])
  const category = await sharedCategory(request)
  const content = richText(
    lead
      ? lead(table.id)
      : paragraph(
          'Big Tech pays ',
          cellFigure(table.id, 'Analytics Engineer', 'Big Tech'),
          ', startups ',
          cellFigure(table.id, 'Analytics Engineer', 'Startup'),
          '.',
        ),
    block('salaryTable', { table: table.id, showChart: false }),
  )
  const slug = `figures-${stamp}`
  const article = await request.post('/api/articles', {
    headers,
    data: {
      title: `${title}, explained`,
      slug,
      excerpt: 'Figures that follow their table.',
      category: category.id,
      content,
      _status: 'published',
    },
  })
  expect(article.status(), await article.text()).toBe(201)
  const doc = (await article.json()).doc as { id: string; title: string }
  made.push(['articles', doc.id])
  return { table, article: doc, path: `/blog/${slug}`, headers }
}

/** Picks an option of one of Payload's select fields (react-select). */
async function chooseOption(page: Page, field: Locator, label: string) {
  await field.locator('.rs__control').click()
  await page.locator('.rs__option').filter({ hasText: label }).first().click()
}

async function signInAsNewEditor(page: Page, request: APIRequestContext) {
  await loginToAdmin(page, await createUser(request, 'editor'))
}

/** A lead citing the AI Engineer · FAANG+ total of a table with the seed's rows, as the seed article's does. */
const faangLead = (tableId: string) =>
  paragraph('At FAANG+ the median AI Engineer earns ', cellFigure(tableId, 'AI Engineer', 'FAANG+ (L5-L7)'), '.')

test('an editor exports the salary table as CSV, imports an edited copy, reviews the diff, confirms, and the article follows', async ({
  page,
  request,
}) => {
  const { table, path } = await tableWithArticle(request, 'CSV pay', { rows: seedTable.rows, lead: faangLead })
  const rowIndex = table.rows.findIndex((row) => row.role === 'AI Engineer' && row.tier === 'Unicorn Startups')
  expect(table.rows[rowIndex].total).toBe(180_000)
  const storedBase = async () =>
    (await (await request.get(`/api/salary-tables/${table.id}?depth=0`)).json()).rows[rowIndex].base as number

  await signInAsNewEditor(page, request)
  await page.goto(`/admin/collections/salary-tables/${table.id}`)
  const tools = page.getByTestId('csv-tools')
  await expect(tools).toBeVisible()

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    tools.getByRole('link', { name: 'Export CSV' }).click(),
  ])
  // Named after the table's title.
  expect(download.suggestedFilename()).toBe(`${table.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.csv`)
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
  await expect(tools.getByRole('alert')).toHaveText(
    'bad.csv: line 3, column base: An amount cannot be negative. Nothing was changed.',
  )
  await expect(tools.getByTestId('csv-diff')).toHaveCount(0)

  const edited = csv.replace(
    'AI Engineer,Unicorn Startups,140000,30000,10000,180000',
    'AI Engineer,Unicorn Startups,147500,30000,10000,180000',
  )
  await tools
    .getByTestId('csv-import-file')
    .setInputFiles({ name: 'edited.csv', mimeType: 'text/csv', buffer: Buffer.from(edited) })
  const diff = tools.getByTestId('csv-diff')
  await expect(diff).toContainText('Changes in edited.csv')
  await expect(diff.getByRole('listitem')).toHaveText([
    'AI Engineer · Unicorn Startups: base $140,000 → $147,500; total $180,000 → $187,500',
  ])

  // Reviewing writes nothing.
  expect(await storedBase()).toBe(140_000)

  await diff.getByRole('button', { name: 'Apply and publish' }).click()
  // The form reloads with the imported figures.
  await expect(page.locator(`#field-rows__${rowIndex}__base`)).toHaveValue('$147,500', { timeout: 20_000 })
  await expect(page.locator(`#field-rows__${rowIndex}__total`)).toHaveText('$187,500')
  expect(await storedBase()).toBe(147_500)

  await expect(async () => {
    await page.goto(path)
    // Roles span their rows, AI Engineer first: its Unicorn Startups row is the first one.
    const row = page.locator('table').first().getByRole('row').filter({ hasText: 'Unicorn Startups' }).first()
    await expect(row).toContainText('$187,500', { timeout: 1_000 })
  }).toPass({ timeout: 20_000 })
})

test('an editor edits a figure in an article: it reads as its value, and the row picker lists the table’s rows', async ({
  page,
  request,
}) => {
  const { article, path, headers } = await tableWithArticle(request, 'Picker pay', {
    rows: seedTable.rows,
    lead: faangLead,
  })
  const lead = page.locator('.article-body p').first()
  await page.goto(path)
  await expect(lead).toHaveText('At FAANG+ the median AI Engineer earns $210,000.')

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

  // The change goes into the article's draft (autosave); nothing is published, so readers still
  // see the figure the published article cites.
  await expect
    .poll(
      async () =>
        JSON.stringify(
          (await (await request.get(`/api/articles/${article.id}?draft=true&depth=0`, { headers })).json()).content,
        ),
      { timeout: 20_000 },
    )
    .toContain('"tier":"Unicorn Startups"')
  await page.goto(path)
  await expect(lead).toHaveText('At FAANG+ the median AI Engineer earns $210,000.')
})

test('an editor hides a “What changed” entry, publishes, and readers no longer see it', async ({ page, request }) => {
  const { table, article, path, headers } = await tableWithArticle(request, 'Hidden change pay')
  // A second published version: base (and so total) of the Big Tech row moved.
  const edited = await request.patch(`/api/salary-tables/${table.id}`, {
    headers,
    data: {
      rows: table.rows.map((row, index) => (index === 0 ? { ...row, base: 160_000 } : row)),
      _status: 'published',
    },
  })
  expect(edited.status()).toBe(200)
  await expect(async () => {
    await page.goto(path)
    await expect(page.getByText('What changed (2)')).toBeVisible({ timeout: 1_000 })
  }).toPass({ timeout: 20_000 })

  await signInAsNewEditor(page, request)
  await page.goto(`/admin/collections/articles/${article.id}`)
  const field = page.getByTestId('hidden-changes')
  await field.scrollIntoViewIfNeeded()
  await expect(field.getByRole('listitem')).toHaveCount(2, { timeout: 20_000 })
  await expect(field.getByRole('listitem').first()).toContainText(
    'Analytics Engineer · Big Tech total $200,000 → $210,000',
  )
  await expect(field).toContainText('What changed (2 of 2 shown to readers)')

  // No key to type: the entry's own button hides it.
  await field.getByRole('button', { name: /^Hide: .*Big Tech total \$200,000 → \$210,000$/ }).click()
  await expect(field).toContainText('What changed (1 of 2 shown to readers)')
  await expect(field.getByRole('listitem').first()).toContainText('(hidden)')
  await expect(field.getByRole('button', { name: /^Show: .*Big Tech total/ })).toBeVisible()
  await publishFromForm(page)

  await expect(async () => {
    await page.goto(path)
    await expect(page.getByText('What changed (1)')).toBeVisible({ timeout: 1_000 })
  }).toPass({ timeout: 20_000 })
  await page.getByText(/^What changed/).click()
  const list = page.locator('.what-changed')
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await expect(list).toContainText('Analytics Engineer · Big Tech base $150,000 → $160,000')
  await expect(list).not.toContainText('total $200,000 → $210,000')
})

test('an editor deletes a row an article cites, publishes, is told which article and figure it breaks, and readers keep the last value', async ({
  page,
  request,
}) => {
  const { table, article, path } = await tableWithArticle(request, 'Impact pay')
  await page.goto(path)
  await expect(page.locator('.article-body p').first()).toContainText('Big Tech pays $200,000, startups $145,000.')

  await signInAsNewEditor(page, request)
  await page.goto(`/admin/collections/salary-tables/${table.id}`)
  await expect(page.locator('#field-rows__1__base')).toHaveValue('$120,000')
  // Nothing is broken yet: no warning.
  await expect(page.getByTestId('figure-impact')).toHaveCount(0)

  await page.getByRole('button', { name: 'Remove Analytics Engineer · Startup' }).click()
  // The row is cited: the form asks first (tests/e2e/salary-grid.spec.ts checks what it says).
  await page.getByRole('button', { name: 'Remove row' }).click()
  await expect(page.locator('#field-rows__1__base')).toHaveCount(0)
  // Publishing breaks a cited figure: the preview names it, and Publish needs the editor's confirmation.
  await expect(page.getByTestId('change-preview-broken')).toContainText('Analytics Engineer · Startup', {
    timeout: 20_000,
  })
  await page.getByTestId('confirm-contradictions').check()
  await publishFromForm(page)

  // The save went through, and the editor is told what it did to the article.
  const warning = page.getByTestId('figure-impact')
  await expect(warning).toContainText(
    `This table is used by 1 article: “${article.title}”. 1 figure now points to a missing row and shows its last published value`,
  )
  await expect(warning.getByRole('listitem')).toHaveText(
    `${article.title}: Analytics Engineer · Startup total: no row Analytics Engineer · Startup in “${table.title}” (readers see $145,000)`,
  )
  await expect(warning.getByRole('link', { name: article.title })).toHaveAttribute(
    'href',
    `/admin/collections/articles/${article.id}`,
  )
  await expect(
    page.locator('[data-sonner-toast]').filter({ hasText: 'This table is used by 1 article' }),
  ).toContainText(`“${article.title}”: Analytics Engineer · Startup total (shows $145,000).`)
  const stored = await (await request.get(`/api/salary-tables/${table.id}?depth=0`)).json()
  expect(stored.rows).toHaveLength(1)

  // Readers: the figure whose row is gone keeps its last published value; the table lost the row.
  await expect(async () => {
    await page.goto(path)
    await expect(page.locator('table').first()).not.toContainText('Startup', { timeout: 1_000 })
  }).toPass({ timeout: 20_000 })
  await expect(page.locator('.article-body p').first()).toContainText('Big Tech pays $200,000, startups $145,000.')
})

test('an editor inserts a new figure from the editor, picks its table, row, column and format, publishes, and readers get the value as text', async ({
  page,
  request,
}) => {
  const { table, article, path } = await tableWithArticle(request, 'New figure pay', {
    lead: () => paragraph('Startups pay a base of'),
  })

  await signInAsNewEditor(page, request)
  await page.goto(`/admin/collections/articles/${article.id}`)
  const sentence = page.locator('[data-lexical-editor="true"] p').filter({ hasText: 'Startups pay a base of' })
  await sentence.click()
  await page.keyboard.press('End')
  await page.keyboard.type(' ')
  // The slash menu offers the inline Figure block.
  await page.keyboard.type('/figure')
  await page.locator('#slash-menu-popup__item-inlineBlocks-figure').click()

  const drawer = page.locator('.drawer__content').filter({ has: page.getByTestId('figure-preview') })
  await expect(drawer).toBeVisible()
  // A salary-table cell is the default kind of figure; choose the table by its title.
  const tableField = drawer.locator('.field-type.relationship')
  await tableField.locator('input').first().fill(table.title.split(' ').slice(-1)[0])
  await page.locator('.rs__option').filter({ hasText: table.title }).click()

  const picker = drawer.getByTestId('row-picker-role')
  await expect(picker.locator('option:not([disabled])')).toHaveText([
    'Analytics Engineer · Big Tech',
    'Analytics Engineer · Startup',
  ])
  await picker.selectOption({ label: 'Analytics Engineer · Startup' })
  const preview = drawer.getByTestId('figure-preview')
  await expect(preview).toHaveText('$145,000')

  await chooseOption(page, drawer.locator('.field-type.select').filter({ hasText: 'Column' }), 'Base')
  await expect(preview).toHaveText('$120,000')
  await chooseOption(page, drawer.locator('.field-type.select').filter({ hasText: 'Format' }), 'Plain number')
  await expect(preview).toHaveText('120,000')
  await chooseOption(page, drawer.locator('.field-type.select').filter({ hasText: 'Format' }), 'Currency ($210,000)')
  await expect(preview).toHaveText('$120,000')
  await drawer.getByRole('button', { name: 'Save changes' }).click()

  // In the editor's text the new figure reads as its value.
  await expect(sentence.getByTestId('figure-label')).toHaveText('$120,000')
  // The editor ends the sentence: the caret back in its text (the drawer has just closed), then the full stop.
  await sentence.click({ position: { x: 2, y: 5 } })
  await page.keyboard.press('End')
  await page.keyboard.type('.')
  await expect(sentence).toHaveText(/^Startups pay a base of \$120,000.*\.$/)
  await publishFromForm(page)

  await expect(async () => {
    await page.goto(path)
    await expect(page.locator('.article-body p').first()).toHaveText('Startups pay a base of $120,000.', {
      timeout: 1_000,
    })
  }).toPass({ timeout: 20_000 })
})
