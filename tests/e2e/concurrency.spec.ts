import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test'

import { adminToken, createUser, loginToAdmin } from './api'

/**
 * Two editors on one document, each in a browser of their own: the second to open it is told who is
 * editing it (Payload's document lock), and a save from a version someone else has since changed is
 * refused with a notice instead of silently overwriting their change.
 */

const SALARY_TABLE_TITLE = 'AI vs ML Engineer compensation, median, USD'
const SEED_ARTICLE_SLUG = 'ai-engineer-vs-ml-engineer'
/** An amount as the salary grid shows it: "$165,000". */
const money = (amount: number) => `$${amount.toLocaleString('en-US')}`

async function findDoc(request: APIRequestContext, collection: string, field: string, value: string) {
  const response = await request.get(
    `/api/${collection}?where[${field}][equals]=${encodeURIComponent(value)}&depth=0&draft=true`,
    {
      headers: { Authorization: `JWT ${await adminToken(request)}` },
    },
  )
  const [doc] = (await response.json()).docs
  expect(doc, `${collection} ${field}=${value}`).toBeTruthy()
  return doc
}

/** Puts a document back for the other journeys: its locks released first (a live lock refuses the save). */
async function restore(request: APIRequestContext, collection: string, id: string, data: Record<string, unknown>) {
  const headers = { Authorization: `JWT ${await adminToken(request)}` }
  const unlock = await request.delete(`/api/payload-locked-documents?where[document.value][equals]=${id}`, { headers })
  expect(unlock.status()).toBe(200)
  const response = await request.patch(`/api/${collection}/${id}`, { headers, data: { ...data, _status: 'published' } })
  expect(response.status(), await response.text()).toBe(200)
}

/** The response to the next save of this document from the form (not an autosave). */
const nextSave = (page: Page, collection: string, id: string) =>
  page.waitForResponse(
    (response) =>
      response.request().method() === 'PATCH' &&
      response.url().includes(`/api/${collection}/${id}`) &&
      !response.url().includes('autosave=true'),
  )

async function signedIn(browser: Browser, request: APIRequestContext, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await loginToAdmin(page, await createUser(request, 'editor', name))
  return page
}

// Two browsers, several saves and page loads each: on a loaded machine this takes well over a minute.
test.describe.configure({ timeout: 180_000 })

