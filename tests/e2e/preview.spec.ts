import { expect, test } from '@playwright/test'

import { adminAuth, findOne, previewLinkAsAdmin, simpleContent } from './api'

test('a signed-in editor previews a draft; an anonymous visitor with the same link sees nothing', async ({
  page,
  request,
  browser,
}) => {
  const headers = await adminAuth(request)
  const category = await findOne(request, 'categories', 'slug', 'comparisons')
  const created = await request.post('/api/articles?draft=true', {
    headers,
    data: {
      title: 'Preview-only draft',
      excerpt: 'Not published.',
      category: category.id,
      content: simpleContent('Draft body text.'),
      _status: 'draft',
    },
  })
  expect(created.status()).toBe(201)
  const { doc } = (await created.json()) as { doc: { id: string; slug: string } }

  // The admin's preview button points at this URL (it carries the preview secret).
  const previewResponse = await request.get(`/api/articles/${doc.id}?draft=true&depth=0`, { headers })
  expect(previewResponse.ok()).toBe(true)
  const articleUrl = `/blog/${doc.slug}`
  expect((await request.get(articleUrl)).status()).toBe(404)

  // Signed in through the admin, the editor gets the preview.
  const href = await previewLinkAsAdmin(page, doc.id)
  expect(href).toContain(`path=%2Fblog%2F${doc.slug}`)

  await page.goto(href)
  await expect(page).toHaveURL(articleUrl)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Preview-only draft')
  await expect(page.getByRole('status')).toContainText('Preview of the latest draft')

  // A visitor without a session gets nothing from the same link, and no draft on the page.
  const anonymous = await browser.newContext()
  const visitor = await anonymous.newPage()
  const denied = await visitor.goto(href)
  expect(denied?.status()).toBe(403)
  const direct = await visitor.goto(articleUrl)
  expect(direct?.status()).toBe(404)
  await expect(visitor.getByText('Preview-only draft')).toHaveCount(0)
  await anonymous.close()
})
