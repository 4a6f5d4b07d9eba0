import { expect, test, type Page } from '@playwright/test'

import { block, paragraph, richText } from '../../src/seed/lexical'

import {
  adminAuth,
  anonymousGet,
  createArticle,
  createCategory,
  createUser,
  deleteDoc,
  deleteUsersNamed,
  loginToAdmin,
  publishFromForm,
  readerSees,
  uniqueStamp,
} from './api'

/**
 * The admin's other controls, as an editor or the admin uses them, each checked on the page a
 * reader then gets: unpublish and delete from the edit view's menu, restore from the Versions tab,
 * Schedule publish, categories, FAQs, and users (an admin creates one, who signs in and out).
 * Each journey makes its own documents and users and deletes what it made.
 */

// Independent journeys, each on data of its own: free to run on any worker, in any order.
test.describe.configure({ mode: 'parallel', timeout: 120_000 })
// A click that cannot happen fails in seconds, naming its element, instead of at the test's timeout.
test.use({ actionTimeout: 15_000 })

/** Opens the edit view's "…" menu and clicks an item, then confirms its dialog. */
async function fromDocumentMenu(page: Page, itemId: string) {
  await page.locator('.doc-controls__dots').click()
  await page.locator(`#${itemId}`).click()
  const dialog = page.locator('.confirmation-modal')
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Confirm' }).click()
}

test('an editor unpublishes an article, then deletes it, from the edit view’s menu; readers lose it each time', async ({
  page,
  request,
}) => {
  const stamp = uniqueStamp()
  const headers = await adminAuth(request)
  const category = await createCategory(request, `Withdrawn ${stamp}`, headers)
  const title = `Withdrawn article ${stamp}`
  const article = await createArticle(request, { title, category: category.id }, headers)
  const path = `/blog/${article.slug}`
  try {
    // Cached for readers first, as a live article is.
    await page.goto(`/blog/category/${category.slug}`)
    await expect(page.getByRole('link', { name: title })).toBeVisible()
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)

    await loginToAdmin(page, await createUser(request, 'editor', `Editor ${stamp}`, headers))
    await page.goto(`/admin/collections/articles/${article.id}`)
    await fromDocumentMenu(page, 'action-unpublish')
    await expect(page.getByText(/unpublished successfully/i).first()).toBeVisible()
    await expect.poll(async () => (await anonymousGet(path)).status, { timeout: 5_000 }).toBe(404)
    await expect
      .poll(async () => (await anonymousGet(`/blog/category/${category.slug}`)).text, { timeout: 5_000 })
      .not.toContain(title)
    expect((await anonymousGet(`/api/articles/${article.id}`)).status).toBe(404)
    // Still there for the staff, as a draft.
    const stored = await request.get(`/api/articles/${article.id}?draft=true&depth=0`, {
      headers,
    })
    expect((await stored.json())._status).toBe('draft')

    await page.reload()
    await fromDocumentMenu(page, 'action-delete')
    await expect(page.getByText(/successfully deleted/i).first()).toBeVisible()
    await expect(page).toHaveURL(/\/admin\/collections\/articles(\?.*)?$/)
    await page.goto(`/admin/collections/articles?search=${encodeURIComponent(stamp)}`)
    await expect(page.locator('table tbody').getByText(title)).toHaveCount(0)
    const gone = await request.get(`/api/articles/${article.id}?draft=true`, { headers })
    expect(gone.status()).toBe(404)
    const response = await page.goto(path)
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  } finally {
    await deleteDoc(request, 'articles', article.id, headers)
    await deleteDoc(request, 'categories', category.id, headers)
    // Last: the documents (and the locks they held) go first.
    await deleteUsersNamed(request, stamp, headers)
  }
})

