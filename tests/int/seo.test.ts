import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, SalaryTable } from '@payload-types'
import { readPublishedArticleEntries, readSitemapEntries, readSitemapOverview } from '@/data/feeds'
import { readSitemapFileDates } from '@/data/sitemapFiles'
import { MAX_RESULTS, searchArticles, searchResults } from '@/data/search'
import { contentModifiedAt } from '@/lib/articleDates'
import { cachedSearchCount } from '@/cache/searchCache'
import { serverUrl } from '@/config/env'
import { blocksOf, relationId, type LexicalRoot } from '@/lib/lexical'
import { paragraph, richText } from '@/seed/lexical'
import { articlePageJsonLd, serializeJsonLd, temporalCoverage, type JsonLdObject } from '@/seo/jsonLd'

import { readSeedArticle, SEED_SLUG } from '../helpers/fixtures'
import { bootDemo } from '../helpers/demo'
import { shutdown } from '../helpers/payload'
import { apiClient } from '../helpers/rest'

const SEED_TITLE = 'AI Engineer vs ML Engineer: Roles, Salary, and Career Path'

let payload: Payload
let api: ReturnType<typeof apiClient>
let adminToken: string

beforeAll(async () => {
  ;({ payload, api, adminToken } = await bootDemo())
})

afterAll(async () => {
  await shutdown(payload)
})

async function authorNamesOf(article: Article): Promise<string[]> {
  const ids = (article.authors ?? []).map(relationId).filter(Boolean) as string[]
  const { docs } = await payload.find({
    collection: 'users',
    where: { id: { in: ids } },
    overrideAccess: true,
    depth: 0,
  })
  return docs.map((user) => user.name)
}

const byType = (items: JsonLdObject[], type: string) => items.filter((item) => item['@type'] === type)

