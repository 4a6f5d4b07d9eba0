import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { tickStep, wrapLabel } from '@/blocks/SalaryTable/Chart'
import { bestPassage, highlight, queryWords } from '@/lib/highlight'
import { uniqueSources } from '@/lib/sources'
import { stripScripts, wantsPlainHtml } from '@/server/plainHtml.mjs'

/**
 * The pure parts of what readers read: source lines, search snippets and their marks, the chart's
 * axis and labels, and the plain-HTML rewrite of reader pages. The pages themselves are checked in
 * Chromium (tests/e2e/reader-layout.spec.ts).
 */

describe('source lines', () => {
  it('name each source once: "Blind, Glassdoor" and "Blind" credit Blind once', () => {
    const rows = ['Levels.fyi (2023)', 'Blind, Glassdoor', 'Payscale', 'Levels.fyi (2023)', 'Blind', 'Payscale']
    expect(uniqueSources(rows)).toEqual(['Levels.fyi (2023)', 'Blind', 'Glassdoor', 'Payscale'])
  })

  it('keep a year with its source, and a comma inside brackets', () => {
    expect(uniqueSources(['Levels.fyi', 'levels.fyi (2023)', 'Levels.fyi (2024, US)', ' x ;; y', null])).toEqual([
      'levels.fyi (2023)',
      'Levels.fyi (2024, US)',
      'x',
      'y',
    ])
  })

  it('never repeat a name, whatever the rows say', () => {
    const name = fc.constantFrom('Blind', 'blind', 'Glassdoor', 'Payscale', 'Levels.fyi (2023)', ' Indeed ')
    fc.assert(
      fc.property(fc.array(fc.array(name, { maxLength: 3 }).map((names) => names.join(', '))), (rows) => {
        const names = uniqueSources(rows).map((entry) => entry.toLowerCase())
        expect(new Set(names).size).toBe(names.length)
      }),
    )
  })
})

describe('search snippets', () => {
  it('mark every occurrence of every word, whatever its case, and lose no text', () => {
    const words = queryWords('ML engineer')
    const runs = highlight('Engineers and ML engineers: an ML-Engineer ladder', words)
    expect(runs.filter((run) => run.mark).map((run) => run.text)).toEqual([
      'Engineer',
      'ML',
      'engineer',
      'ML',
      'Engineer',
    ])
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 3 }), (text, list) => {
        const marked = highlight(text, queryWords(list.join(' ')))
        expect(marked.map((run) => run.text).join('')).toBe(text)
      }),
    )
  })

  it('treat the query as text, not as a pattern', () => {
    expect(highlight('a (b) c.*', ['(b)', '.*'])).toEqual([
      { text: 'a ' },
      { text: '(b)', mark: true },
      { text: ' c' },
      { text: '.*', mark: true },
    ])
  })

  it('cut the passage that holds the words, with ellipses where it was cut', () => {
    const body = `${'Filler words about pipelines. '.repeat(30)}Here the rare term quokka appears, and after it ${'more filler. '.repeat(30)}`
    const passage = bestPassage(body, ['quokka'])
    expect(passage).toMatch(/^….*quokka.*…$/)
    expect(passage.length).toBeLessThanOrEqual(240)
    // The window with both words wins over the first window with one.
    const two = `${'alpha only here. '.repeat(20)}${'x '.repeat(80)}alpha and beta together${' y'.repeat(80)}`
    expect(bestPassage(two, ['alpha', 'beta'])).toContain('alpha and beta together')
    expect(bestPassage('Short text.', ['x'])).toBe('Short text.')
  })
})

describe('the salary chart', () => {
  it('puts four or five round ticks on its axis', () => {
    expect(tickStep(210_000)).toBe(50_000)
    expect(tickStep(9_000)).toBe(2_000)
    expect(tickStep(1_000_000)).toBe(200_000)
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), (max) => {
        const intervals = Math.ceil(max / tickStep(max))
        expect(intervals).toBeGreaterThanOrEqual(2)
        expect(intervals).toBeLessThanOrEqual(5)
      }),
    )
  })

  it('breaks a long row name into lines that fit a phone', () => {
    expect(wrapLabel('AI Engineer · Non-Tech Enterprises')).toEqual(['AI Engineer · Non-Tech Enterprises'])
    const lines = wrapLabel('Principal Applied Machine Learning Engineer · FAANG+ (L5-L7)')
    expect(lines.join(' ')).toBe('Principal Applied Machine Learning Engineer · FAANG+ (L5-L7)')
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(34)
  })
})

describe('reader pages as plain HTML', () => {
  const page = (body: string) =>
    '<!DOCTYPE html><html><head><link rel="stylesheet" href="/a.css"/>' +
    '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/a.js"/>' +
    '<script src="/_next/static/chunks/b.js" async=""></script><link rel="icon" href="/icon.svg"/></head>' +
    `<body>${body}<script>(self.__next_f=self.__next_f||[]).push([0])</script>` +
    '<script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])</script></body></html>'

  it('drop Next’s scripts and script preloads, and keep stylesheets, icons and JSON-LD', () => {
    const jsonLd = '<script type="application/ld+json">{"@type":"Article","headline":"a \\u003c/script>"}</script>'
    const plain = stripScripts(page(`<main id="main"><h1>Title</h1>${jsonLd}</main>`)) as string
    expect(plain).not.toMatch(/<script(?![^>]*ld\+json)/)
    expect(plain).not.toContain('as="script"')
    expect(plain).toContain(jsonLd)
    expect(plain).toContain('<link rel="stylesheet" href="/a.css"/>')
    expect(plain).toContain('<link rel="icon" href="/icon.svg"/>')
    expect(plain).toContain('<main id="main"><h1>Title</h1>')
  })

  it('leave a page the reader layout did not render whole, or that asks for its scripts, as it is', () => {
    const main = (inside: string) => page(`<main id="main">${inside}</main>`)
    expect(stripScripts(main('<template id="B:0"></template><div hidden id="S:0">late</div>'))).toBeNull()
    expect(stripScripts(main('<div data-keeps-scripts hidden></div>'))).toBeNull()
    // Next's error shell: an empty body that its client code fills (a notFound() thrown while rendering).
    expect(
      stripScripts(page('<div hidden=""><!--$--><!--/$--></div>').replace('<html>', '<html id="__next_error__">')),
    ).toBeNull()
    expect(stripScripts(page('<div>Some other layout</div>'))).toBeNull()
  })

  it('apply to readers’ page requests only: not the admin, the API, RSC requests or draft mode', () => {
    const request = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
      ({ url, method, headers }) as unknown as Parameters<typeof wantsPlainHtml>[0]
    expect(wantsPlainHtml(request('/blog/x'))).toBe(true)
    expect(wantsPlainHtml(request('/blog/x', { cookie: 'payload-token=abc' }))).toBe(true)
    expect(wantsPlainHtml(request('/admin/collections/articles'))).toBe(false)
    expect(wantsPlainHtml(request('/api/articles'))).toBe(false)
    expect(wantsPlainHtml(request('/_next/static/chunks/a.js'))).toBe(false)
    expect(wantsPlainHtml(request('/next/preview?path=/blog/x'))).toBe(false)
    expect(wantsPlainHtml(request('/blog/x', { rsc: '1' }))).toBe(false)
    expect(wantsPlainHtml(request('/blog/x?_rsc=abc'))).toBe(false)
    expect(wantsPlainHtml(request('/blog/x', { cookie: 'a=1; __prerender_bypass=xyz' }))).toBe(false)
    expect(wantsPlainHtml(request('/blog/x', {}, 'POST'))).toBe(false)
  })
})