test('an editor restores an earlier version from the Versions tab, and readers get its text back', async ({
  page,
  request,
}) => {
  const stamp = uniqueStamp()
  const headers = await adminAuth(request)
  const category = await createCategory(request, `Restored ${stamp}`, headers)
  const first = `The first title ${stamp}`
  const article = await createArticle(request, { title: first, category: category.id }, headers)
  const second = `A title regretted ${stamp}`
  const path = `/blog/${article.slug}`
  try {
    const changed = await request.patch(`/api/articles/${article.id}`, {
      headers,
      data: { title: second, _status: 'published' },
    })
    expect(changed.status(), await changed.text()).toBe(200)
    await readerSees(path, second)

    await loginToAdmin(page, await createUser(request, 'editor', `Editor ${stamp}`, headers))
    await page.goto(`/admin/collections/articles/${article.id}/versions`)
    const rows = page.getByTestId('version-row')
    await expect(rows.first()).toContainText('Published (current)')
    // The earlier publication, by what it changed: the list says which title each version set.
    const earlier = rows.filter({ hasText: 'Published before' }).first()
    await expect(earlier).toBeVisible()
    await earlier.getByRole('link').first().click()
    await expect(page).toHaveURL(/\/versions\/[^/]+$/)
    await expect(page.getByText(first).first()).toBeVisible()

    await page.getByRole('button', { name: 'Restore this version' }).click()
    const restored = page.waitForResponse(
      (response) => response.request().method() === 'POST' && /\/api\/articles\/versions\/[^/?]+/.test(response.url()),
    )
    await page.locator('.confirmation-modal').getByRole('button', { name: 'Confirm' }).click()
    expect((await restored).status()).toBe(200)
    // Back on the form, which holds the restored version.
    await expect(page).toHaveURL(new RegExp(`/admin/collections/articles/${article.id}$`), { timeout: 20_000 })
    await expect(page.locator('#field-title')).toHaveValue(first)

    await readerSees(path, first)
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(first)
    await expect(page.getByText(second)).toHaveCount(0)
  } finally {
    await deleteDoc(request, 'articles', article.id, headers)
    await deleteDoc(request, 'categories', category.id, headers)
    // Last: the documents (and the locks they held) go first.
    await deleteUsersNamed(request, stamp, headers)
  }
})

/** How the schedule drawer's date field reads a typed time: "Jan 5, 2026 3:07 PM", the browser's local time. */
function pickerText(date: Date) {
  const month = date.toLocaleString('en-US', { month: 'short' })
  const hours = date.getHours() % 12 || 12
  const minutes = String(date.getMinutes()).padStart(2, '0')
  return `${month} ${date.getDate()}, ${date.getFullYear()} ${hours}:${minutes} ${date.getHours() < 12 ? 'AM' : 'PM'}`
}

