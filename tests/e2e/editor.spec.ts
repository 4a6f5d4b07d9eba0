import { expect, test } from '@playwright/test'

import { publishFromForm } from './api'

const ADMIN_EMAIL = process.env.ADMIN_EMAIL as string
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD as string

test('an editor renames an article in the admin, publishes, and readers see the new title', async ({
  page,
  request,
}) => {
  const slug = 'ml-engineer-career-path'
  const newTitle = `ML Engineer career path, level by level (${Date.now()})`

  await page.goto('/admin')
  await page.locator('#field-email').fill(ADMIN_EMAIL)
  await page.locator('#field-password').fill(ADMIN_PASSWORD)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)
  // The dashboard tells editors which figures need attention; the demo content has none.
  await expect(page.getByRole('heading', { name: 'Figure health' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Broken figures (0)' })).toBeVisible()

  const lookup = await request.get(`/api/articles?where[slug][equals]=${slug}&depth=0`)
  const id = (await lookup.json()).docs[0].id as string
  await page.goto(`/admin/collections/articles/${id}`)
  const title = page.locator('#field-title')
  await expect(title).toBeVisible()
  await title.fill(newTitle)
  await publishFromForm(page, { contains: newTitle })

  await expect(async () => {
    const response = await request.get(`/blog/${slug}`)
    expect(response.status()).toBe(200)
    expect(await response.text()).toContain(newTitle)
  }).toPass({ timeout: 10_000 })

  // Every cached page that shows the article follows: its page, the index, its category, and the
  // related-post cards of the articles that list it.
  const reader = await page.context().browser()!.newPage()
  await reader.goto(`/blog/${slug}`)
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(newTitle)
  for (const listing of ['/', '/blog', '/blog/category/career-paths', '/blog/ai-engineer-vs-ml-engineer']) {
    await reader.goto(listing)
    await expect(reader.getByRole('link', { name: newTitle }), listing).toBeVisible()
  }
  await reader.close()
})
