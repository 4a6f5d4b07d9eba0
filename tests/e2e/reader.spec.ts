import { expect, test } from '@playwright/test'

const ARTICLE = '/blog/ai-engineer-vs-ml-engineer'

test('a reader opens the seed article from the home page and reads its tables and FAQ', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('link', { name: 'AI Engineer vs ML Engineer: Roles, Salary, and Career Path' }).first().click()
  await expect(page).toHaveURL(ARTICLE)

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('AI Engineer vs ML Engineer: Roles, Salary, and Career Path')
  await expect(page.getByText(/Valenx Press · Comparisons · \d+ min read/)).toBeVisible()
  await expect(page.getByText(/^Updated \w+ \d{4}$/)).toBeVisible()

  const tables = page.locator('table')
  await expect(tables).toHaveCount(3)
  const salary = tables.first()
  await expect(salary.locator('caption')).toContainText('Salary benchmarks')
  const faangAi = salary.getByRole('row').filter({ hasText: 'FAANG+' }).first()
  await expect(faangAi).toContainText('$210,000')
  await expect(faangAi).toContainText('$165,000')
  await expect(page.getByText(/Levels\.fyi \(2023\)/).first()).toBeVisible()
  await expect(tables.nth(1)).toContainText('44,000')
  await expect(tables.nth(2)).toContainText('PyTorch')

  await expect(page.getByRole('heading', { name: /Q1: Can an ML Engineer transition/ })).toBeVisible()
  await expect(page.getByRole('heading', { name: /Q3: Is a PhD required/ })).toBeVisible()
  await expect(page.getByText('Data Point:')).toBeVisible()
  await expect(page.getByRole('link', { name: /0→1 AI Engineer Playbook/ })).toBeVisible()
  await expect(page.getByRole('link', { name: '← Back to Blog' })).toHaveAttribute('href', '/blog')
  await expect(page.getByRole('heading', { name: 'Related Posts' })).toBeVisible()
})

test('an unknown article gives the 404 page with status 404', async ({ page }) => {
  const response = await page.goto('/blog/no-such-article')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
})
