import fc from 'fast-check'
import type { Payload, SanitizedConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SalaryTable } from '@payload-types'
import { sweepsDone } from '../../collections/Articles/untouched/hooks'
import {
  isPlaceholder,
  PLACEHOLDER_GRACE_MS,
  sweepPlaceholders,
} from '../../collections/Articles/untouched/placeholder'
import { parseFrom, smtpSettings } from '@/config/email'
import { GRID_COLUMNS, nextCell, parseClipboardBlock, planPaste, readAmount } from '@/salary-tables/grid'
import { tableImpact } from '@/salary-tables/impact'
import { MAX_ROWS } from '@/salary-tables/model'
import { summarizeTableVersion } from '@/salary-tables/versionSummary'
import { figure, paragraph, richText } from '@/seed/lexical'

import { createUser } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'
import { apiClient } from '../helpers/rest'

/**
 * The editor's side of salary tables and articles that the admin journeys cannot reach in every
 * case: where a pasted block of cells lands, what a version is said to change, which rows figures
 * cite, which "Create New" drafts are discarded, and how SMTP is read from the environment.
 */

describe('pasting cells into the grid', () => {
  it('reads amounts as editors type or paste them, and keeps anything else as typed', () => {
    expect(readAmount('165000')).toBe(165_000)
    expect(readAmount(' $165,000 ')).toBe(165_000)
    expect(readAmount('165 000')).toBe(165_000)
    expect(readAmount('-5')).toBe(-5)
    expect(readAmount('')).toBeNull()
    expect(readAmount('about 5k')).toBe('about 5k')
  })

  it('reads a spreadsheet block: tabs between cells, a line a row, quoted cells, no trailing empty row', () => {
    expect(parseClipboardBlock('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ])
    expect(parseClipboardBlock('"Levels.fyi, 2023"\t"two\nlines"\t"say ""hi"""')).toEqual([
      ['Levels.fyi, 2023', 'two\nlines', 'say "hi"'],
    ])
  })

  it('lands a 2 × 3 block from the focused cell, in the grid column order', () => {
    const plan = planPaste(parseClipboardBlock('1\t2\t3\n4\t5\t6\n'), { row: 1, column: 'base' }, 6)
    expect(plan.writes).toEqual([
      { row: 1, column: 'base', value: 1 },
      { row: 1, column: 'equity', value: 2 },
      { row: 1, column: 'bonus', value: 3 },
      { row: 2, column: 'base', value: 4 },
      { row: 2, column: 'equity', value: 5 },
      { row: 2, column: 'bonus', value: 6 },
    ])
    expect(plan.addRows).toBe(0)
  })

  it('skips a header line and the pasted total, and adds the rows the block needs', () => {
    const block = 'Role\tCompany tier\tBase\tEquity\tBonus\tTotal\tSource\nA\tB\t1\t2\t3\t999\tS\nC\tD\t4\t5\t6\t\tT'
    const plan = planPaste(parseClipboardBlock(block), { row: 2, column: 'role' }, 3)
    expect(plan.skippedHeader).toBe(true)
    expect(plan.addRows).toBe(1)
    expect(plan.ignoredCells).toBe(1)
    expect(plan.writes.filter((write) => write.row === 3).map((write) => write.value)).toEqual(['C', 'D', 4, 5, 6, 'T'])
  })

  it('never writes past the row limit or into the total, whatever is pasted where', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ maxLength: 6 }), { maxLength: 9 }), { maxLength: 120 }),
        fc.nat(MAX_ROWS - 1),
        fc.constantFrom(...GRID_COLUMNS),
        fc.nat(MAX_ROWS),
        (block, row, column, rowCount) => {
          const plan = planPaste(block, { row, column }, rowCount)
          for (const write of plan.writes) {
            expect(write.row).toBeLessThan(MAX_ROWS)
            expect(write.column).not.toBe('total')
          }
          expect(rowCount + plan.addRows).toBeLessThanOrEqual(Math.max(rowCount, MAX_ROWS))
        },
      ),
    )
  })

  it('moves Tab across a row and on to the next, skipping the computed total', () => {
    expect(nextCell({ row: 0, column: 'bonus' }, 1, 2)).toEqual({ row: 0, column: 'source' })
    expect(nextCell({ row: 0, column: 'source' }, 1, 2)).toEqual({ row: 1, column: 'role' })
    expect(nextCell({ row: 1, column: 'role' }, -1, 2)).toEqual({ row: 0, column: 'source' })
    expect(nextCell({ row: 1, column: 'source' }, 1, 2)).toBeNull()
  })
})

