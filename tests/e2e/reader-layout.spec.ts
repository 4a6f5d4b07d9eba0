import AxeBuilder from '@axe-core/playwright'
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'

import { block, paragraph, richText } from '../../src/seed/lexical'
import { adminAuth, findOne, previewLinkAsAdmin } from './api'

/**
 * What a reader sees on a phone (360 px) and a laptop (1280 px): tables whose key column is in view
 * without scrolling sideways and that never outgrow their box, a chart whose text stays legible, a
 * search that marks what it found, related posts without a lone card, a favicon, pages that send no
 * script, and no console error anywhere, the sitemap included. Each journey creates what it edits;
 * the seed article is only read.
 */

const SEED_ARTICLE = '/blog/ai-engineer-vs-ml-engineer'
const WIDTHS = [360, 1280] as const

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze()
  expect(
    results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`),
  ).toEqual([])
}

type Created = { collection: string; id: string }

async function create(
  request: APIRequestContext,
  collection: string,
  data: Record<string, unknown>,
  created: Created[],
) {
  const response = await request.post(`/api/${collection}`, { headers: await adminAuth(request), data })
  expect(response.status(), `${collection}: ${await response.text()}`).toBe(201)
  const { doc } = (await response.json()) as { doc: { id: string; slug?: string } }
  created.unshift({ collection, id: doc.id })
  return doc
}

async function removeAll(request: APIRequestContext, created: Created[]) {
  const headers = await adminAuth(request)
  for (const { collection, id } of created.splice(0)) await request.delete(`/api/${collection}/${id}`, { headers })
}

/** Every table's width against its box, and the page's own sideways overflow. */
async function tableFit(page: Page) {
  return page.evaluate(() => ({
    pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
    tables: [...document.querySelectorAll('figure.data-figure')].map((figure) => {
      const box = figure.querySelector('.table-scroll') as HTMLElement
      const table = figure.querySelector('table') as HTMLElement
      return {
        caption: table.querySelector('caption')?.textContent?.trim().slice(0, 40),
        table: Math.round(table.getBoundingClientRect().width),
        box: box.clientWidth,
        scrolls: box.scrollWidth > box.clientWidth + 1,
      }
    }),
  }))
}

/** Salary rows whose total is not fully in the window (left to right) and inside its table's box. */
async function totalsOutOfView(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('table.salary-table tbody tr')].flatMap((row) => {
      const total = row.querySelector('td.total') as HTMLElement
      const box = (row.closest('.table-scroll') as HTMLElement).getBoundingClientRect()
      const rect = total.getBoundingClientRect()
      const visible =
        rect.width > 0 &&
        rect.left >= Math.max(0, box.left) - 1 &&
        rect.right <= Math.min(window.innerWidth, box.right) + 1
      return visible ? [] : [`${row.textContent?.slice(0, 40)}: ${Math.round(rect.left)}–${Math.round(rect.right)}`]
    }),
  )
}

/** Each chart text's size on screen: its CSS size times whatever scale the SVG applies. */
async function chartTextSizes(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('svg.salary-chart text')].map((text) => {
      const element = text as SVGTextElement
      const scale = element.getScreenCTM()?.a ?? 1
      return {
        text: element.textContent,
        px: Math.round(parseFloat(getComputedStyle(element).fontSize) * scale * 10) / 10,
        shown: getComputedStyle(element).display !== 'none',
      }
    }),
  )
}

for (const width of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } })

    test(`the seed article's tables fit their boxes and the salary totals are in view (${width} px)`, async ({
      page,
    }, testInfo) => {
      await page.goto(SEED_ARTICLE)
      const fit = await tableFit(page)
      expect(fit.pageOverflow, 'the page scrolls sideways').toBeLessThanOrEqual(0)
      expect(fit.tables).toHaveLength(3)
      for (const table of fit.tables) {
        expect(table.scrolls, `${table.caption}: ${table.table} px in a ${table.box} px box`).toBe(false)
        expect(table.table, `${table.caption}`).toBeLessThanOrEqual(table.box + 1)
      }
      expect(await totalsOutOfView(page)).toEqual([])

      const salary = page.locator('table.salary-table').first()
      // Still a real table: caption, column and row headers, whatever the layout.
      await expect(salary.locator('caption')).toContainText('Salary benchmarks')
      await expect(salary.locator('th[scope="col"]')).toHaveCount(7)
      await expect(salary.locator('th[scope="row"]')).toHaveCount(6)
      await expect(salary.getByRole('rowheader', { name: 'FAANG+ (L5-L7)' }).first()).toBeVisible()
      const firstRow = salary.locator('tbody tr').first()
      await expect(firstRow.locator('td.total')).toContainText('$210,000')
      if (width === 360) {
        // A card per role: the tier and its total on one line, the breakdown under them.
        const tier = await firstRow.locator('th.row-sub').boundingBox()
        const total = await firstRow.locator('td.total').boundingBox()
        const base = await firstRow.locator('td.part-base').boundingBox()
        expect(Math.abs((tier?.y ?? 0) + (tier?.height ?? 0) - ((total?.y ?? 0) + (total?.height ?? 0)))).toBeLessThan(
          4,
        )
        expect(base?.y ?? 0).toBeGreaterThan(total?.y ?? 0)
        await expect(firstRow.locator('td.part-base .cell-label')).toBeVisible()
      } else {
        await expect(firstRow.locator('.cell-label').first()).toBeHidden()
      }
      // Each source once: "Blind, Glassdoor" and "Blind" credit Blind once.
      const sources = await page.locator('figure[data-salary-table] .table-source').first().textContent()
      expect(sources).toContain('Sources: Levels.fyi (2023), Blind, Glassdoor, Payscale.')
      expect(sources?.match(/Blind/g)).toHaveLength(1)

      await expectNoAxeViolations(page)
      const path = testInfo.outputPath(`article-${width}.png`)
      await page.screenshot({ path, fullPage: true })
      await testInfo.attach(`article-${width}px`, { path, contentType: 'image/png' })
    })

    test(`the chart's text is at least 12 px, with an axis and a total at each bar (${width} px)`, async ({ page }) => {
      await page.goto(SEED_ARTICLE)
      const chart = page.locator('svg.salary-chart').first()
      await expect(chart).toBeVisible()
      const sizes = await chartTextSizes(page)
      expect(sizes.length).toBeGreaterThan(10)
      expect(sizes.filter((size) => size.px < 12)).toEqual([])
      // Direct labels (each row's total at the end of its bar) and a money axis with at least two ticks.
      await expect(chart.locator('.chart-total')).toHaveCount(6)
      await expect(chart.locator('.chart-total').first()).toHaveText('$210,000')
      expect(sizes.filter((size) => size.shown && /^\$\d+K?$/.test(size.text ?? '')).length).toBeGreaterThanOrEqual(2)
      const fits = await chart.evaluate((svg) => {
        const box = (svg.parentElement as HTMLElement).getBoundingClientRect()
        // Tick labels that give way in a narrow box are not drawn (no size).
        const drawn = [...svg.querySelectorAll('text, rect')]
          .map((element) => element.getBoundingClientRect())
          .filter((rect) => rect.width > 0)
        return drawn.every((rect) => rect.left >= box.left - 1 && rect.right <= box.right + 1)
      })
      expect(fits, 'every label and bar inside the chart’s box').toBe(true)
    })

    test(`related posts leave no card alone in a row (${width} px)`, async ({ page }) => {
      await page.goto(SEED_ARTICLE)
      const cards = page.locator('.related .card')
      await expect(cards).toHaveCount(3)
      const boxes = await cards.evaluateAll((elements) =>
        elements.map((element) => {
          const rect = element.getBoundingClientRect()
          return { top: Math.round(rect.top), width: Math.round(rect.width) }
        }),
      )
      const rows = new Map<number, number>()
      for (const box of boxes) rows.set(box.top, (rows.get(box.top) ?? 0) + 1)
      // Three in a row on a laptop, one per row on a phone: every row as full as the first.
      expect([...rows.values()]).toEqual(width === 1280 ? [3] : [1, 1, 1])
    })
  })
}

