import type { CollectionSlug } from 'payload'
import { expect } from 'vitest'

import { paragraph, richText } from '@/seed/lexical'

import { bootDemo } from './demo'
import type { RestResponse } from './rest'

/**
 * What the issue 15 tests share (tests/int/integrity*.test.ts): a demo instance, documents of their
 * own, the refusal they expect (400, the field named in the errors and in the message), and a
 * snapshot of everything a save could have changed.
 */

type FieldError = { path: string; message: string }
export const fieldErrors = (response: RestResponse): FieldError[] => response.body?.errors?.[0]?.data?.errors ?? []

export function expectRefused(response: RestResponse, fieldPath: string | RegExp, message?: RegExp) {
  expect(response.status, JSON.stringify(response.body).slice(0, 600)).toBe(400)
  const errors = fieldErrors(response)
  const match = errors.find((error) =>
    typeof fieldPath === 'string' ? error.path === fieldPath : fieldPath.test(error.path),
  )
  expect(match, `field errors: ${JSON.stringify(errors)}`).toBeDefined()
  if (message) expect(match?.message).toMatch(message)
  // The top-level message names the field too, for clients that show only that (by label or path).
  const last = String(match?.path.split('.').at(-1))
  expect(response.body.errors[0].message.toLowerCase()).toContain(/^\d+$/.test(last) ? match?.path : last.toLowerCase())
}

export const row = (overrides: Record<string, unknown> = {}) => ({
  role: 'AI Engineer',
  tier: 'FAANG+',
  base: 100_000,
  equity: 0,
  bonus: 0,
  source: 'Levels.fyi (2023)',
  ...overrides,
})

export async function bootIntegrity() {
  const { payload, api, adminToken: token } = await bootDemo()
  const categoryId = String((await payload.find({ collection: 'categories', limit: 1, depth: 0 })).docs[0].id)
  let serial = 0

  /** Everything a save could change: the latest version, the live document, versions, the anonymous view. */
  async function snapshot(collection: CollectionSlug, id: string) {
    const read = (draft: boolean) =>
      payload.findByID({ collection, id, depth: 0, draft, overrideAccess: true, disableErrors: true })
    const anonymous = await api.rest('GET', `/${collection}/${id}?depth=0`)
    return {
      latest: await read(true),
      live: await read(false),
      versions: (await payload.countVersions({ collection, where: { parent: { equals: id } } })).totalDocs,
      anonymous: { status: anonymous.status, body: anonymous.body },
    }
  }

  async function siteSnapshot() {
    const anonymous = await api.rest('GET', '/globals/site?depth=0')
    return { stored: await payload.findGlobal({ slug: 'site', depth: 0 }), anonymous: anonymous.body }
  }

  async function createTable(rows = [row()], status: 'published' | 'draft' = 'published') {
    serial += 1
    const response = await api.rest('POST', `/salary-tables${status === 'draft' ? '?draft=true' : ''}`, {
      token,
      body: { title: `Integrity table ${serial}`, currency: 'USD', asOf: '2026-06-01', rows, _status: status },
    })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    return String(response.body.doc.id)
  }

  async function createArticle(content = richText(paragraph('A paragraph.')), extra: Record<string, unknown> = {}) {
    serial += 1
    const response = await api.rest('POST', '/articles', {
      token,
      body: {
        title: `Integrity article ${serial}`,
        excerpt: 'Checks what the API does with hostile input.',
        category: categoryId,
        content,
        _status: 'published',
        ...extra,
      },
    })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    return String(response.body.doc.id)
  }

  return { payload, api, token, categoryId, snapshot, siteSnapshot, createTable, createArticle }
}

export type IntegrityKit = Awaited<ReturnType<typeof bootIntegrity>>
