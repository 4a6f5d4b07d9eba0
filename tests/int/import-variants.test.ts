/* eslint-disable @typescript-eslint/no-explicit-any -- responses are arbitrary JSON whose shape each test asserts */
import fs from 'node:fs'

import fc from 'fast-check'
import { marked } from 'marked'
import type { Payload, SanitizedConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article } from '@payload-types'
import { figureNodes, resolveFigures } from '@/figures/resolve'

import { createUser, seedDemo } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'
import { apiClient } from '../helpers/rest'

/**
 * The reference post as other publishers write it: salary columns in any order and other usual
 * headings, amounts typed differently, other labels, and HTML instead of Markdown. Every variant
 * must give the same salary table and the same live figures. FC_SEED=<n> replays a failure.
 */
const REFERENCE = fs.readFileSync(new URL('../fixtures/import/valenx-article.md', import.meta.url), 'utf8')
const SEED = Number(process.env.FC_SEED ?? 20_261_214)
const RUNS = Number(process.env.FC_RUNS ?? 25)

let payload: Payload
let config: SanitizedConfig
let api: ReturnType<typeof apiClient>
let editor: string

beforeAll(async () => {
  ;({ payload, config } = await bootPayload())
  await seedDemo(payload)
  api = apiClient(config)
  const user = await createUser(payload, 'editor')
  editor = await api.login(user.email, user.password)
})

afterAll(async () => {
  await shutdown(payload)
})

const ROWS = [
  ['AI Engineer', 'FAANG+ (L5-L7)', 210_000, 165_000, 35_000, 10_000, 'Levels.fyi (2023)'],
  ['AI Engineer', 'Unicorn Startups', 180_000, 140_000, 30_000, 10_000, 'Blind, Glassdoor'],
  ['AI Engineer', 'Non-Tech Enterprises', 150_000, 125_000, 15_000, 10_000, 'Payscale'],
  ['ML Engineer', 'FAANG+ (L5-L7)', 172_000, 140_000, 25_000, 7_000, 'Levels.fyi (2023)'],
  ['ML Engineer', 'Unicorn Startups', 155_000, 125_000, 22_000, 8_000, 'Blind'],
  ['ML Engineer', 'Non-Tech Enterprises', 130_000, 110_000, 12_000, 8_000, 'Payscale'],
] as const
const WORDINGS = [
  ['Role', 'Job title', 'Position', '**Role**'],
  ['Company Tier', 'Company type', 'Employer', 'Tier'],
  ['Total Compensation (Median, USD)', 'Total comp', 'TC (USD)', 'Total'],
  ['Base Salary', 'Base pay', 'Salary (base)', 'Base'],
  ['Equity/Year', 'Stock / yr', 'RSUs per year', 'Equity'],
  ['Bonus', 'Annual bonus', 'Cash bonus', 'Bonuses'],
  ['Data Source', 'Source', 'Sources', 'Source of data'],
]
const MONEY = [
  (value: number) => `$${value.toLocaleString('en-US')}`,
  (value: number) => String(value),
  (value: number) => `$${value / 1000}k`,
]

const variant = fc.record({
  order: fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6], { minLength: 7, maxLength: 7 }),
  wording: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 7, maxLength: 7 }),
  money: fc.integer({ min: 0, max: 2 }),
  roleOnEveryRow: fc.boolean(),
  insights: fc.constantFrom('**Key Insights:**', '**Key Takeaways:**', '**Insights**'),
  faqHeading: fc.constantFrom('## **6. FAQ**', '## Frequently Asked Questions'),
  format: fc.constantFrom('markdown', 'html', 'html-document'),
})

type Variant = typeof variant extends fc.Arbitrary<infer T> ? T : never

function salaryMarkdown(v: Variant): string {
  const cells = (row: readonly (string | number)[], index: number) =>
    v.order.map((column) => {
      const value = row[column]
      if (column === 0 && !v.roleOnEveryRow && index % 3 !== 0) return ''
      return typeof value === 'number' ? MONEY[v.money](value) : value
    })
  const lines = [
    v.order.map((column) => WORDINGS[column][v.wording[column]]),
    v.order.map(() => '---'),
    ...ROWS.map(cells),
  ]
  return lines.map((line) => `| ${line.join(' | ')} |`).join('\n')
}

