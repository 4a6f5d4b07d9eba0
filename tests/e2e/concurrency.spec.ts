import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test'

import { adminAuth, createArticle, createCategory, createUser, deleteDoc, loginToAdmin, uniqueStamp } from './api'

/**
 * Two editors on one document, each in a browser of their own: the second to open it is told who is
 * editing it (Payload's document lock), and a save from a version someone else has since changed is
 * refused with a notice instead of silently overwriting their change. Each journey edits documents
 * of its own, deleted after it.
 */

/** An amount as the salary grid shows it: "$165,000". */
const money = (amount: number) => `$${amount.toLocaleString('en-US')}`

const ROWS = [
  {
    role: 'Data Engineer',
    tier: 'Big Tech',
    base: 165_000,
    equity: 35_000,
    bonus: 10_000,
    source: 'Levels.fyi (2023)',
  },
  { role: 'Data Engineer', tier: 'Startup', base: 140_000, equity: 30_000, bonus: 10_000, source: 'Blind' },
]
const NOTES = 'Median total compensation in US dollars by tier.'

/** What each journey created, deleted after it (their locks first). */
const made: [collection: string, id: string][] = []
test.afterEach(async ({ request }) => {
  const headers = await adminAuth(request)
  for (const [collection, id] of made.splice(0).reverse()) await deleteDoc(request, collection, id, headers)
})

/** The document as it is stored now, its pending draft included. */
async function stored(request: APIRequestContext, collection: string, id: string) {
  const response = await request.get(`/api/${collection}/${id}?depth=0&draft=true`, {
    headers: await adminAuth(request),
  })
  expect(response.status()).toBe(200)
  return response.json()
}

