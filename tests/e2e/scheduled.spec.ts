import path from 'node:path'

import { expect, test } from '@playwright/test'

import { runPayloadScript } from '../../scripts/lib/payload.mjs'
import { adminAuth, deleteDoc, findOne, simpleContent } from './api'

/**
 * Scheduled publishing: Payload's own job timer runs outside any request, where Next cannot
 * revalidate its cache, so the production server runs due jobs through a request instead
 * (src/config/jobRunner.ts). What a reader would notice otherwise: the article goes live at its time,
 * but the blog index, cached before, never lists it.
 */
test('a scheduled publish reaches the cached blog index and the article page by itself', async ({
  request,
  baseURL,
}) => {
  test.setTimeout(180_000)
  const anonymous = async (urlPath: string) => {
    const response = await fetch(`${baseURL}${urlPath}`)
    return { status: response.status, html: await response.text() }
  }

  const headers = await adminAuth(request)
  const category = await findOne(request, 'categories', 'slug', 'comparisons')
  const title = `Scheduled for readers ${Date.now()}`
  const created = await request.post('/api/articles?draft=true', {
    headers,
    data: {
      title,
      excerpt: 'Goes live on schedule.',
      category: category.id,
      content: simpleContent('Scheduled body text.'),
      _status: 'draft',
    },
  })
  expect(created.status()).toBe(201)
  const { doc } = (await created.json()) as { doc: { id: string; slug: string } }

  try {
    // Both pages cached without it, as a reader left them.
    for (let i = 0; i < 2; i++) expect((await anonymous('/blog')).html).not.toContain(title)
    expect((await anonymous(`/blog/${doc.slug}`)).status).toBe(404)

    // What the admin's "Schedule publish" stores, due now; the server runs due jobs every 10 s.
    const dataDir = process.env.E2E_DATA_DIR as string
    await runPayloadScript('tests/e2e/scripts/queue-scheduled-publish.ts', {
      env: {
        ...process.env,
        NODE_OPTIONS: '--no-deprecation',
        DATABASE_URI: process.env.E2E_DATABASE_URI || `file:${path.join(dataDir, 'e2e.db')}`,
        DATA_DIR: dataDir,
        SCHEDULE_ARTICLE_ID: doc.id,
      },
    })

    await expect(async () => {
      expect((await anonymous('/blog')).html).toContain(title)
    }).toPass({ timeout: 60_000, intervals: [1_000] })
    const page = await anonymous(`/blog/${doc.slug}`)
    expect(page.status).toBe(200)
    expect(page.html).toContain(title)
  } finally {
    // Published, it would stay on every list other journeys read.
    await deleteDoc(request, 'articles', doc.id, headers)
  }
})