test('an article of its own: a wide data table, a long salary table, sources named once, the card titled as its article', async ({
  page,
  request,
}, testInfo) => {
  const created: Created[] = []
  const stamp = `${Date.now()}${Math.random().toString(36).slice(2, 6)}`
  try {
    const category = await findOne(request, 'categories', 'slug', 'comparisons')
    const target = await create(
      request,
      'articles',
      {
        title: `Layout target ${stamp}: what the card must say`,
        excerpt: 'The article a recommended-reading card points at.',
        category: category.id,
        content: richText(paragraph('Target body.')),
        _status: 'published',
      },
      created,
    )
    const table = await create(
      request,
      'salary-tables',
      {
        title: `Layout table ${stamp}`,
        currency: 'USD',
        asOf: '2026-06-01',
        rows: [
          {
            role: 'Principal Applied Machine Learning Engineer',
            tier: 'FAANG+ (L5-L7)',
            base: 165_000,
            equity: 35_000,
            bonus: 10_000,
            source: 'Blind, Glassdoor',
          },
          {
            role: 'Principal Applied Machine Learning Engineer',
            tier: 'Unicorn Startups',
            base: 140_000,
            equity: 25_000,
            bonus: 5_000,
            source: 'Blind',
          },
          {
            role: 'Principal Applied Machine Learning Engineer',
            tier: 'Non-Tech Enterprises',
            base: 120_000,
            equity: 5_000,
            bonus: 12_000,
            source: 'Payscale; Blind',
          },
        ],
        _status: 'published',
      },
      created,
    )
    const slug = `layout-check-${stamp}`
    await create(
      request,
      'articles',
      {
        title: `Layout check ${stamp}`,
        slug,
        excerpt: 'Tables, a chart and a card, as a phone and a laptop show them.',
        category: category.id,
        content: richText(
          paragraph('Lead paragraph.'),
          block('salaryTable', { table: table.id, showChart: true }),
          block('dataTable', {
            caption: `Wide demand table ${stamp}`,
            columns: [
              { label: 'Role', type: 'text' },
              { label: 'Job postings in the second quarter of 2024', type: 'number', source: 'LinkedIn Jobs' },
              {
                label: 'Year-over-year growth of postings',
                type: 'percent',
                signed: true,
                source: 'Indeed Hiring Lab',
              },
              { label: 'Share of postings offering remote work', type: 'percent', source: 'FlexJobs' },
              { label: 'Companies hiring the most for the role', type: 'text', source: 'Levels.fyi' },
              { label: 'Where the hiring is concentrated', type: 'text', source: 'LinkedIn Jobs, Indeed Hiring Lab' },
            ],
            rows: [
              {
                cells: [
                  { value: 'AI Engineer' },
                  { value: '12500' },
                  { value: '180' },
                  { value: '38' },
                  { value: 'Google DeepMind, Meta AI, Scale AI, OpenAI, Anthropic' },
                  { value: 'San Francisco Bay Area, New York, London, Zurich' },
                ],
              },
              {
                cells: [
                  { value: 'ML Engineer' },
                  { value: '44000' },
                  { value: '40' },
                  { value: '52' },
                  { value: 'Amazon, Walmart, Stripe, Capital One' },
                  { value: 'Seattle, Austin, Chicago, remote across the United States' },
                ],
              },
            ],
            currency: 'USD',
          }),
          block('recommendedReading', {
            label: 'Recommended Reading',
            linkType: 'internal',
            article: target.id,
            // Typed once as a copy of the title: the card shows the article's own title instead.
            title: 'An old copy of the title',
          }),
        ),
        _status: 'published',
      },
      created,
    )

    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 })
      await page.goto(`/blog/${slug}`)
      const fit = await tableFit(page)
      expect(fit.pageOverflow, `${width}: the page scrolls sideways`).toBeLessThanOrEqual(0)
      expect(fit.tables).toHaveLength(2)
      for (const entry of fit.tables)
        expect(entry.scrolls, `${width}: ${entry.caption}: ${entry.table} px in a ${entry.box} px box`).toBe(false)
      expect(await totalsOutOfView(page), `${width}`).toEqual([])
      expect(
        (await chartTextSizes(page)).filter((size) => size.px < 12),
        `${width}`,
      ).toEqual([])
      if (width === 360) {
        // The data table's rows are cards: each value beside its column's name.
        const cell = page.locator('table.stacks tbody tr').first().locator('td').nth(3)
        await expect(cell.locator('.cell-label')).toBeVisible()
        await expect(cell.locator('.cell-label')).toContainText('Companies hiring the most')
        await expect(cell).toContainText('Google DeepMind')
      }
      const path = testInfo.outputPath(`own-article-${width}.png`)
      await page.screenshot({ path, fullPage: true })
      await testInfo.attach(`own-article-${width}px`, { path, contentType: 'image/png' })
    }
    const salarySources = await page.locator('figure[data-salary-table] .table-source').textContent()
    expect(salarySources).toContain('Sources: Blind, Glassdoor, Payscale.')
    await expect(page.locator('figure:has(table.stacks) .table-source')).toHaveText(
      'Sources: LinkedIn Jobs, Indeed Hiring Lab, FlexJobs, Levels.fyi.',
    )
    const card = page.getByRole('complementary', { name: 'Recommended Reading' })
    await expect(card.getByRole('link')).toHaveText(`Layout target ${stamp}: what the card must say →`)
    await expect(card).not.toContainText('An old copy of the title')
    await expectNoAxeViolations(page)
  } finally {
    await removeAll(request, created)
  }
})

