import { expect, test } from '@playwright/test'

import { adminAuth, createUser, deleteDoc, loginToAdmin, publishFromForm, simpleContent } from './api'

/**
 * An editor types in an article's body and clicks Publish at once, as people do: every round must
 * publish exactly what is on screen, last keystroke included, seen through the readers' API. Half
 * the rounds click right after typing (the body reaches the form up to 0.5 s later), half as the
 * autosave runs (800 ms after typing), when Payload's own button ignored the click.
 */

test.describe.configure({ timeout: 300_000 })

const ROUNDS = 10

test('typing then clicking Publish once publishes what is on screen, ten times out of ten', async ({
  browser,
  playwright,
  request,
}) => {
  const stamp = Date.now()
  const slug = `publish-what-you-see-${stamp}`
  const headers = await adminAuth(request)
  // A category of its own: the journey leaves the seed alone.
  const category = await request.post('/api/categories', {
    headers,
    data: { title: `Publishing ${stamp}`, slug: `publishing-${stamp}` },
  })
  expect(category.status(), await category.text()).toBe(201)
  const categoryId = ((await category.json()).doc as { id: string }).id
  const created = await request.post('/api/articles', {
    headers,
    data: {
      category: categoryId,
      title: `Publish what you see ${stamp}`,
      slug,
      excerpt: 'Typed, then published at once.',
      content: simpleContent('Opening line.'),
      _status: 'published',
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  const { id } = (await created.json()).doc as { id: string }

  const context = await browser.newContext()
  const page = await context.newPage()
  const reader = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL })
  try {
    await loginToAdmin(page, await createUser(request, 'editor', 'Quick Publisher'))
    await page.goto(`/admin/collections/articles/${id}`)
    const body = page.locator('.rich-text-lexical [data-lexical-editor="true"]').first()
    await expect(body).toContainText('Opening line.')

    for (let round = 1; round <= ROUNDS; round++) {
      const typed = ` round ${round} of ${stamp}.`
      await body.click()
      await page.keyboard.press('Control+End')
      await page.keyboard.type(typed)
      // Odd rounds click at once; even ones as the autosave (800 ms after typing) is on its way.
      if (round % 2 === 0) await page.waitForTimeout(850)
      await publishFromForm(page, { contains: typed.trim() })

      // What readers get, anonymously.
      const published = await reader.get(`/api/articles/${id}?depth=0`)
      expect(published.status()).toBe(200)
      const text = JSON.stringify((await published.json()).content)
      expect(text, `round ${round}`).toContain(typed.trim())
      expect(text).toContain('Opening line.')
    }
  } finally {
    await reader.dispose()
    await context.close()
    await deleteDoc(request, 'articles', id)
    await deleteDoc(request, 'categories', categoryId)
  }
})
