/**
 * Run by `npm run bench` (scripts/bench.mjs) after `prepare.ts`: adds BENCH_ARTICLES generated,
 * published articles to a database that already holds the demo content. Each one is about 1,300
 * words of the demo articles' own prose (paragraphs, headings, lists, callouts with live figures),
 * reshuffled per article, and embeds the demo salary table, a list of the demo FAQs and three
 * related posts. Written through the Local API without revalidation (there is no Next cache here),
 * in batches of BENCH_BATCH documents per transaction. Its last line is `bench-seed: created=N ms=T`.
 */
import crypto from 'node:crypto'

import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
  type RequestContext,
} from 'payload'

import { plainText, wordCount, type LexicalNode } from '@/lib/lexical'
import { articles, categories, faqs, salaryTable } from '@/seed/content'
import type { ArticleKey, FaqKey, SeedRefs } from '@/seed/content/types'
import { block, richText } from '@/seed/lexical'

import { runScript } from './runScript'

const context: RequestContext = { disableRevalidate: true }
const TARGET_WORDS = 1_300
/** Blocks every generated article gets on purpose, so they are left out of the shuffled prose. */
const PLACED_BLOCKS = new Set(['salaryTable', 'faqList', 'recommendedReading'])

const SUBJECTS = [
  'AI Engineer',
  'ML Engineer',
  'Data Scientist',
  'MLOps Engineer',
  'Research Engineer',
  'Applied Scientist',
  'LLM Engineer',
  'Platform Engineer',
]
const ANGLES = [
  'salary by company tier',
  'career path, level by level',
  'skills employers ask for',
  'interview preparation',
  'remote work and demand',
  'equity and bonus explained',
  'moving from startups to FAANG+',
  'what changes at senior levels',
]

/** A small seeded generator, so the same article number always gets the same text. */
function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function pick<T>(items: T[], rand: () => number): T {
  return items[Math.floor(rand() * items.length)]
}

function shuffled<T>(items: T[], rand: () => number): T[] {
  const copy = [...items]
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(rand() * (index + 1))
    ;[copy[index], copy[other]] = [copy[other], copy[index]]
  }
  return copy
}

/** `count` different items, without copying a list that grows to thousands of ids. */
function pickDistinct<T>(items: T[], count: number, rand: () => number): T[] {
  const chosen = new Set<number>()
  while (chosen.size < Math.min(count, items.length)) chosen.add(Math.floor(rand() * items.length))
  return [...chosen].map((index) => items[index])
}

/** A deep copy whose blocks get fresh ids: one article must not hold two blocks with the same id. */
function cloneNode(node: LexicalNode): LexicalNode {
  const copy = JSON.parse(JSON.stringify(node)) as LexicalNode
  const stack: unknown[] = [copy]
  while (stack.length) {
    const value = stack.pop()
    if (Array.isArray(value)) stack.push(...value)
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>
      if (
        (record.type === 'block' || record.type === 'inlineBlock') &&
        record.fields &&
        typeof record.fields === 'object'
      ) {
        ;(record.fields as Record<string, unknown>).id = crypto.randomBytes(12).toString('hex')
      }
      stack.push(...Object.values(record))
    }
  }
  return copy
}

const nodeWords = (node: LexicalNode) => wordCount(plainText({ root: { type: 'root', children: [node] } }))

type Pool = { headings: LexicalNode[]; prose: LexicalNode[]; blocks: LexicalNode[] }

function buildPool(refs: SeedRefs): Pool {
  const pool: Pool = { headings: [], prose: [], blocks: [] }
  for (const article of articles) {
    for (const node of (article.content(refs).root.children ?? []) as LexicalNode[]) {
      if (node.type === 'heading') pool.headings.push(node)
      else if (node.type === 'paragraph' || node.type === 'list') {
        if (nodeWords(node) >= 8) pool.prose.push(node)
      } else if (node.type === 'block' && !PLACED_BLOCKS.has(String(node.fields?.blockType))) pool.blocks.push(node)
    }
  }
  return pool
}

/** About TARGET_WORDS words: sections of a heading, prose and now and then a callout or data table. */
function articleContent(pool: Pool, refs: SeedRefs, rand: () => number, related: string[]) {
  const children: LexicalNode[] = []
  let words = 0
  const add = (node: LexicalNode) => {
    const copy = cloneNode(node)
    children.push(copy)
    words += nodeWords(copy)
  }
  const prose = shuffled(pool.prose, rand)
  let next = 0
  const nextProse = () => prose[next++ % prose.length]
  add(nextProse())
  let section = 0
  while (words < TARGET_WORDS) {
    section++
    add(pick(pool.headings, rand))
    const paragraphs = 2 + Math.floor(rand() * 3)
    for (let index = 0; index < paragraphs && words < TARGET_WORDS; index++) add(nextProse())
    if (section === 2) {
      children.push(
        block('salaryTable', {
          table: refs.salaryTableId,
          caption: 'Median total compensation by role and company tier (USD)',
          showChart: true,
        }),
      )
    } else if (pool.blocks.length && rand() < 0.35) add(pick(pool.blocks, rand))
  }
  children.push(block('faqList', { faqs: Object.values(refs.faqIds) }))
  if (related[0]) {
    children.push(
      block('recommendedReading', {
        label: 'Recommended Reading',
        linkType: 'internal',
        article: related[0],
        title: 'Keep reading',
        blurb: 'A related article from Valenx Press.',
      }),
    )
  }
  return richText(...(children as Record<string, unknown>[]))
}