test('an editor schedules a draft’s publication in the admin, and the server publishes it at that time', async ({
  page,
  request,
}) => {
  // The picker's times are whole minutes: the wait is up to a minute, plus the job runner's 10 s.
  test.setTimeout(180_000)
  const stamp = uniqueStamp()
  const headers = await adminAuth(request)
  const category = await createCategory(request, `Scheduled ${stamp}`, headers)
  const title = `Scheduled in the admin ${stamp}`
  const article = await createArticle(request, { title, category: category.id, _status: 'draft' }, headers)
  const path = `/blog/${article.slug}`
  try {
    await loginToAdmin(page, await createUser(request, 'editor', `Editor ${stamp}`, headers))
    await page.goto(`/admin/collections/articles/${article.id}`)
    await expect(page.locator('#field-title')).toHaveValue(title)
    // The Publish button's own menu (the chevron beside it).
    await page.locator('.valenx-publish__menu .popup-button').click()
    await page.locator('#schedule-publish').click()
    const drawer = page.locator('.schedule-publish')
    await expect(drawer.getByRole('heading', { level: 2 })).toContainText('Schedule publish')
    await drawer.getByText('Publish', { exact: true }).click()

    // The next whole minute at least 15 s away, typed as an editor would.
    const browserNow = new Date(await page.evaluate(() => Date.now()))
    const due = new Date(browserNow)
    due.setSeconds(0, 0)
    due.setMinutes(due.getMinutes() + (browserNow.getSeconds() > 45 ? 2 : 1))
    const input = drawer.locator('.date-time-picker input').first()
    await input.fill(pickerText(due))
    await input.press('Enter')
    await drawer.locator('#scheduled-publish-save').click()
    await expect(page.getByText(/scheduled successfully/i).first()).toBeVisible()
    // The drawer lists the event it will run.
    await expect(drawer.locator('.table tbody tr')).toHaveCount(1)
    await expect(drawer.locator('.table tbody tr')).toContainText(/publish/i)

    // Nothing before its time…
    expect((await anonymousGet(path)).status).toBe(404)
    // …and, within the runner's ten seconds after it (with margin), the page and the category list.
    const waitMs = due.getTime() - Date.now() + 30_000
    await expect.poll(async () => (await anonymousGet(path)).status, { timeout: waitMs, intervals: [1_000] }).toBe(200)
    expect(Date.now()).toBeGreaterThanOrEqual(due.getTime())
    expect((await anonymousGet(path)).text).toContain(title)
    await readerSees(`/blog/category/${category.slug}`, title)
  } finally {
    await deleteDoc(request, 'articles', article.id, headers)
    await deleteDoc(request, 'categories', category.id, headers)
    // Last: the documents (and the locks they held) go first.
    await deleteUsersNamed(request, stamp, headers)
  }
})

test('an editor creates a category and renames it; its page follows each time', async ({ page, request }) => {
  const stamp = uniqueStamp()
  const headers = await adminAuth(request)
  const title = `Shelf ${stamp}`
  let id: string | undefined
  try {
    await loginToAdmin(page, await createUser(request, 'editor', `Editor ${stamp}`, headers))
    await page.goto('/admin/collections/categories/create')
    await page.locator('#field-title').fill(title)
    await page.locator('#field-description').fill(`Everything shelved under ${stamp}.`)
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(page.getByText(/successfully created/i).first()).toBeVisible()
    await expect(page).toHaveURL(/\/admin\/collections\/categories\/(?!create)[^/?]+$/)
    id = new URL(page.url()).pathname.split('/').pop() as string
    // The slug was made from the title.
    await expect(page.locator('#field-slug')).toHaveValue(`shelf-${stamp}`)
    const path = `/blog/category/shelf-${stamp}`

    await readerSees(path, title)
    const reader = await page.context().browser()!.newPage()
    await reader.goto(path)
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title)
    await expect(reader.getByText(`Everything shelved under ${stamp}.`)).toBeVisible()

    const renamed = `Renamed shelf ${stamp}`
    await page.locator('#field-title').fill(renamed)
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(page.getByText(/updated successfully/i).first()).toBeVisible()
    await readerSees(path, renamed)
    await reader.goto(path)
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(renamed)
    await expect(reader).toHaveTitle(`${renamed} | Valenx Press`)
    await reader.close()
  } finally {
    if (id) await deleteDoc(request, 'categories', id, headers)
    // Last: the documents (and the locks they held) go first.
    await deleteUsersNamed(request, stamp, headers)
  }
})

