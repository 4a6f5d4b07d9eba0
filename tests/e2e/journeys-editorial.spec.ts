import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import sharp from 'sharp'

import {
  adminAuth,
  anonymousGet,
  createArticle,
  createCategory,
  createUser,
  deleteDoc,
  deleteUsersNamed,
  loginToAdmin,
  readerSees,
  publishFromForm,
  uniqueStamp,
} from './api'

/**
 * An article's life in the admin as its people live it: an author drafts, an editor reviews and
 * publishes; an editor writes one from nothing, gives it a hero image, watches it in Live Preview,
 * moves it to a new address. Each journey checks what the reader then sees, on the page itself.
 * Each makes its own category and users, and deletes the articles and images it made.
 */

// Sign-ins, autosaves and a production server shared with other journeys on a loaded machine.
// Independent journeys, each on data of its own: free to run on any worker, in any order.
test.describe.configure({ mode: 'parallel', timeout: 120_000 })
// A click that cannot happen fails in seconds, naming its element, instead of at the test's timeout.
test.use({ actionTimeout: 15_000 })

/** Picks an option of a relationship field (react-select), searching for it first. */
async function choose(page: Page, fieldId: string, label: string) {
  const field = page.locator(`#field-${fieldId}`)
  await field.locator('.rs__control').click()
  await field.locator('input').first().fill(label)
  await page.locator('.rs__option').filter({ hasText: label }).first().click()
  await expect(field.locator('.rs__single-value, .relationship--single-value').first()).toContainText(label)
}

const body = (page: Page) => page.locator('.rich-text-lexical [data-lexical-editor="true"]').first()

/** The draft as stored, read as the admin (drafts are nobody else's to read). */
async function storedDraft(request: APIRequestContext, id: string, headers: Record<string, string>) {
  const response = await request.get(`/api/articles/${id}?draft=true&depth=0`, { headers })
  return (await response.json()) as { title?: string; slug?: string; _status?: string; content?: unknown }
}

test('an author drafts an article, an editor reviews and publishes it, and readers read it', async ({
  browser,
  request,
}) => {
  const stamp = uniqueStamp()
  const headers = await adminAuth(request)
  const category = await createCategory(request, `Reviewed ${stamp}`, headers)
  const title = `Reviewed by an editor ${stamp}`
  const text = `Written by an author on ${stamp}, read by an editor.`
  const authorContext = await browser.newContext()
  const editorContext = await browser.newContext()
  let id: string | undefined
  try {
    const author = await authorContext.newPage()
    await loginToAdmin(author, await createUser(request, 'author', `Author ${stamp}`, headers))
    await author.goto('/admin/collections/articles/create')
    // "Create New" makes the draft at once: the address becomes the document's.
    await expect(author).toHaveURL(/\/admin\/collections\/articles\/(?!create)[^/?]+$/, { timeout: 20_000 })
    id = new URL(author.url()).pathname.split('/').pop() as string
    await author.locator('#field-title').fill(title)
    await author.locator('#field-excerpt').fill('An author wrote it; an editor published it.')
    await choose(author, 'category', category.title)
    await body(author).click()
    await author.keyboard.type(text)
    // No Publish for an author: the autosave keeps the draft, and the draft only.
    await expect(author.getByRole('button', { name: /^Publish( changes)?$/ })).toHaveCount(0)
    await expect
      .poll(async () => JSON.stringify(await storedDraft(request, id as string, headers)), { timeout: 15_000 })
      .toContain(text)
    const draft = await storedDraft(request, id, headers)
    expect(draft._status).toBe('draft')
    expect(draft.title).toBe(title)
    const path = `/blog/${draft.slug}`
    expect((await anonymousGet(path)).status).toBe(404)

    // The author leaves the form for the list, which releases the document's lock.
    await author.getByRole('banner').getByRole('link', { name: 'Articles', exact: true }).click()
    await expect(author).toHaveURL(/\/admin\/collections\/articles(\?.*)?$/)
    await expect
      .poll(
        async () =>
          (
            await (
              await request.get(`/api/payload-locked-documents?where[document.value][equals]=${id}`, { headers })
            ).json()
          ).totalDocs,
        { timeout: 10_000 },
      )
      .toBe(0)

    // The editor finds the draft in the list, by its title, and opens it.
    const editor = await editorContext.newPage()
    await loginToAdmin(editor, await createUser(request, 'editor', `Editor ${stamp}`, headers))
    await editor.goto(`/admin/collections/articles?search=${encodeURIComponent(stamp)}`)
    const row = editor.locator('table tbody tr').filter({ hasText: title })
    await expect(row).toContainText('Draft')
    await row.getByRole('link', { name: title }).click()
    await expect(editor.locator('#field-title')).toHaveValue(title)
    await expect(body(editor)).toContainText(text)
    await publishFromForm(editor, { contains: text })

    await readerSees(path, title)
    const reader = await browser.newPage()
    await reader.goto(path)
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title)
    await expect(reader.locator('.article-body')).toContainText(text)
    await expect(reader.locator('.article-meta').getByRole('link', { name: category.title })).toBeVisible()
    await reader.goto(`/blog/category/${category.slug}`)
    await expect(reader.getByRole('link', { name: title })).toBeVisible()
    await reader.close()
  } finally {
    await authorContext.close().catch(() => undefined)
    await editorContext.close()
    if (id) await deleteDoc(request, 'articles', id, headers)
    await deleteDoc(request, 'categories', category.id, headers)
    // Last: the documents (and the locks they held) go first.
    await deleteUsersNamed(request, stamp, headers)
  }
})