describe('what a version changed', () => {
  const rows = [
    { role: 'AI Engineer', tier: 'FAANG+', base: 165_000, equity: 35_000, bonus: 10_000, total: 210_000, source: 'L' },
    { role: 'ML Engineer', tier: 'FAANG+', base: 140_000, equity: 25_000, bonus: 7_000, total: 172_000, source: 'L' },
  ]
  it('names each changed figure by its row, and the rows added and removed', () => {
    const newer = {
      currency: 'USD',
      asOf: '2026-11-01',
      rows: [
        { ...rows[0], base: 170_000 },
        { role: 'Data Engineer', tier: 'Startup', base: 100_000, equity: 0, bonus: 0, total: 0, source: 'S' },
      ],
    }
    expect(summarizeTableVersion({ currency: 'USD', asOf: '2026-06-01', rows }, newer)).toEqual([
      'AI Engineer · FAANG+ base $165,000 → $170,000',
      'Added Data Engineer · Startup (total $100,000)',
      'Removed ML Engineer · FAANG+',
      'Figures checked on Jun 1, 2026 → Nov 1, 2026',
    ])
    expect(summarizeTableVersion(undefined, newer)).toEqual(['Created with 2 rows'])
    expect(summarizeTableVersion({ rows }, { rows })).toEqual([])
  })
})

describe('SMTP settings from the environment', () => {
  it('uses SMTP only with SMTP_HOST, on port 587 unless told, with the sender given', () => {
    expect(smtpSettings({})).toBeNull()
    expect(smtpSettings({ SMTP_HOST: 'mail.example.com' })).toMatchObject({
      host: 'mail.example.com',
      port: 587,
      fromAddress: 'no-reply@mail.example.com',
      fromName: 'Valenx Press',
    })
    expect(parseFrom('Newsroom <news@example.com>', 'x')).toEqual({
      fromName: 'Newsroom',
      fromAddress: 'news@example.com',
    })
    expect(() => smtpSettings({ SMTP_HOST: 'x', SMTP_PORT: 'smtp' })).toThrow('SMTP_PORT is not a port number')
  })
})