function source(v: Variant): { format: 'markdown' | 'html'; source: string } {
  const start = REFERENCE.indexOf('| **Role**')
  const end = REFERENCE.indexOf('\n\n', start)
  const markdown = `${REFERENCE.slice(0, start)}${salaryMarkdown(v)}${REFERENCE.slice(end)}`
    .replace('**Key Insights:**', v.insights)
    .replace('## **6. FAQ**', v.faqHeading)
  if (v.format === 'markdown') return { format: 'markdown', source: markdown }
  const html = (marked.parse(markdown, { gfm: true, async: false }) as string)
    .replace(/<strong>/g, '<b>')
    .replace(/<\/strong>/g, '</b>')
  if (v.format === 'html') return { format: 'html', source: html }
  return {
    format: 'html',
    source: `<!doctype html><html><head><title>Blog</title><script>track()</script></head><body><nav><a href="/">Home</a></nav><article>${html}</article></body></html>`,
  }
}

const importPost = (body: unknown) => api.rest('POST', '/articles/import', { body, token: editor })

describe('variants of the reference post', () => {
  it('give the same salary table and the same live figures', async () => {
    await fc.assert(
      fc.asyncProperty(variant, async (v) => {
        const { status, body } = await importPost({ ...source(v), dryRun: true })
        expect(status, JSON.stringify(body.errors ?? body).slice(0, 600)).toBe(200)
        const { plan } = body
        expect(plan.tables.map((table: any) => [table.becomes, table.rows])).toEqual([
          ['salary-tables', 6],
          ['dataTable', 2],
          ['dataTable', 5],
        ])
        expect(plan.figures.map((figure: any) => figure.text)).toEqual([
          '$210,000',
          '$172,000',
          '22%',
          '3.5x',
          '22%',
          '180%',
        ])
        expect(plan.outline.filter((entry: any) => entry.kind === 'callout').map((entry: any) => entry.text)).toEqual([
          'Data Hook',
          'Key Insights',
          'Analysis',
          'Critical Delta',
        ])
        expect(plan.faqs).toHaveLength(3)
        expect(plan.article.title).toBe('AI Engineer vs ML Engineer: Roles, Salary, and Career Path')
        if (v.format === 'html-document') expect(plan.removed.join('\n')).toContain('<script> was removed')
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    )
  })

  it('in HTML, creates the same article as Markdown does, with figures that resolve', async () => {
    const html = marked.parse(REFERENCE, { gfm: true, async: false }) as string
    const { status, body } = await importPost({ format: 'html', source: html, dryRun: false })
    expect(status, JSON.stringify(body).slice(0, 600)).toBe(201)
    expect(body.figures).toBe(6)
    const article = (await payload.findByID({
      collection: 'articles',
      id: body.article.id,
      draft: true,
      depth: 2,
    })) as Article
    expect(resolveFigures(article.content).broken).toEqual([])
    expect(figureNodes(article.content).map((node) => node.display)).toEqual([
      '$210,000',
      '22%',
      '$172,000',
      '3.5x',
      '22%',
      '180%',
    ])
  })

  it('a table whose typed total disagrees is imported with the computed total and a warning', async () => {
    const wrong = REFERENCE.replace(
      '| $180,000                             | $140,000 ',
      '| $185,000                             | $140,000 ',
    )
    const { status, body } = await importPost({ format: 'markdown', source: wrong, dryRun: true })
    expect(status).toBe(200)
    expect(body.plan.warnings.join('\n')).toContain(
      'line 47: AI Engineer · Unicorn Startups: the post gives a total of $185,000, but base + equity + bonus is $180,000; the table shows $180,000',
    )
  })

  it('a number the tables cannot give stays text and is listed; an ambiguous one is a warning', async () => {
    const post = `# Bonuses\n\nEvery AI Engineer tier pays a $10,000 bonus, and the best-paid role earns $999,999.\n\n## Pay\n\n${salaryMarkdown({ order: [0, 1, 2, 3, 4, 5, 6], wording: [0, 0, 0, 0, 0, 0, 0], money: 0, roleOnEveryRow: true } as Variant)}\n`
    const { body } = await importPost({ format: 'markdown', source: post, dryRun: true })
    expect(body.plan.figures).toEqual([])
    expect(body.plan.unmatchedNumbers).toEqual([{ line: 3, text: '$999,999', why: 'matches no table cell' }])
    expect(body.plan.warnings.join('\n')).toMatch(
      /line 3: “\$10,000” matches 3 cells equally well: AI Engineer · FAANG\+ \(L5-L7\) bonus/,
    )
  })
})
