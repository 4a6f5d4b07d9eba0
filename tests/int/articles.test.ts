import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article } from '@payload-types'

import { block, paragraph, richText } from '@/seed/lexical'

import { createUser, SEED_SLUG, seedDemo } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  ;({ payload } = await bootPayload())
  await seedDemo(payload)
})

afterAll(async () => {
  await shutdown(payload)
})

const bySlug = async (slug: string, draft = false) =>
  (
    await payload.find({
      collection: 'articles',
      where: { slug: { equals: slug } },
      depth: 0,
      draft,
      overrideAccess: true,
    })
  ).docs[0] as Article

describe('articles', () => {
  it('keeps which salary tables an article shows, and its reading time, on every save', async () => {
    const seed = await bySlug(SEED_SLUG)
    const table = (await payload.find({ collection: 'salary-tables', depth: 0 })).docs[0]
    expect(seed.salaryTables).toEqual([table.id])
    const words = (count: number) => Array.from({ length: count }, (_, index) => `word${index}`).join(' ')
    const article = await payload.create({
      collection: 'articles',
      data: {
        title: 'Tables kept on save',
        excerpt: 'Which tables this shows.',
        category: seed.category,
        content: richText(paragraph(words(450)), block('salaryTable', { table: table.id, showChart: false })) as never,
        _status: 'published',
      },
      depth: 0,
      overrideAccess: true,
      context: { disableRevalidate: true },
    })
    expect(article.salaryTables).toEqual([table.id])
    const before = article.readingTime as number
    // The table taken out and the text made four times as long, in one save.
    const saved = await payload.update({
      collection: 'articles',
      id: article.id,
      data: { content: richText(paragraph(words(1800))) as never },
      depth: 0,
      overrideAccess: true,
      context: { disableRevalidate: true },
    })
    expect(saved.salaryTables).toEqual([])
    expect(saved.readingTime).toBeGreaterThan(before)
    expect((await bySlug(saved.slug as string)).salaryTables).toEqual([])
    await payload.delete({ collection: 'articles', id: article.id, overrideAccess: true })
  })

  it('shows in the admin which articles link to this one ("Linked from")', async () => {
    const target = await bySlug('ai-engineer-playbook')
    const withJoin = await payload.findByID({
      collection: 'articles',
      id: target.id,
      depth: 0,
      joins: { linkedFrom: { limit: 10 } },
    })
    const linkers = (withJoin.linkedFrom?.docs ?? []).map((doc) => (typeof doc === 'object' ? doc.id : doc))
    expect(linkers).toContain((await bySlug('skills-that-separate-ai-and-ml-engineers')).id)
  })

  it('makes a slug from the title, and remembers a published slug that changes so it can redirect', async () => {
    const category = (await payload.find({ collection: 'categories', limit: 1 })).docs[0]
    const created = await payload.create({
      collection: 'articles',
      data: {
        title: 'Data Engineer vs Analytics Engineer',
        excerpt: 'A comparison.',
        category: category.id,
        content: (await bySlug(SEED_SLUG)).content,
        _status: 'published',
      },
    })
    expect(created.slug).toBe('data-engineer-vs-analytics-engineer')
    expect(created.publishedAt).toBeTruthy()

    const renamed = await payload.update({
      collection: 'articles',
      id: created.id,
      data: { slug: 'data-vs-analytics-engineer' },
    })
    expect(renamed.previousSlugs?.map((entry) => entry.slug)).toEqual(['data-engineer-vs-analytics-engineer'])
    const viaOld = await payload.find({
      collection: 'articles',
      where: { 'previousSlugs.slug': { equals: 'data-engineer-vs-analytics-engineer' } },
      overrideAccess: false,
    })
    expect(viaOld.docs[0]?.slug).toBe('data-vs-analytics-engineer')
  })

  it('publishes a scheduled article when its time comes, through the job queue', async () => {
    const category = (await payload.find({ collection: 'categories', limit: 1 })).docs[0]
    const draft = await payload.create({
      collection: 'articles',
      draft: true,
      data: {
        title: 'Scheduled salary update',
        excerpt: 'Goes live later.',
        category: category.id,
        content: (await bySlug(SEED_SLUG)).content,
        _status: 'draft',
      },
    })
    const anonymous = () =>
      payload.find({ collection: 'articles', where: { id: { equals: draft.id } }, overrideAccess: false })
    expect((await anonymous()).docs).toHaveLength(0)

    // What the admin's "Schedule publish" does; the time is already due here.
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'articles', value: draft.id } },
      waitUntil: new Date(Date.now() - 1000),
    })
    await payload.jobs.run()
    expect((await anonymous()).docs.map((doc) => doc.title)).toEqual(['Scheduled salary update'])
  })

  it('records who saved each version of a salary table', async () => {
    const { user: editor } = await createUser(payload, 'editor', 'figures-editor@test.valenx')
    const table = (await payload.find({ collection: 'salary-tables', limit: 1, depth: 0 })).docs[0]
    await payload.update({
      collection: 'salary-tables',
      id: table.id,
      data: { notes: 'Checked against Levels.fyi again.' },
      user: editor,
      overrideAccess: false,
    })
    const { docs } = await payload.findVersions({
      collection: 'salary-tables',
      where: { parent: { equals: table.id } },
      sort: '-updatedAt',
      limit: 1,
      depth: 0,
    })
    expect(docs[0].version.updatedBy).toBe(editor.id)
    expect(docs[0].updatedAt).toBeTruthy()
  })
})