test('an editor writes a featured article from scratch with Create New, publishes it, and it leads the home page', async ({
  page,
  request,
}) => {
  const stamp = uniqueStamp()
  const headers = await adminAuth(request)
  const category = await createCategory(request, `From scratch ${stamp}`, headers)
  const title = `Written from scratch ${stamp}`
  const excerpt = `An excerpt typed in the admin, ${stamp}.`
  const text = `The first paragraph, typed in the editor (${stamp}).`
  let id: string | undefined
  try {
    await loginToAdmin(page, await createUser(request, 'editor', `Editor ${stamp}`, headers))
    await page.goto('/admin/collections/articles')
    await page.getByRole('link', { name: 'Create New' }).first().click()
    await expect(page).toHaveURL(/\/admin\/collections\/articles\/(?!create)[^/?]+$/, { timeout: 20_000 })
    id = new URL(page.url()).pathname.split('/').pop() as string

    await page.locator('#field-title').fill(title)
    await page.locator('#field-excerpt').fill(excerpt)
    await choose(page, 'category', category.title)
    await page.locator('#field-featured').check()
    await body(page).click()
    await page.keyboard.type(text)
    await page.keyboard.press('Enter')
    await page.keyboard.type('A second paragraph.')
    // The form checks each change with the server as it goes; a publish clicked while an answer
    // about an earlier change is still on its way can be sent without the latest ones. An editor
    // glances over the form first: the form has heard back about everything typed.
    await page.waitForLoadState('networkidle')
    const saved = await publishFromForm(page, { contains: 'A second paragraph.' })
    const path = `/blog/${saved.slug}`
    expect(saved.slug).toBe(`written-from-scratch-${stamp}`)

    await readerSees(path, title)
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
    await expect(page.locator('.article-body p')).toHaveText([text, 'A second paragraph.'])
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', excerpt)

    // Featured: the home page's featured area shows it first (newest featured first), with its excerpt.
    await page.goto('/')
    const featured = page.getByRole('region', { name: 'Featured' })
    await expect(featured.locator('.card').first().locator('.card-title')).toHaveText(title)
    await expect(featured.locator('.card').first()).toContainText(excerpt)
    // Listed once: not again under Latest.
    await expect(page.getByRole('region', { name: 'Latest' }).getByRole('link', { name: title })).toHaveCount(0)
  } finally {
    if (id) await deleteDoc(request, 'articles', id, headers)
    await deleteDoc(request, 'categories', category.id, headers)
    // Last: the documents (and the locks they held) go first.
    await deleteUsersNamed(request, stamp, headers)
  }
})

test('an editor uploads a hero image in the article form, and the page shows it with its alt text', async ({
  page,
  request,
}) => {
  const stamp = uniqueStamp()
  const headers = await adminAuth(request)
  const category = await createCategory(request, `Hero ${stamp}`, headers)
  const article = await createArticle(request, { title: `With a hero image ${stamp}`, category: category.id }, headers)
  const alt = `A blue and orange test card, ${stamp}`
  const png = await sharp({ create: { width: 960, height: 540, channels: 3, background: '#1f4e79' } })
    .composite([
      { input: { create: { width: 480, height: 270, channels: 3, background: '#e07b39' } }, left: 240, top: 135 },
    ])
    .png()
    .toBuffer()
  let mediaId: string | undefined
  try {
    await loginToAdmin(page, await createUser(request, 'editor', `Editor ${stamp}`, headers))
    await page.goto(`/admin/collections/articles/${article.id}`)
    const hero = page.locator('#field-heroImage')
    await hero.getByRole('button', { name: 'Create New' }).click()
    const drawer = page.locator('.drawer--is-open, dialog[open]').last()
    await drawer
      .locator('input[type="file"]')
      .setInputFiles({ name: `hero-${stamp}.png`, mimeType: 'image/png', buffer: png })
    await drawer.locator('#field-alt').fill(alt)
    const uploaded = page.waitForResponse(
      (response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/media',
    )
    await drawer.getByRole('button', { name: 'Save' }).click()
    const upload = await uploaded
    expect(upload.status(), await upload.text()).toBe(201)
    mediaId = ((await upload.json()).doc as { id: string }).id
    await expect(hero).toContainText(`hero-${stamp}.png`)
    await publishFromForm(page)

    const path = `/blog/${article.slug}`
    await readerSees(path, alt)
    await page.goto(path)
    const image = page.getByRole('img', { name: alt })
    await expect(image).toBeVisible()
    // The browser loaded a real image (not a broken icon), from the site, at a size that fits.
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0)
    expect(new URL(await image.evaluate((img: HTMLImageElement) => img.currentSrc)).origin).toBe(
      new URL(page.url()).origin,
    )
    // On a phone it fits the screen, as wide as the text.
    await page.setViewportSize({ width: 360, height: 800 })
    const box = (await image.boundingBox())!
    expect(box.width).toBeGreaterThan(250)
    expect(box.x + box.width).toBeLessThanOrEqual(360)
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
    await page.screenshot({ path: test.info().outputPath('hero-360.png') })
    // The share card is the image too, with its alt.
    await expect(page.locator('meta[property="og:image:alt"]').first()).toHaveAttribute('content', alt)
  } finally {
    await deleteDoc(request, 'articles', article.id, headers)
    if (mediaId) await deleteDoc(request, 'media', mediaId, headers)
    await deleteDoc(request, 'categories', category.id, headers)
    // Last: the documents (and the locks they held) go first.
    await deleteUsersNamed(request, stamp, headers)
  }
})