test('search marks the words it found, in the title and in a snippet of the body, and says how many', async ({
  page,
  request,
}) => {
  const created: Created[] = []
  const word = `Zephyrquill${Date.now().toString(36)}`
  try {
    const category = await findOne(request, 'categories', 'slug', 'skills')
    const filler = 'Engineers compare notes on pipelines, evaluation and the cost of serving models. '.repeat(6)
    await create(
      request,
      'articles',
      {
        title: `Tools of the ${word} trade`,
        excerpt: 'A look at the tools that teams reach for first.',
        category: category.id,
        content: richText(paragraph(filler), paragraph(`Only the body says that ${word} tooling halves review time.`)),
        _status: 'published',
      },
      created,
    )
    await create(
      request,
      'articles',
      {
        title: 'A second article on evaluation',
        excerpt: 'Where the word hides in the body alone.',
        category: category.id,
        content: richText(paragraph(filler), paragraph(`Deep in this body the word ${word} appears once, late.`)),
        _status: 'published',
      },
      created,
    )

    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 })
      await page.goto(`/search?q=${word.toLowerCase()}`)
      await expect(page.getByRole('heading', { level: 2, name: '2 articles match' })).toBeVisible()
      const results = page.locator('.search-result')
      await expect(results).toHaveCount(2)
      // The title match first, its word marked; the body-only match with the passage that holds the word.
      await expect(results.first().locator('h3 mark')).toHaveText(word)
      const snippet = results.nth(1).locator('.search-snippet')
      await expect(snippet).toContainText(`Deep in this body the word ${word} appears once`)
      await expect(snippet.locator('mark')).toHaveText(word)
      expect(await snippet.textContent()).toMatch(/^…/)
      // Styled like the site: the field and its button side by side, at a touch size.
      const field = await page.getByRole('searchbox', { name: 'Search articles' }).boundingBox()
      const button = await page.getByRole('button', { name: 'Search' }).boundingBox()
      expect(Math.abs((field?.y ?? 0) - (button?.y ?? 0))).toBeLessThan(2)
      expect(field?.height ?? 0).toBeGreaterThanOrEqual(44)
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
    }
    await expectNoAxeViolations(page)
    await page.goto(`/search?q=${word}+nowhere`)
    await expect(page.getByRole('status')).toContainText(`No articles match “${word} nowhere”.`)
  } finally {
    await removeAll(request, created)
  }
})