test('an editor writes a FAQ in the admin and publishes it; the article that lists it shows it', async ({
  page,
  request,
}) => {
  const stamp = uniqueStamp()
  const headers = await adminAuth(request)
  const question = `How is ${stamp} answered?`
  const answer = `With a sentence typed in the admin, ${stamp}.`
  const note = `Checked on the day ${stamp} was written.`
  const category = await createCategory(request, `Questions ${stamp}`, headers)
  let faqId: string | undefined
  let articleId: string | undefined
  try {
    await loginToAdmin(page, await createUser(request, 'editor', `Editor ${stamp}`, headers))
    await page.goto('/admin/collections/faqs/create')
    await page.locator('#field-question').fill(question)
    await page.locator('.rich-text-lexical [data-lexical-editor="true"]').first().click()
    await page.keyboard.type(answer)
    await page.locator('#field-note__label .rs__control').click()
    await page.locator('.rs__option').filter({ hasText: 'Data Point' }).click()
    await page.locator('#field-note__text').fill(note)
    const saved = await publishFromForm(page, { contains: answer })
    faqId = saved.id as string
    expect(saved._status).toBe('published')

    const article = await createArticle(
      request,
      {
        title: `An article with ${stamp}'s FAQ`,
        category: category.id,
        content: richText(paragraph('Questions readers ask.'), block('faqList', { faqs: [faqId] })),
      },
      headers,
    )
    articleId = article.id
    await page.goto(`/blog/${article.slug}`)
    await expect(page.getByRole('heading', { name: `Q1: ${question}` })).toBeVisible()
    const item = page.locator('.faq-item').filter({ hasText: question })
    await expect(item.locator('.faq-answer')).toContainText(answer)
    await expect(item.locator('.faq-note')).toHaveText(`Data Point: ${note}`)
    const jsonLd = (await page.locator('script[type="application/ld+json"]').allTextContents()).join('\n')
    expect(jsonLd).toContain(question)
  } finally {
    if (articleId) await deleteDoc(request, 'articles', articleId, headers)
    if (faqId) await deleteDoc(request, 'faqs', faqId, headers)
    await deleteDoc(request, 'categories', category.id, headers)
    // Last: the documents (and the locks they held) go first.
    await deleteUsersNamed(request, stamp, headers)
  }
})

test('the admin creates an editor in the admin; the editor signs in, signs out, and /admin asks to sign in again', async ({
  browser,
  page,
  request,
}) => {
  const stamp = uniqueStamp()
  const headers = await adminAuth(request)
  const user = {
    email: `e2e-created-${stamp}@valenx.local`,
    password: `created-${stamp}-password`,
    name: `Created ${stamp}`,
  }
  try {
    // An admin of the journey's own: the seeded one signs in elsewhere at the same time (see adminAuth).
    await loginToAdmin(page, await createUser(request, 'admin', `Admin ${stamp}`, headers))
    await page.goto('/admin/collections/users/create')
    await page.locator('#field-email').fill(user.email)
    await page.locator('#field-name').fill(user.name)
    await page.locator('#field-password').fill(user.password)
    await page.locator('#field-confirm-password').fill(user.password)
    await page.locator('#field-role .rs__control').click()
    await page.locator('.rs__option').filter({ hasText: 'Editor' }).click()
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(page.getByText(/successfully created/i).first()).toBeVisible()
    await page.goto(`/admin/collections/users?search=${encodeURIComponent(stamp)}`)
    await expect(page.locator('table tbody tr').filter({ hasText: user.email })).toContainText('Editor')

    // The new editor, in a browser of their own.
    const context = await browser.newContext()
    const editor = await context.newPage()
    await loginToAdmin(editor, user)
    await expect(editor.getByRole('link', { name: 'Articles' }).first()).toBeVisible()
    // A new user's admin opens with its menu closed; "Log out" is at its foot.
    await editor.getByRole('button', { name: 'Open Menu' }).click()
    await editor.getByRole('link', { name: 'Log out' }).click()
    await expect(editor.getByText(/logged out successfully/i).first()).toBeVisible()
    await editor.goto('/admin')
    await expect(editor).toHaveURL(/\/admin\/login/)
    await expect(editor.locator('#field-email')).toBeVisible()
    // The old session is gone for the API too.
    const me = await editor.evaluate(async () => (await fetch('/api/users/me', { credentials: 'include' })).json())
    expect(me.user).toBeNull()
    await context.close()
  } finally {
    // Last: the documents (and the locks they held) go first.
    await deleteUsersNamed(request, stamp, headers)
  }
})