describe('with Payload', () => {
  let payload: Payload
  let config: SanitizedConfig
  let api: ReturnType<typeof apiClient>
  let editor: string
  let author: { token: string; id: string }
  let categoryId: string

  beforeAll(async () => {
    ;({ payload, config } = await bootPayload())
    api = apiClient(config)
    const editorUser = await createUser(payload, 'editor')
    const authorUser = await createUser(payload, 'author')
    editor = await api.login(editorUser.email, editorUser.password)
    author = { token: await api.login(authorUser.email, authorUser.password), id: authorUser.user.id }
    const category = await payload.create({ collection: 'categories', data: { title: 'Comparisons', slug: 'cmp' } })
    categoryId = category.id
  })

  afterAll(async () => {
    await sweepsDone()
    await shutdown(payload)
  })

  it('lists which rows figures cite, and how many times in which article', async () => {
    const table = (await payload.create({
      collection: 'salary-tables',
      data: {
        title: 'Cited rows',
        currency: 'USD',
        asOf: '2026-10-01',
        rows: [
          { role: 'A', tier: 'X', base: 1, equity: 0, bonus: 0, source: 'S' },
          { role: 'B', tier: 'X', base: 2, equity: 0, bonus: 0, source: 'S' },
        ],
        _status: 'published',
      },
    })) as SalaryTable
    const cell = (role: string) =>
      figure({ source: 'salaryCell', table: table.id, role, tier: 'X', column: 'total', format: 'currency' })
    const compare = figure({
      source: 'salaryComparison',
      table: table.id,
      role: 'A',
      tier: 'X',
      column: 'total',
      compareRole: 'B',
      compareTier: 'X',
      compareColumn: 'total',
      operation: 'ratio',
      format: 'multiplier',
    })
    await payload.create({
      collection: 'articles',
      data: {
        title: 'Citing article',
        slug: 'citing-article',
        excerpt: 'x',
        category: categoryId,
        content: richText(paragraph(cell('A'), ' and ', cell('a'), ' and ', compare)) as never,
        _status: 'published',
      },
    })
    const { citations } = await tableImpact(payload, table)
    expect(citations).toEqual([
      {
        role: 'A',
        tier: 'X',
        figures: 3,
        articles: [expect.objectContaining({ title: 'Citing article', figures: 3 })],
      },
      {
        role: 'B',
        tier: 'X',
        figures: 1,
        articles: [expect.objectContaining({ title: 'Citing article', figures: 1 })],
      },
    ])
  })

  it('discards a "Create New" draft left untouched, and keeps one that was edited', async () => {
    // What the admin's Create New does: an empty draft, created as the signed-in user.
    const created = await api.rest('POST', '/articles?draft=true', { token: author.token, body: {} })
    expect(created.status).toBe(201)
    const empty = created.body.doc
    expect(await isPlaceholder(payload, empty)).toBe(true)

    const edited = (await api.rest('POST', '/articles?draft=true', { token: author.token, body: {} })).body.doc
    const autosave = await api.rest('PATCH', `/articles/${edited.id}?draft=true&autosave=true`, {
      token: author.token,
      body: { title: 'Half a title' },
    })
    expect(autosave.status).toBe(200)

    // Someone else's draft is not an author's to discard; an editor may.
    const other = await createUser(payload, 'author', 'other-author@test.valenx')
    const otherToken = await api.login(other.email, other.password)
    expect((await api.rest('POST', `/articles/${empty.id}/discard`, { token: otherToken })).status).toBe(403)
    expect((await api.rest('POST', `/articles/${empty.id}/discard`)).status).toBe(403)

    expect((await api.rest('POST', `/articles/${edited.id}/discard`, { token: author.token })).status).toBe(409)
    expect((await api.rest('POST', `/articles/${empty.id}/discard`, { token: author.token })).status).toBe(204)
    expect((await api.rest('GET', `/articles/${empty.id}?draft=true`, { token: editor })).status).toBe(404)
    expect((await api.rest('GET', `/articles/${edited.id}?draft=true`, { token: editor })).body.title).toBe(
      'Half a title',
    )

    // A published article is never a placeholder, whatever is asked.
    const published = await api.rest('POST', '/articles', {
      token: editor,
      body: {
        title: 'Live',
        slug: 'live-one',
        excerpt: 'x',
        category: categoryId,
        content: richText(paragraph('x')),
        _status: 'published',
      },
    })
    expect((await api.rest('POST', `/articles/${published.body.doc.id}/discard`, { token: editor })).status).toBe(409)
  })

  it('sweeps placeholders abandoned for over an hour, and only those', async () => {
    const old = (await api.rest('POST', '/articles?draft=true', { token: editor, body: {} })).body.doc
    const fresh = (await api.rest('POST', '/articles?draft=true', { token: editor, body: {} })).body.doc
    // Opened two hours ago (set in the database, so no version is added).
    const opened = new Date(Date.now() - 2 * PLACEHOLDER_GRACE_MS).toISOString()
    await sweepsDone()
    await payload.db.updateOne({ collection: 'articles', id: old.id, data: { createdAt: opened } })
    expect(await sweepPlaceholders(payload)).toBe(1)
    expect((await api.rest('GET', `/articles/${old.id}?draft=true`, { token: editor })).status).toBe(404)
    expect((await api.rest('GET', `/articles/${fresh.id}?draft=true`, { token: editor })).status).toBe(200)
  })
})
