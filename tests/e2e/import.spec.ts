import path from 'node:path'

import { expect, test, type Page } from '@playwright/test'

import { adminToken, createUser, deleteDoc, loginToAdmin } from './api'

/**
 * A new publisher's first hour: an editor imports the reference post in the admin ("Import a
 * post"), reviews the plan, creates the draft, publishes it, reads the page, then corrects the
 * salary table and sees the sentences that cite it follow. The journey removes what it created,
 * so no later journey finds two articles of the same title.
 */
const FIXTURE = path.resolve('tests/fixtures/import/valenx-article.md')
const SLUG = 'ai-engineer-vs-ml-engineer-roles-salary-and-career-path'
const SHOTS = 'test-results/screenshots'

async function shoot(page: Page, name: string) {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: width === 1280 ? 900 : 780 })
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true })
  }
  await page.setViewportSize({ width: 1280, height: 900 })
}

test('an editor imports the reference post, publishes it, and its figures follow the table', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000)
  const headers = { Authorization: `JWT ${await adminToken(request)}` }
  let articleId: string | undefined
  let tableId: string | undefined
  try {
    await loginToAdmin(page, await createUser(request, 'editor', 'Importing Editor'))
    await page.goto('/admin/collections/articles')
    await expect(page.getByRole('link', { name: 'Import a post' })).toBeVisible()
    await page.goto('/admin')
    await page.getByRole('link', { name: 'Import a post' }).click()
    await expect(page).toHaveURL(/\/admin\/import$/)
    await expect(page.getByRole('heading', { name: 'Import a post', level: 1 })).toBeVisible()

    await page.getByLabel('File (.md or .html)').setInputFiles(FIXTURE)
    await expect(page.getByLabel('The post')).toHaveValue(/# AI Engineer vs ML Engineer/)
    await expect(page.getByRole('button', { name: 'Create the draft' })).toBeDisabled()
    await page.getByRole('button', { name: 'Show what will be created' }).click()

    const figures = page.getByRole('region', { name: 'Live figures' })
    await expect(figures).toContainText('$210,000 → AI Engineer · FAANG+ (L5-L7) total')
    await expect(figures).toContainText(
      '3.5x → ratio of ML Engineer · Job Postings (Q2 2024) to AI Engineer · Job Postings (Q2 2024)',
    )
    await expect(page.getByRole('region', { name: 'Tables' })).toContainText(
      '“Salary Benchmarks: Compensation Data” becomes a salary table (6 rows, 2023-2024, USD',
    )
    await expect(page.getByRole('region', { name: 'FAQs' })).toContainText(
      'Can an ML Engineer transition to an AI Engineer? — reuses the existing FAQ',
    )
    await expect(page.getByRole('region', { name: 'Warnings' })).toContainText(
      'line 9: “$210,000” and “22% higher” were typed as bold runs',
    )
    await expect(page.getByRole('region', { name: 'Dropped blog-engine lines' })).toContainText('a “Back to Blog” link')
    await shoot(page, 'import-plan')
    // Nothing exists yet.
    expect(
      (await (await request.get(`/api/articles?where[slug][equals]=${SLUG}&draft=true`, { headers })).json()).totalDocs,
    ).toBe(0)

    await page.getByRole('button', { name: 'Create the draft' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Draft created' })).toContainText(
      'Draft created. 6 live figures, 1 salary table, 3 FAQs (3 reused).',
    )
    await page.getByRole('link', { name: 'Open the draft' }).click()
    await expect(page).toHaveURL(/\/admin\/collections\/articles\/[0-9a-f-]+/)
    articleId = page.url().split('/').pop()
    const draft = await (await request.get(`/api/articles/${articleId}?draft=true&depth=0`, { headers })).json()
    expect(draft._status).toBe('draft')
    tableId = draft.salaryTables[0]
    // Publish, once: the form may answer after its own toast is gone, and the button is then
    // disabled; what counts is that readers can now get the article.
    await expect(async () => {
      if ((await request.get(`/api/articles/${articleId}?depth=0`)).status() === 200) return
      const publish = page.getByRole('button', { name: /^Publish( changes)?$/ })
      if (await publish.isEnabled()) await publish.click({ timeout: 5_000 })
      throw new Error('the article is not published yet')
    }).toPass({ timeout: 40_000 })

    const reader = await page.context().browser()!.newPage()
    await reader.goto(`/blog/${SLUG}`)
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(
      'AI Engineer vs ML Engineer: Roles, Salary, and Career Path',
    )
    const lead = reader.locator('.callout--data-hook')
    await expect(lead).toContainText('Data Hook')
    await expect(lead).toContainText('$210,000 — 22% higher than that of a Machine Learning (ML) Engineer ($172,000)')
    await expect(lead).toContainText('outnumber AI Engineers 3.5x on LinkedIn')
    const salary = reader.locator('table').first()
    await expect(salary.locator('tbody tr')).toHaveCount(6)
    await expect(salary).toContainText('$210,000')
    await expect(reader.locator('table')).toHaveCount(3)
    await expect(reader.getByRole('table', { name: 'Demand Trends: Job Market Dynamics' })).toContainText('44,000')
    await expect(reader.getByRole('table', { name: 'Skills Gap: What Employers Value' })).toContainText(
      'Python, C++, Go',
    )
    for (const label of ['Key Insights', 'Analysis', 'Critical Delta'])
      await expect(reader.locator('.callout', { hasText: label })).toHaveCount(1)
    await expect(reader.getByText('Is a PhD required for either role?')).toBeVisible()
    await expect(reader.getByRole('complementary', { name: 'Recommended Reading' }).getByRole('link')).toHaveAttribute(
      'href',
      '/blog/ai-engineer-playbook',
    )
    // The blog engine's own lines stayed behind: the page has its meta line and footer, once.
    await expect(reader.getByText(/Valenx Press · Comparisons · \d+ min read/)).toHaveCount(1)
    await expect(reader.locator('.article-body')).not.toContainText(
      /Back to Blog|Related Posts|View All Posts|Updated June 2026/,
    )
    await shoot(reader, 'import-article')

    // The editor corrects the table (AI Engineer · FAANG+ base 165,000 → 175,000); the lead follows.
    const table = await (await request.get(`/api/salary-tables/${tableId}?depth=0`, { headers })).json()
    const rows = table.rows.map((row: { role: string; tier: string; base: number }) =>
      row.role === 'AI Engineer' && row.tier.startsWith('FAANG+') ? { ...row, base: 175_000 } : row,
    )
    const saved = await request.patch(`/api/salary-tables/${tableId}`, {
      headers,
      data: { rows, _status: 'published' },
    })
    expect(saved.status(), await saved.text()).toBe(200)
    await expect(async () => {
      await reader.reload()
      await expect(reader.locator('.callout--data-hook')).toContainText('$220,000 — 28% higher', { timeout: 2_000 })
    }).toPass({ timeout: 30_000 })
    await expect(reader.locator('.callout', { hasText: 'Key Insights' })).toContainText('28% premium')
    await reader.close()
  } finally {
    if (articleId) await deleteDoc(request, 'articles', articleId)
    if (tableId) await deleteDoc(request, 'salary-tables', tableId)
  }
})