describe('JSON-LD of the article page', () => {
  it('describes the seed article as Article, FAQPage, Dataset and BreadcrumbList', async () => {
    const article = await readSeedArticle(payload)
    const authorNames = await authorNamesOf(article)
    expect(authorNames).toEqual(['Valenx Admin'])
    const items = articlePageJsonLd(article, { authorNames })
    const occupations = byType(items, 'Occupation')
    expect(items.map((item) => item['@type'])).toEqual([
      'Article',
      'FAQPage',
      'Dataset',
      ...occupations.map(() => 'Occupation'),
      'BreadcrumbList',
    ])
    for (const item of items) expect(item['@context']).toBe('https://schema.org')
    const articleUrl = `${serverUrl()}/blog/${SEED_SLUG}`

    const [ld] = byType(items, 'Article')
    expect(ld.headline).toBe(SEED_TITLE)
    expect(ld.description).toBe(article.meta?.description || article.excerpt)
    expect(ld.datePublished).toBe(article.publishedAt)
    expect(ld.dateModified).toBe(contentModifiedAt(article))
    expect(ld.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': articleUrl })
    expect(ld.author).toEqual([{ '@type': 'Person', name: 'Valenx Admin' }])
    expect(ld.publisher).toMatchObject({ '@type': 'Organization', name: 'Valenx Press' })
    // The seed article has no image: no image property rather than an empty or broken one.
    expect(ld).not.toHaveProperty('image')

    const [faq] = byType(items, 'FAQPage')
    const questions = faq.mainEntity as {
      '@type': string
      name: string
      acceptedAnswer: { '@type': string; text: string }
    }[]
    expect(questions).toHaveLength(3)
    expect(questions.map((question) => question.name)).toEqual([
      'Can an ML Engineer transition to an AI Engineer?',
      'Which role has better long-term job security?',
      'Is a PhD required for either role?',
    ])
    for (const question of questions) {
      expect(question['@type']).toBe('Question')
      expect(question.acceptedAnswer['@type']).toBe('Answer')
      expect(question.acceptedAnswer.text.length).toBeGreaterThan(20)
    }
    // Plain text, not Lexical JSON or HTML.
    expect(questions[0].acceptedAnswer.text).toMatch(/^Yes, though the move calls for new depth/)
    expect(questions[0].acceptedAnswer.text).not.toMatch(/[<{]/)

    const [dataset] = byType(items, 'Dataset')
    const table = blocksOf(article.content as LexicalRoot, 'salaryTable')[0].table as SalaryTable
    expect(dataset.name).toMatch(/Salary benchmarks|AI vs ML Engineer compensation/)
    expect(String(dataset.description)).toContain('Median total compensation')
    expect(dataset.temporalCoverage).toBe('2023/2024')
    expect(dataset.dateModified).toBe(table.updatedAt)
    expect(dataset.citation).toEqual(expect.arrayContaining(['Levels.fyi (2023)', 'Payscale']))
    expect(dataset.creator).toMatchObject({ name: 'Valenx Press' })
    expect((dataset.variableMeasured as { name: string }[]).map((variable) => variable.name)).toEqual([
      'Base salary',
      'Equity per year',
      'Bonus',
      'Total compensation (base + equity per year + bonus)',
    ])
    expect(String(dataset.url)).toMatch(new RegExp(`^${articleUrl}#salary-table-`))

    // One Occupation per role and tier, its median total per year as a MonetaryAmountDistribution.
    expect(occupations.map((occupation) => occupation.name)).toEqual(
      (table.rows ?? []).map((row) => `${row.role} (${row.tier})`),
    )
    expect(occupations).toHaveLength(6)
    for (const [index, occupation] of occupations.entries()) {
      const row = (table.rows ?? [])[index]
      expect(occupation.estimatedSalary).toEqual([
        {
          '@type': 'MonetaryAmountDistribution',
          name: 'Total compensation (base + equity per year + bonus)',
          currency: 'USD',
          duration: 'P1Y',
          median: row.base + row.equity + row.bonus,
        },
        {
          '@type': 'MonetaryAmountDistribution',
          name: 'Base salary',
          currency: 'USD',
          duration: 'P1Y',
          median: row.base,
        },
      ])
      expect(occupation.subjectOf).toEqual({ '@type': 'Dataset', url: dataset.url })
    }

    const [breadcrumbs] = byType(items, 'BreadcrumbList')
    expect(breadcrumbs.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: `${serverUrl()}/` },
      { '@type': 'ListItem', position: 2, name: 'Blog', item: `${serverUrl()}/blog` },
      { '@type': 'ListItem', position: 3, name: 'Comparisons', item: `${serverUrl()}/blog/category/comparisons` },
      { '@type': 'ListItem', position: 4, name: SEED_TITLE, item: articleUrl },
    ])
  })

  it('moves Article.dateModified and the sitemap/feed date when a figure in its salary table changes', async () => {
    const before = await readSeedArticle(payload)
    const table = blocksOf(before.content as LexicalRoot, 'salaryTable')[0].table as SalaryTable
    await new Promise((resolve) => setTimeout(resolve, 20))
    const rows = table.rows.map((row, index) => (index === 0 ? { ...row, bonus: row.bonus + 1000 } : row))
    const edited = await payload.update({
      collection: 'salary-tables',
      id: table.id,
      data: { rows, _status: 'published' },
      overrideAccess: true,
    })

    const after = await readSeedArticle(payload)
    expect(after.updatedAt).toBe(before.updatedAt)
    const [ld] = articlePageJsonLd(after)
    expect(ld.dateModified).toBe(new Date(edited.updatedAt).toISOString())
    expect(Date.parse(String(ld.dateModified))).toBeGreaterThan(Date.parse(before.updatedAt))
    const entry = (await readPublishedArticleEntries()).find((candidate) => candidate.slug === SEED_SLUG)
    expect(entry?.modifiedAt).toBe(ld.dateModified)
    expect((await readSitemapEntries()).find((candidate) => candidate.slug === SEED_SLUG)?.modifiedAt).toBe(
      ld.dateModified,
    )
    const overview = await readSitemapOverview()
    expect(overview.categories.find((category) => category.slug === 'comparisons')?.modifiedAt).toBe(ld.dateModified)
    // The sitemap index dates the article's file by it too, although no article was saved.
    expect(await readSitemapFileDates(overview.articleCount)).toEqual([ld.dateModified])
    // Index and search cards carry the same date.
    const card = (await searchArticles('MLOps')).find((candidate) => candidate.slug === SEED_SLUG)
    expect(card?.modifiedAt).toBe(ld.dateModified)
  })

  it('reads a salary period as an ISO interval and keeps any other wording', () => {
    expect(temporalCoverage('2023–2024')).toBe('2023/2024')
    expect(temporalCoverage('2023 - 2024')).toBe('2023/2024')
    expect(temporalCoverage('Q1 2025')).toBe('Q1 2025')
    expect(temporalCoverage('')).toBeUndefined()
  })

  it('cannot be closed early by text in the content', () => {
    const json = serializeJsonLd({
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: 'Salaries </script><script>alert(1)</script>',
    })
    expect(json).not.toContain('</script')
    expect(JSON.parse(json).headline).toBe('Salaries </script><script>alert(1)</script>')
  })
})