test('the favicon loads, and reader pages send no script while an editor’s preview keeps it', async ({
  page,
  request,
  browser,
}) => {
  const favicon = await request.get('/favicon.ico')
  expect(favicon.status()).toBe(200)
  expect(favicon.headers()['content-type']).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/)
  expect((await favicon.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]))

  const scripts: string[] = []
  page.on('request', (sent) => {
    if (sent.resourceType() === 'script') scripts.push(sent.url())
  })
  for (const path of [SEED_ARTICLE, '/blog', '/', '/search?q=engineer']) {
    const response = await page.goto(path)
    expect(response?.headers()['content-security-policy'], path).toContain("script-src 'none'")
    // JSON-LD stays: it is data for search engines, not a script.
    expect(await page.locator('script:not([type="application/ld+json"])').count(), path).toBe(0)
  }
  await page.goto(SEED_ARTICLE)
  expect(await page.locator('script[type="application/ld+json"]').count()).toBeGreaterThan(0)
  expect(scripts).toEqual([])

  // An editor's preview keeps Next's runtime: its live preview refreshes the page on each save.
  const category = await findOne(request, 'categories', 'slug', 'comparisons')
  const draft = await request.post('/api/articles?draft=true', {
    headers: await adminAuth(request),
    data: {
      title: `Preview keeps its scripts ${Date.now()}`,
      excerpt: 'A draft.',
      category: category.id,
      content: richText(paragraph('Draft body.')),
      _status: 'draft',
    },
  })
  expect(draft.status()).toBe(201)
  const { doc } = (await draft.json()) as { doc: { id: string } }
  try {
    const editor = await browser.newPage()
    const href = await previewLinkAsAdmin(editor, doc.id)
    await editor.goto(href)
    await expect(editor.getByRole('status')).toContainText('Preview of the latest draft')
    expect(await editor.locator('script[src*="/_next/"]').count()).toBeGreaterThan(0)
    await editor.close()
  } finally {
    await request.delete(`/api/articles/${doc.id}`, { headers: await adminAuth(request) })
  }
})