test('two editors on one salary table: the second sees the lock, and the stale save is refused, not lost', async ({
  browser,
  request,
}) => {
  const original = await findDoc(request, 'salary-tables', 'title', SALARY_TABLE_TITLE)
  const editUrl = `/admin/collections/salary-tables/${original.id}`
  const ana = await signedIn(browser, request, 'Ana Lopez')
  const ben = await signedIn(browser, request, 'Ben Okafor')

  try {
    // Ana opens the table first and starts changing the notes.
    await ana.goto(editUrl)
    await expect(ana.locator('#field-rows__0__base')).toHaveValue(money(original.rows[0].base))
    await ana.locator('#field-notes').fill('Ana: rechecked against the 2025 survey.')
    // The form reports the edit to the server (which holds the lock in her name) after a short pause.
    await ana.waitForTimeout(1_500)

    // Ben opens it second: Payload tells him Ana is editing it, by name (colleagues may read each
    // other's names, not their emails: collections/Users).
    await ben.goto(editUrl)
    await expect(ben.getByRole('heading', { name: 'Document locked' })).toBeVisible()
    const lockNotice = ben.getByText(/is currently editing this document/)
    await expect(lockNotice).toBeVisible()
    await expect(lockNotice).toContainText('Ana Lopez')

    // He takes over, as an editor with an urgent correction would, changes a figure and publishes.
    // (Taking over re-renders the form from the server; reloading waits for that deterministically.
    // The table is still the version both of them opened: Ana has not saved.)
    await ben.getByRole('button', { name: 'Take over' }).click()
    await expect(lockNotice).toBeHidden()
    await ben.reload()
    const benBase = ben.locator('#field-rows__0__base')
    await expect(benBase).toHaveValue(money(original.rows[0].base))
    await expect(ben.getByText(/is currently editing this document/)).toHaveCount(0)
    await benBase.fill(String(original.rows[0].base + 1_000))
    const benSave = nextSave(ben, 'salary-tables', original.id)
    await ben.getByRole('button', { name: /^Publish( changes)?$/ }).click()
    expect((await benSave).status()).toBe(200)

    // Ana, still on the version she opened, saves: refused, with who changed it and what to do.
    const anaSave = nextSave(ana, 'salary-tables', original.id)
    await ana.getByRole('button', { name: /^Publish( changes)?$/ }).click()
    expect((await anaSave).status()).toBe(409)
    await expect(
      ana
        .getByText(
          /This salary table was changed by Ben Okafor at .+ since you opened it\. Reload to see their changes, then apply yours again\./,
        )
        .first(),
    ).toBeVisible({ timeout: 20_000 })

    // Ben's figure stands; Ana's notes were not written over it.
    const stored = await findDoc(request, 'salary-tables', 'title', SALARY_TABLE_TITLE)
    expect(stored.rows[0].base).toBe(original.rows[0].base + 1_000)
    expect(stored.notes).toBe(original.notes)

    // She reloads, sees Ben's figure, applies her notes again, and that save goes through.
    await ana.reload()
    await expect(ana.locator('#field-rows__0__base')).toHaveValue(money(original.rows[0].base + 1_000))
    // Ben's form is still open, so the table is locked in his name: she takes over, as he did.
    const takeOver = ana.getByRole('button', { name: 'Take over' })
    await expect(takeOver).toBeVisible({ timeout: 20_000 })
    await takeOver.click()
    await expect(ana.getByText(/is currently editing this document/)).toBeHidden()
    await ana.reload()
    await expect(ana.locator('#field-rows__0__base')).toHaveValue(money(original.rows[0].base + 1_000))
    await ana.locator('#field-notes').fill('Ana: rechecked against the 2025 survey.')
    const anaRetry = nextSave(ana, 'salary-tables', original.id)
    await ana.getByRole('button', { name: /^Publish( changes)?$/ }).click()
    expect((await anaRetry).status()).toBe(200)
    expect((await findDoc(request, 'salary-tables', 'title', SALARY_TABLE_TITLE)).notes).toBe(
      'Ana: rechecked against the 2025 survey.',
    )
  } finally {
    await ana.context().close()
    await ben.context().close()
    // Other journeys read the seed figures: put them back.
    await restore(request, 'salary-tables', original.id, { rows: original.rows, notes: original.notes })
  }
})

test("an editor's own autosaves never block their next autosave or their publish", async ({ browser, request }) => {
  const original = await findDoc(request, 'articles', 'slug', SEED_ARTICLE_SLUG)
  const page = await signedIn(browser, request, 'Cleo Autosave')
  const conflicts: string[] = []
  page.on('response', (response) => {
    if (response.status() === 409) conflicts.push(response.url())
  })
  try {
    await page.goto(`/admin/collections/articles/${original.id}`)
    const excerpt = page.locator('#field-excerpt')
    await expect(excerpt).toHaveValue(original.excerpt)
    const headers = { Authorization: `JWT ${await adminToken(request)}` }
    const storedExcerpt = async () =>
      (await (await request.get(`/api/articles/${original.id}?draft=true&depth=0`, { headers })).json()).excerpt
    for (const round of [1, 2, 3]) {
      await excerpt.fill(`${original.excerpt} (round ${round})`)
      await expect.poll(storedExcerpt, { timeout: 15_000 }).toBe(`${original.excerpt} (round ${round})`)
    }
    // Typing, then publishing at once, while that autosave may still be on its way: one click.
    await excerpt.fill(`${original.excerpt} (final)`)
    const saved = nextSave(page, 'articles', original.id)
    await page.getByRole('button', { name: /^Publish( changes)?$/ }).click()
    const publish = await saved
    expect(publish.status()).toBe(200)
    expect(((await publish.json()) as { doc: { excerpt: string } }).doc.excerpt).toBe(`${original.excerpt} (final)`)
    await expect.poll(storedExcerpt, { timeout: 15_000 }).toBe(`${original.excerpt} (final)`)
    await expect(page.getByText(/since you opened it/)).toHaveCount(0)
    expect(conflicts).toEqual([])
  } finally {
    await page.context().close()
    await restore(request, 'articles', original.id, { excerpt: original.excerpt })
  }
})