describe('reader search and the published-article lists', () => {
  it('finds the seed article for "MLOps", in any letter case', async () => {
    for (const query of ['MLOps', 'mlops', '  MLOPS  ']) {
      const results = await searchArticles(query)
      expect(
        results.map((card) => card.title),
        query,
      ).toContain(SEED_TITLE)
    }
    const [card] = await searchArticles('AI Engineer vs ML Engineer')
    expect(card).toMatchObject({
      title: SEED_TITLE,
      slug: SEED_SLUG,
      category: { title: 'Comparisons', slug: 'comparisons' },
    })
    expect(card.readingTime).toBeGreaterThan(0)
    expect(await searchArticles('')).toEqual([])
    expect(await searchArticles('nothing-matches-this-zz9')).toEqual([])
  })

  it('never returns a draft, and finds the same article once it is published', async () => {
    const seed = await readSeedArticle(payload)
    const word = 'Quixotrelline'
    const created = await api.rest<{ doc: Article }>('POST', '/articles?draft=true', {
      token: adminToken,
      body: {
        title: `Draft about ${word} salaries`,
        excerpt: `An unpublished look at ${word} pay.`,
        category: relationId(seed.category),
        content: richText(paragraph(`What ${word} specialists earn, before anyone may read it.`)),
        _status: 'draft',
      },
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id

    expect(await searchArticles(word)).toEqual([])
    expect((await readPublishedArticleEntries()).map((entry) => entry.id)).not.toContain(id)
    expect((await readSitemapEntries()).map((entry) => entry.slug)).not.toContain(created.body.doc.slug)

    // Published, it is found: the empty result above was the draft rule, not a search that finds nothing.
    const published = await api.rest('PATCH', `/articles/${id}`, { token: adminToken, body: { _status: 'published' } })
    expect(published.status).toBe(200)
    expect((await searchArticles(word)).map((card) => card.id)).toEqual([id])
    expect((await readPublishedArticleEntries()).map((entry) => entry.id)).toContain(id)
    expect((await readSitemapEntries()).map((entry) => entry.slug)).toContain(created.body.doc.slug)

    // A new draft over the published version: its words stay out of search until published.
    const secret = 'Vexillarion'
    const draftEdit = await api.rest('PATCH', `/articles/${id}?draft=true`, {
      token: adminToken,
      body: { title: `Draft about ${word} and ${secret}`, _status: 'draft' },
    })
    expect(draftEdit.status).toBe(200)
    expect(await searchArticles(secret)).toEqual([])
    expect((await searchArticles(word)).map((card) => card.title)).toEqual([`Draft about ${word} salaries`])

    await payload.delete({ collection: 'articles', id, overrideAccess: true })
    expect(await searchArticles(word)).toEqual([])
  })

  it('remembers a search, and forgets it the moment an article is published, unpublished or deleted', async () => {
    const seed = await readSeedArticle(payload)
    const word = 'Brontesquelle'
    const created = await api.rest<{ doc: Article }>('POST', '/articles?draft=true', {
      token: adminToken,
      body: {
        title: `Draft about ${word} pay`,
        excerpt: `What ${word} work pays.`,
        category: relationId(seed.category),
        content: richText(paragraph(`The ${word} trade, in figures.`)),
        _status: 'draft',
      },
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    const found = async () => (await searchArticles(word)).map((card) => card.id)

    // The draft is not found, from the database or from the cache.
    expect(await found()).toEqual([])
    const remembered = cachedSearchCount()
    expect(await found()).toEqual([])
    expect(cachedSearchCount()).toBe(remembered)

    expect(
      (await api.rest('PATCH', `/articles/${id}`, { token: adminToken, body: { _status: 'published' } })).status,
    ).toBe(200)
    expect(await found()).toEqual([id])
    const started = performance.now()
    expect(await found()).toEqual([id]) // the cached answer
    const cachedMs = performance.now() - started

    // Unpublished: gone at once, though the search was cached a moment ago.
    expect((await api.rest('PATCH', `/articles/${id}`, { token: adminToken, body: { _status: 'draft' } })).status).toBe(
      200,
    )
    expect(await found()).toEqual([])
    expect(await found()).toEqual([])

    // Concurrent readers of the same new query share one answer, and it is the right one.
    expect(
      (await api.rest('PATCH', `/articles/${id}`, { token: adminToken, body: { _status: 'published' } })).status,
    ).toBe(200)
    const together = await Promise.all(Array.from({ length: 8 }, found))
    expect(together).toEqual(Array.from({ length: 8 }, () => [id]))

    // A card shows the article's current title even when the list of matches comes from the cache.
    expect(
      (
        await api.rest('PATCH', `/articles/${id}`, {
          token: adminToken,
          body: { title: `Published about ${word} pay` },
        })
      ).status,
    ).toBe(200)
    expect((await searchArticles(word)).map((card) => card.title)).toEqual([`Published about ${word} pay`])

    // A salary table's save forgets only the searches whose cards show it (their "Updated" date).
    const tableId = relationId((seed.salaryTables ?? [])[0]) as string
    expect((await searchArticles('MLOps')).map((card) => card.slug)).toContain(SEED_SLUG)
    expect(await found()).toEqual([id])
    const remembering = cachedSearchCount()
    expect(
      (await api.rest('PATCH', `/salary-tables/${tableId}`, { token: adminToken, body: { notes: 'Checked again.' } }))
        .status,
    ).toBe(200)
    expect(cachedSearchCount()).toBe(remembering - 1)
    const card = (await searchArticles('MLOps')).find((candidate) => candidate.slug === SEED_SLUG)
    const table = await payload.findByID({ collection: 'salary-tables', id: tableId, depth: 0 })
    expect(card?.modifiedAt).toBe(table.updatedAt)

    await payload.delete({ collection: 'articles', id, overrideAccess: true })
    expect(await found()).toEqual([])
    console.log(`[search] cached search of a small index: ${cachedMs.toFixed(1)} ms`)
  })

  it('gives each result a snippet with the words marked, and says when more match than it shows', async () => {
    const seed = await readSeedArticle(payload)
    const word = `Quillambrant${Date.now().toString(36)}`
    const ids: string[] = []
    const filler = 'Teams weigh the cost of serving models against the time saved. '.repeat(8)
    for (let index = 0; index <= MAX_RESULTS; index++) {
      const doc = await payload.create({
        collection: 'articles',
        data: {
          title: index === 0 ? `The ${word} handbook` : `Article number ${index} on tooling`,
          excerpt: 'An excerpt without the word.',
          category: relationId(seed.category) as string,
          content: richText(
            paragraph(filler),
            paragraph(`Here the ${word} method is named, once.`),
          ) as Article['content'],
          _status: 'published',
        },
        overrideAccess: true,
        context: { disableRevalidate: true },
      })
      ids.push(doc.id)
    }
    try {
      const { results, more } = await searchResults(word.toLowerCase())
      expect(more).toBe(true)
      expect(results).toHaveLength(MAX_RESULTS)
      // The title match first, its word marked in the title; a body match shows the passage with it.
      expect(results[0].titleRuns).toContainEqual({ text: word, mark: true })
      const bodyMatch = results[1]
      expect(bodyMatch.snippet.map((run) => run.text).join('')).toMatch(new RegExp(`^….*Here the ${word} method`))
      expect(bodyMatch.snippet.filter((run) => run.mark)).toEqual([{ text: word, mark: true }])
      // Exactly a page of them: all are shown, and nothing says there are more.
      await payload.delete({ collection: 'articles', id: ids.pop() as string, overrideAccess: true })
      expect((await searchResults(word)).more).toBe(false)
      // A title or excerpt match shows the excerpt, marked where it holds the word.
      const [seedResult] = (await searchResults('MLOps')).results.filter((result) => result.slug === SEED_SLUG)
      expect(seedResult.snippet.map((run) => run.text).join('')).toBeTruthy()
    } finally {
      for (const id of ids) await payload.delete({ collection: 'articles', id, overrideAccess: true })
    }
  })

  it('lists every published article for the sitemap and feed, newest first, with dates', async () => {
    const entries = await readPublishedArticleEntries()
    const { docs } = await payload.find({
      collection: 'articles',
      overrideAccess: false,
      depth: 0,
      limit: 100,
      sort: '-publishedAt',
    })
    expect(entries.map((entry) => entry.slug)).toEqual(docs.map((doc) => doc.slug))
    for (const entry of entries) {
      expect(Date.parse(entry.publishedAt)).not.toBeNaN()
      expect(Date.parse(entry.modifiedAt)).toBeGreaterThanOrEqual(
        Date.parse(docs.find((doc) => doc.id === entry.id)?.updatedAt as string),
      )
    }
    // The sitemap reads the same articles without populating them, and must agree on every date.
    expect(await readSitemapEntries()).toEqual(
      entries.map((entry) => ({
        slug: entry.slug,
        modifiedAt: entry.modifiedAt,
        categorySlug: entry.category?.slug ?? null,
      })),
    )
    expect((await readPublishedArticleEntries(2)).map((entry) => entry.slug)).toEqual(
      entries.slice(0, 2).map((entry) => entry.slug),
    )
    // The sitemap's files: the first holds them all here (500 to a file); the overview's dates are
    // those of the newest article in each category, and of the whole site.
    expect(await readSitemapEntries(1)).toEqual(await readSitemapEntries())
    const overview = await readSitemapOverview()
    const newestOf = (list: { modifiedAt: string }[]) =>
      list
        .map((entry) => entry.modifiedAt)
        .sort()
        .at(-1)
    expect(overview.articleCount).toBe(entries.length)
    expect(overview.newest).toBe(newestOf(entries))
    const categorySlugs = [...new Set(entries.map((entry) => entry.category?.slug))].sort()
    expect(overview.categories.map((category) => category.slug).sort()).toEqual(categorySlugs)
    for (const category of overview.categories) {
      expect(category.modifiedAt, category.slug).toBe(
        newestOf(entries.filter((entry) => entry.category?.slug === category.slug)),
      )
    }
    // The index dates each articles file by its newest entry: one file here; cut into files of two,
    // each file's date is the newest of its own two articles, as the files themselves list them.
    expect(await readSitemapFileDates(overview.articleCount)).toEqual([newestOf(entries)])
    const sitemap = await readSitemapEntries()
    const byTwo = Array.from({ length: Math.ceil(sitemap.length / 2) }, (_, index) =>
      newestOf(sitemap.slice(index * 2, index * 2 + 2)),
    )
    expect(new Set(entries.map((entry) => entry.publishedAt)).size).toBe(entries.length)
    expect(await readSitemapFileDates(overview.articleCount, 2)).toEqual(byTwo)
  })
})