test('Live Preview shows the draft as it is typed, in its frame, while readers keep the published page', async ({
  page,
  request,
}) => {
  const stamp = uniqueStamp()
  const headers = await adminAuth(request)
  const category = await createCategory(request, `Live ${stamp}`, headers)
  const published = `Live preview, published ${stamp}`
  const article = await createArticle(request, { title: published, category: category.id }, headers)
  try {
    await loginToAdmin(page, await createUser(request, 'editor', `Editor ${stamp}`, headers))
    await page.goto(`/admin/collections/articles/${article.id}`)
    await page.locator('#live-preview-toggler').click()
    const frame = page.frameLocator('iframe#live-preview-iframe')
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText(published, { timeout: 20_000 })
    await expect(frame.getByRole('status')).toContainText('Preview of the latest draft')

    // Typing autosaves the draft (800 ms), and the frame follows without a reload by the editor.
    const draftLine = `A sentence only the draft has, ${stamp}.`
    await body(page).click()
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Enter')
    await page.keyboard.type(draftLine)
    await expect(frame.locator('.article-body')).toContainText(draftLine, { timeout: 20_000 })

    // Readers still get the published article.
    const { text: html } = await anonymousGet(`/blog/${article.slug}`)
    expect(html).toContain(published)
    expect(html).not.toContain(draftLine)
  } finally {
    await deleteDoc(request, 'articles', article.id, headers)
    await deleteDoc(request, 'categories', category.id, headers)
    // Last: the documents (and the locks they held) go first.
    await deleteUsersNamed(request, stamp, headers)
  }
})

test('an editor changes a published article’s slug, and a reader on the old address lands on the new one', async ({
  page,
  browser,
  request,
}) => {
  const stamp = uniqueStamp()
  const headers = await adminAuth(request)
  const category = await createCategory(request, `Moved ${stamp}`, headers)
  const title = `An article that moves ${stamp}`
  const article = await createArticle(request, { title, category: category.id }, headers)
  const oldPath = `/blog/${article.slug}`
  const newSlug = `moved-here-${stamp}`
  try {
    // A reader has the old address cached.
    expect((await anonymousGet(oldPath)).status).toBe(200)

    await loginToAdmin(page, await createUser(request, 'editor', `Editor ${stamp}`, headers))
    await page.goto(`/admin/collections/articles/${article.id}`)
    await page.locator('#field-slug-lock').click()
    await page.locator('#field-slug').fill(newSlug)
    const saved = await publishFromForm(page)
    expect(saved.slug).toBe(newSlug)
    expect(saved.previousSlugs).toEqual([expect.objectContaining({ slug: article.slug })])

    await readerSees(`/blog/${newSlug}`, title)
    const reader = await browser.newPage()
    const response = await reader.goto(oldPath)
    await expect(reader).toHaveURL(`/blog/${newSlug}`)
    expect(response?.status()).toBe(200)
    expect(response?.request().redirectedFrom()?.url()).toContain(oldPath)
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title)
    await expect(reader.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`/blog/${newSlug}$`))
    // Permanent, so search engines move their link too.
    const redirect = await anonymousGet(oldPath, { redirect: 'manual' })
    expect(redirect.status).toBe(308)
    expect(redirect.headers.get('location')).toBe(`/blog/${newSlug}`)
    await reader.close()
  } finally {
    await deleteDoc(request, 'articles', article.id, headers)
    await deleteDoc(request, 'categories', category.id, headers)
    // Last: the documents (and the locks they held) go first.
    await deleteUsersNamed(request, stamp, headers)
  }
})
