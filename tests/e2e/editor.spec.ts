import { expect, test } from '@playwright/test'

import { block, figure, paragraph, richText } from '../../src/seed/lexical'

import {
  adminAuth,
  createArticle,
  createCategory,
  createSalaryTable,
  deleteDoc,
  loginToAdmin,
  publishFromForm,
  uniqueStamp,
} from './api'

/**
 * The admin's first screens as an editor meets them: the dashboard's figure health, and a rename
 * that every page showing the article follows. The journey's own table, articles and category,
 * deleted after it (other journeys break figures of their own at the same time, so it checks its
 * own figure, not the dashboard's count).
 */

const ROWS = [
  { role: 'Site Engineer', tier: 'Big Tech', base: 150_000, equity: 40_000, bonus: 10_000, source: 'Survey' },
  { role: 'Site Engineer', tier: 'Startup', base: 120_000, equity: 20_000, bonus: 5_000, source: 'Survey' },
]

test('an editor sees a broken figure on the dashboard until it is fixed, renames an article, publishes, and readers see the new title', async ({
  page,
  request,
}) => {
  const stamp = uniqueStamp()
  const headers = await adminAuth(request)
  const made: [collection: string, id: string][] = []
  try {
    const category = await createCategory(request, `Editor desk ${stamp}`, headers)
    made.push(['categories', category.id])
    const table = await createSalaryTable(request, `Editor desk pay ${stamp}`, ROWS)
    made.push(['salary-tables', table.id])
    const startup = figure({
      source: 'salaryCell',
      table: table.id,
      role: 'Site Engineer',
      tier: 'Startup',
      column: 'total',
      format: 'currency',
    })
    const oldTitle = `Site Engineer pay ${stamp}`
    const article = await createArticle(
      request,
      {
        title: oldTitle,
        category: category.id,
        content: richText(
          paragraph('Startups pay ', startup, '.'),
          block('salaryTable', { table: table.id, showChart: false }),
        ),
      },
      headers,
    )
    made.push(['articles', article.id])
    const listing = await createArticle(
      request,
      { title: `Reading list ${stamp}`, category: category.id, relatedPosts: [article.id] },
      headers,
    )
    made.push(['articles', listing.id])

    // The Startup row goes (the save confirms the figure it breaks): the figure is broken.
    const removed = await request.patch(`/api/salary-tables/${table.id}`, {
      headers,
      data: { rows: ROWS.slice(0, 1), confirmContradictions: true, _status: 'published' },
    })
    expect(removed.status(), await removed.text()).toBe(200)

    await loginToAdmin(page, {
      email: process.env.ADMIN_EMAIL as string,
      password: process.env.ADMIN_PASSWORD as string,
    })
    // The dashboard tells editors which figures need attention: this article's, with what readers see.
    const health = page.getByRole('region', { name: 'Figure health' })
    await expect(health).toBeVisible()
    await expect(health.getByRole('heading', { name: /^Broken figures \([1-9]\d*\)$/ })).toBeVisible()
    const entry = health.getByRole('listitem').filter({ has: page.getByRole('link', { name: oldTitle }) })
    await expect(entry).toContainText(`${oldTitle}: `)
    await expect(entry).toContainText('Site Engineer · Startup')
    await expect(entry).toContainText('(readers see $145,000)')
    await expect(entry.getByRole('link', { name: oldTitle })).toHaveAttribute(
      'href',
      `/admin/collections/articles/${article.id}`,
    )

    // The row is back: the figure resolves again, and the dashboard no longer lists it.
    const restored = await request.patch(`/api/salary-tables/${table.id}`, {
      headers,
      data: { rows: ROWS, _status: 'published' },
    })
    expect(restored.status(), await restored.text()).toBe(200)
    await page.reload()
    await expect(health.getByRole('heading', { name: /^Broken figures \(\d+\)$/ })).toBeVisible()
    await expect(health.getByRole('link', { name: oldTitle })).toHaveCount(0)

    const newTitle = `Site Engineer pay, level by level (${stamp})`
    await page.goto(`/admin/collections/articles/${article.id}`)
    const title = page.locator('#field-title')
    await expect(title).toBeVisible()
    await title.fill(newTitle)
    await publishFromForm(page, { contains: newTitle })

    await expect(async () => {
      const response = await request.get(`/blog/${article.slug}`)
      expect(response.status()).toBe(200)
      expect(await response.text()).toContain(newTitle)
    }).toPass({ timeout: 10_000 })

    // Every cached page that shows the article follows: its page, the home page and the index (it
    // is the newest there), its category, and the related-post card of the article that lists it.
    const reader = await page.context().browser()!.newPage()
    await reader.goto(`/blog/${article.slug}`)
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(newTitle)
    await expect(reader.locator('.article-body p').first()).toHaveText('Startups pay $145,000.')
    for (const path of ['/', '/blog', `/blog/category/${category.slug}`, `/blog/${listing.slug}`]) {
      await reader.goto(path)
      await expect(reader.getByRole('link', { name: newTitle }), path).toBeVisible()
      await expect(reader.getByRole('link', { name: oldTitle, exact: true }), path).toHaveCount(0)
    }
    await reader.close()
  } finally {
    for (const [collection, id] of made.reverse()) await deleteDoc(request, collection, id, headers)
  }
})