/** The name of whoever holds the document's lock now (an open edit view that changed it), or null. */
async function lockHolder(request: APIRequestContext, headers: Record<string, string>, id: string) {
  const response = await request.get(`/api/payload-locked-documents?where[document.value][equals]=${id}&depth=1`, {
    headers,
  })
  const [lock] = (await response.json()).docs as { user?: { value?: { name?: string } } }[]
  return lock?.user?.value?.name ?? null
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
  const created = await request.post('/api/salary-tables', {
    headers: await adminAuth(request),
    data: {
      title: `Two editors pay ${uniqueStamp()}`,
      currency: 'USD',
      asOf: '2026-10-01',
      notes: NOTES,
      rows: ROWS,
      _status: 'published',
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  const original = (await created.json()).doc as { id: string; notes: string; rows: typeof ROWS }
  made.push(['salary-tables', original.id])
  const editUrl = `/admin/collections/salary-tables/${original.id}`
  const ana = await signedIn(browser, request, 'Ana Lopez')
  const ben = await signedIn(browser, request, 'Ben Okafor')

  try {
    // Ana opens the table first and starts changing the notes.
    await ana.goto(editUrl)
    await expect(ana.locator('#field-rows__0__base')).toHaveValue(money(original.rows[0].base))
    await ana.locator('#field-notes').fill('Ana: rechecked against the 2025 survey.')
    // The form reports the edit to the server, which then holds the lock in her name.
    const headers = await adminAuth(request)
    await expect.poll(() => lockHolder(request, headers, original.id), { timeout: 15_000 }).toBe('Ana Lopez')

    // Ben opens it second: Payload tells him Ana is editing it, by name (colleagues may read each
    // other's names, not their emails: collections/Users).
    await ben.goto(editUrl)
    await expect(ben.getByRole('heading', { name: 'Document locked' })).toBeVisible()
    const lockNotice = ben.getByText(/is currently editing this document/)
    await expect(lockNotice).toBeVisible()
    await expect(lockNotice).toContainText('Ana Lopez')

    // He takes over, as an editor with an urgent correction would, changes a figure and publishes.
    // (Reloading after the take-over shows the form as the server has it. The table is still the
    // version both of them opened: Ana has not saved.)
    await ben.getByRole('button', { name: 'Take over' }).click()
    await expect(lockNotice).toBeHidden()
    // The modal closes at the click; the take-over itself is a request after it, which a reload
    // begun too soon would cancel. It is his once the server says so.
    await expect.poll(() => lockHolder(request, headers, original.id), { timeout: 15_000 }).toBe('Ben Okafor')
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
    const afterBen = await stored(request, 'salary-tables', original.id)
    expect(afterBen.rows[0].base).toBe(original.rows[0].base + 1_000)
    expect(afterBen.notes).toBe(NOTES)

    // A save releases the lock (Payload's update drops it); Ben goes on editing, unsaved, and his
    // form takes it again.
    await ben.locator('#field-rows__1__bonus').fill(String(original.rows[1].bonus + 500))
    await expect.poll(() => lockHolder(request, headers, original.id), { timeout: 15_000 }).toBe('Ben Okafor')

    // She reloads, sees Ben's figure, applies her notes again, and that save goes through.
    await ana.reload()
    await expect(ana.locator('#field-rows__0__base')).toHaveValue(money(original.rows[0].base + 1_000))
    // Ben's form is still open with his edit, so the table is locked in his name: she takes over, as he did.
    const takeOver = ana.getByRole('button', { name: 'Take over' })
    await expect(takeOver).toBeVisible({ timeout: 20_000 })
    await takeOver.click()
    await expect(ana.getByText(/is currently editing this document/)).toBeHidden()
    await expect.poll(() => lockHolder(request, headers, original.id), { timeout: 15_000 }).toBe('Ana Lopez')
    await ana.reload()
    await expect(ana.locator('#field-rows__0__base')).toHaveValue(money(original.rows[0].base + 1_000))
    await ana.locator('#field-notes').fill('Ana: rechecked against the 2025 survey.')
    const anaRetry = nextSave(ana, 'salary-tables', original.id)
    await ana.getByRole('button', { name: /^Publish( changes)?$/ }).click()
    expect((await anaRetry).status()).toBe(200)
    expect((await stored(request, 'salary-tables', original.id)).notes).toBe('Ana: rechecked against the 2025 survey.')
  } finally {
    await ana.context().close()
    await ben.context().close()
  }
})

test("an editor's own autosaves never block their next autosave or their publish", async ({ browser, request }) => {
  const stamp = uniqueStamp()
  const headers = await adminAuth(request)
  const category = await createCategory(request, `Autosaves ${stamp}`, headers)
  made.push(['categories', category.id])
  const excerptText = `An excerpt typed over and over (${stamp}).`
  const original = await createArticle(
    request,
    { title: `Autosaves ${stamp}`, category: category.id, excerpt: excerptText },
    headers,
  )
  made.push(['articles', original.id])
  const page = await signedIn(browser, request, 'Cleo Autosave')
  const conflicts: string[] = []
  page.on('response', (response) => {
    if (response.status() === 409) conflicts.push(response.url())
  })
  try {
    await page.goto(`/admin/collections/articles/${original.id}`)
    const excerpt = page.locator('#field-excerpt')
    await expect(excerpt).toHaveValue(excerptText)
    const storedExcerpt = async () =>
      (await (await request.get(`/api/articles/${original.id}?draft=true&depth=0`, { headers })).json()).excerpt
    for (const round of [1, 2, 3]) {
      await excerpt.fill(`${excerptText} (round ${round})`)
      await expect.poll(storedExcerpt, { timeout: 15_000 }).toBe(`${excerptText} (round ${round})`)
    }
    // Typing, then publishing at once, while that autosave may still be on its way: one click.
    await excerpt.fill(`${excerptText} (final)`)
    const saved = nextSave(page, 'articles', original.id)
    await page.getByRole('button', { name: /^Publish( changes)?$/ }).click()
    const publish = await saved
    expect(publish.status()).toBe(200)
    expect(((await publish.json()) as { doc: { excerpt: string } }).doc.excerpt).toBe(`${excerptText} (final)`)
    await expect.poll(storedExcerpt, { timeout: 15_000 }).toBe(`${excerptText} (final)`)
    await expect(page.getByText(/since you opened it/)).toHaveCount(0)
    expect(conflicts).toEqual([])
  } finally {
    await page.context().close()
  }
})