test('the sitemap index dates every file, and reads in the browser under the CSP', async ({ page, request }) => {
  // Read again when another journey's edit lands between the index and its file (both then move).
  await expect(async () => {
    const index = await (await request.get('/sitemap.xml')).text()
    const files = [...index.matchAll(/<sitemap><loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?<\/sitemap>/g)]
    expect(files.length).toBeGreaterThanOrEqual(2)
    for (const [, loc, lastmod] of files) {
      expect(lastmod, loc).toMatch(/^\d{4}-\d\d-\d\dT/)
      if (/articles-\d+\.xml$/.test(loc)) {
        // The file's date is the newest of the dates it lists.
        const file = await (await request.get(new URL(loc).pathname)).text()
        const dates = [...file.matchAll(/<lastmod>([^<]+)<\/lastmod>/g)].map((match) => match[1]).sort()
        expect(lastmod, loc).toBe(dates.at(-1))
      }
    }
  }).toPass({ timeout: 15_000 })
  // Chromium's own XML viewer draws the tree: its inline stylesheet applied, so the raw copy of the
  // file it keeps is hidden (under the reader CSP it showed, one run of unstyled text).
  await page.goto('/sitemap.xml')
  await expect(page.getByText('This XML file does not appear to have any style information')).toBeVisible()
  const rawCopy = await page.evaluate(() => {
    const source = document.getElementById('webkit-xml-viewer-source-xml')
    return source ? getComputedStyle(source).display : 'absent'
  })
  expect(rawCopy).toBe('none')
})

test('no reader page logs a console error or fails a request, at 360 and at 1280 px', async ({ browser }) => {
  const paths = [
    '/',
    '/blog',
    '/blog/category/comparisons',
    SEED_ARTICLE,
    '/blog/ml-engineer-career-path',
    '/search',
    '/search?q=engineer',
    '/search?q=zzqx-nothing',
    '/sitemap.xml',
    '/sitemaps/pages.xml',
    '/sitemaps/articles-1.xml',
    '/feed.xml',
  ]
  const problems: string[] = []
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: 800 } })
    const page = await context.newPage()
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`${width} ${page.url()}: ${message.type()}: ${message.text()}`)
    })
    page.on('pageerror', (error) => problems.push(`${width} ${page.url()}: ${error.message}`))
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${width} ${response.url()}: HTTP ${response.status()}`)
    })
    for (const path of paths) {
      const response = await page.goto(path)
      expect(response?.status(), path).toBe(200)
      await page.waitForLoadState('networkidle')
    }
    await context.close()
  }
  expect(problems).toEqual([])
})
