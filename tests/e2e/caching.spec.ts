import { expect, test } from '@playwright/test'

import { adminAuth, findOne, previewLinkAsAdmin, simpleContent } from './api'

/**
 * The server keeps finished reader pages in memory (src/cache/frontCache.mjs) and answers repeat
 * requests without rendering. What a reader or editor would notice if it went wrong: a draft shown
 * to the public, an editor's preview showing the public copy, or a publish that does not show.
 */
test('readers get published pages from the front cache; a preview never does; a publish shows at once', async ({
  page,
  request,
  baseURL,
}) => {
  // A plain client with no cookie jar: Playwright's `request` keeps the admin's login cookie.
  const anonymous = async (path: string) => {
    const response = await fetch(`${baseURL}${path}`, { headers: { 'accept-encoding': 'gzip' } })
    return { status: response.status, cache: response.headers.get('x-front-cache'), html: await response.text() }
  }

  const headers = await adminAuth(request)
  const category = await findOne(request, 'categories', 'slug', 'comparisons')
  const created = await request.post('/api/articles', {
    headers,
    data: {
      title: 'Cache check original',
      excerpt: 'Front cache journey.',
      category: category.id,
      content: simpleContent('Cached body text.'),
      _status: 'published',
    },
  })
  expect(created.status()).toBe(201)
  const { doc } = (await created.json()) as { doc: { id: string; slug: string } }
  const articlePath = `/blog/${doc.slug}`

  const first = await anonymous(articlePath)
  expect(first.status).toBe(200)
  expect(first.html).toContain('Cache check original')
  const repeat = await anonymous(articlePath)
  expect(repeat.cache).toBe('HIT')
  expect(repeat.html).toBe(first.html)

  // A draft edit of the published article: the public copy stays, from the cache or not.
  const drafted = await request.patch(`/api/articles/${doc.id}?draft=true`, {
    headers,
    data: { title: 'Cache check draft edit', _status: 'draft' },
  })
  expect(drafted.status()).toBe(200)
  for (const answer of [await anonymous(articlePath), await anonymous(articlePath)]) {
    expect(answer.html).toContain('Cache check original')
    expect(answer.html).not.toContain('Cache check draft edit')
  }

  // The editor previews the draft at the same address the public copy is cached under.
  await page.goto(await previewLinkAsAdmin(page, doc.id))
  await expect(page).toHaveURL(articlePath)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cache check draft edit')
  const reloaded = await page.reload()
  expect(reloaded?.headers()['x-front-cache']).toBeUndefined()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cache check draft edit')

  // Nor does the preview leave its copy behind for the public.
  const afterPreview = await anonymous(articlePath)
  expect(afterPreview.html).toContain('Cache check original')
  expect(afterPreview.html).not.toContain('Cache check draft edit')

  // Publishing reaches the very next reader, on the article and on the index.
  const published = await request.patch(`/api/articles/${doc.id}`, {
    headers,
    data: { title: 'Cache check published edit', _status: 'published' },
  })
  expect(published.status()).toBe(200)
  const fresh = await anonymous(articlePath)
  expect(fresh.cache).toBe('MISS')
  expect(fresh.html).toContain('Cache check published edit')
  expect((await anonymous('/blog')).html).toContain('Cache check published edit')
  const cachedAgain = await anonymous(articlePath)
  expect(cachedAgain.cache).toBe('HIT')
  expect(cachedAgain.html).toContain('Cache check published edit')

  // Unpublished, it is gone for readers at once, cache or not.
  const unpublished = await request.patch(`/api/articles/${doc.id}`, { headers, data: { _status: 'draft' } })
  expect(unpublished.status()).toBe(200)
  expect((await anonymous(articlePath)).status).toBe(404)
  expect((await anonymous('/blog')).html).not.toContain('Cache check published edit')
})