async function idsBy(
  payload: Payload,
  collection: 'categories' | 'faqs' | 'salary-tables' | 'articles' | 'users',
  field: string,
  values: string[],
) {
  const { docs } = await payload.find({
    collection,
    where: { [field]: { in: values } },
    depth: 0,
    limit: values.length,
    overrideAccess: true,
    pagination: false,
  })
  return new Map(docs.map((doc) => [String((doc as unknown as Record<string, unknown>)[field]), String(doc.id)]))
}

await runScript(async (payload) => {
  const count = Number(process.env.BENCH_ARTICLES ?? 200)
  const batchSize = Math.max(1, Number(process.env.BENCH_BATCH ?? 100))
  const started = Date.now()

  const tableIds = await idsBy(payload, 'salary-tables', 'title', [salaryTable.title])
  const faqIdsByQuestion = await idsBy(
    payload,
    'faqs',
    'question',
    faqs.map((faq) => faq.question),
  )
  const articleIdsBySlug = await idsBy(
    payload,
    'articles',
    'slug',
    articles.map((article) => article.slug),
  )
  const categoryIds = [
    ...(
      await idsBy(
        payload,
        'categories',
        'slug',
        categories.map((category) => category.slug),
      )
    ).values(),
  ]
  const salaryTableId = tableIds.get(salaryTable.title)
  if (!salaryTableId || faqIdsByQuestion.size !== faqs.length || articleIdsBySlug.size !== articles.length) {
    throw new Error('The demo content is missing: run prepare.ts on this database first.')
  }
  const refs: SeedRefs = {
    salaryTableId,
    faqIds: Object.fromEntries(faqs.map((faq) => [faq.key, faqIdsByQuestion.get(faq.question)])) as Record<
      FaqKey,
      string
    >,
    articleIds: Object.fromEntries(
      articles.map((article) => [article.key, articleIdsBySlug.get(article.slug)]),
    ) as Record<ArticleKey, string>,
  }
  const admin = (
    await payload.find({
      collection: 'users',
      where: { role: { equals: 'admin' } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
  ).docs[0]
  const pool = buildPool(refs)
  const relatedPool = Object.values(refs.articleIds)
  // Older than the demo articles, so the demo stays on top of the index: one every six hours back.
  const newest = Date.parse('2026-05-31T09:00:00.000Z')

  let created = 0
  let totalWords = 0
  for (let first = 0; first < count; first += batchSize) {
    const req: PayloadRequest = await createLocalReq({ context }, payload)
    const transactional = await initTransaction(req)
    try {
      for (let index = first; index < Math.min(count, first + batchSize); index++) {
        const rand = random(index + 1)
        const related = pickDistinct(relatedPool, 3, rand)
        const content = articleContent(pool, refs, rand, related)
        totalWords += wordCount(plainText(content as never))
        const title = `${pick(SUBJECTS, rand)}: ${pick(ANGLES, rand)} (${index + 1})`
        const prose = plainText({
          root: (content.root.children as LexicalNode[]).find((node) => node.type === 'paragraph') ?? { type: 'root' },
        })
        const doc = await payload.create({
          collection: 'articles',
          data: {
            title,
            slug: `bench-${index + 1}`,
            excerpt: (prose || title).slice(0, 300),
            category: categoryIds[index % categoryIds.length],
            content: content as never,
            relatedPosts: related,
            featured: false,
            publishedAt: new Date(newest - index * 6 * 3_600_000).toISOString(),
            authors: admin ? [admin.id] : [],
            _status: 'published',
          },
          overrideAccess: true,
          context,
          req,
        })
        relatedPool.push(String(doc.id))
        created++
      }
      if (transactional) await commitTransaction(req)
    } catch (error) {
      if (transactional) await killTransaction(req)
      throw error
    }
    console.log(`bench-seed: ${created}/${count} articles (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  }
  console.log(`bench-seed: average ${created ? Math.round(totalWords / created) : 0} words of text per article`)
  console.log(`bench-seed: created=${created} ms=${Date.now() - started}`)
})
