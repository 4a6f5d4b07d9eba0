import type { Payload, SanitizedConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SalaryTable } from '@payload-types'
import { parseCsv, salaryTableToCsv } from '@/salary-tables/csv'

import { createUser, seedDemo } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'
import { apiClient } from '../helpers/rest'

let payload: Payload
let config: SanitizedConfig
let api: ReturnType<typeof apiClient>
let table: SalaryTable
let editor: string
let author: string

beforeAll(async () => {
  ;({ payload, config } = await bootPayload())
  await seedDemo(payload)
  api = apiClient(config)
  table = (await payload.find({ collection: 'salary-tables', limit: 1, depth: 0 })).docs[0]
  const editorUser = await createUser(payload, 'editor')
  const authorUser = await createUser(payload, 'author')
  editor = await api.login(editorUser.email, editorUser.password)
  author = await api.login(authorUser.email, authorUser.password)
})

afterAll(async () => {
  await shutdown(payload)
})

// `as: null` is an anonymous visitor; by default the editor calls.
type Caller = { as?: string | null }
const tokenOf = ({ as }: Caller) => (as === undefined ? editor : (as ?? undefined))
const exportCsv = (caller: Caller = {}) =>
  api.rest<string>('GET', `/salary-tables/${table.id}/csv`, { token: tokenOf(caller) })
const importCsv = (csv: string, { dryRun = true, ...caller }: { dryRun?: boolean } & Caller = {}) =>
  api.rest('POST', `/salary-tables/${table.id}/import${dryRun ? '?dryRun=1' : ''}`, {
    body: { csv },
    token: tokenOf(caller),
  })
const current = async () =>
  (await payload.findByID({ collection: 'salary-tables', id: table.id, depth: 0 })) as SalaryTable
const versionCount = async () =>
  (await payload.countVersions({ collection: 'salary-tables', where: { parent: { equals: table.id } } })).totalDocs
const figuresOf = (doc: SalaryTable) =>
  doc.rows.map(({ role, tier, base, equity, bonus, total, source }) => ({
    role,
    tier,
    base,
    equity,
    bonus,
    total,
    source,
  }))

const HEADER = 'role,tier,base,equity,bonus,total,source'

describe('CSV parsing (RFC 4180)', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, and skips blank lines', () => {
    const records = parseCsv('a,"b, c","say ""hi"""\r\n\r\n"two\nlines",x,\n')
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b, c', 'say "hi"'] },
      { line: 3, cells: ['two\nlines', 'x', ''] },
    ])
  })

  it('serialises a table and reads it back to the same figures, formula-looking text included', async () => {
    const tricky = {
      rows: [
        {
          role: '=cmd()',
          tier: 'Big, "quoted" tier',
          base: 1,
          equity: 2,
          bonus: 3,
          total: 6,
          source: '-survey\nsecond line',
        },
      ],
    }
    const csv = salaryTableToCsv(tricky as never)
    expect(csv.startsWith(`${HEADER}\r\n`)).toBe(true)
    const { parseSalaryCsv } = await import('@/salary-tables/csv')
    expect(parseSalaryCsv(csv, () => true)).toEqual([
      { role: '=cmd()', tier: 'Big, "quoted" tier', base: 1, equity: 2, bonus: 3, source: '-survey\nsecond line' },
    ])
  })
})

describe('CSV export and import of a salary table', () => {
  it('exports the seed table: a header and its six rows, totals included', async () => {
    const { status, body } = await exportCsv()
    expect(status).toBe(200)
    const lines = body.trim().split('\r\n')
    expect(lines[0]).toBe(HEADER)
    expect(lines).toHaveLength(7)
    expect(lines).toContain('AI Engineer,FAANG+ (L5-L7),165000,35000,10000,210000,Levels.fyi (2023)')
  })

  it('round-trips: importing the exported file shows no changes and applying it writes nothing', async () => {
    const before = await current()
    const versions = await versionCount()
    const { body: csv } = await exportCsv()

    const dry = await importCsv(csv)
    expect(dry.status).toBe(200)
    expect(dry.body.diff).toEqual({ added: [], removed: [], changed: [], reordered: false })

    const applied = await importCsv(csv, { dryRun: false })
    expect(applied.status).toBe(200)
    expect(applied.body.applied).toBe(false)
    const after = await current()
    expect(figuresOf(after)).toEqual(figuresOf(before))
    expect(after.updatedAt).toBe(before.updatedAt)
    expect(await versionCount()).toBe(versions)
  })

  it.each([
    [
      'a negative amount',
      `${HEADER}\nAI Engineer,FAANG+,1000,0,0,1000,x\nML Engineer,FAANG+,-5,0,0,0,x\n`,
      'line 3, column base: An amount cannot be negative.',
    ],
    [
      'a non-integer amount',
      `${HEADER}\r\nAI Engineer,FAANG+,1000,10.5,0,0,x\r\n`,
      'line 2, column equity: Enter a whole amount, without cents.',
    ],
    ['text for an amount', `${HEADER}\nAI Engineer,FAANG+,1000,0,lots,0,x\n`, 'line 2, column bonus: Enter a number.'],
    [
      'a missing amount',
      `${HEADER}\nAI Engineer,FAANG+,,0,0,0,x\n`,
      'line 2, column base: Enter an amount (0 if there is none).',
    ],
    [
      'a missing source',
      `${HEADER}\nAI Engineer,FAANG+,1000,0,0,1000,x\nML Engineer,FAANG+,1000,0,0,1000,  \n`,
      'line 3, column source: This field is required.',
    ],
    [
      'a duplicate role and tier',
      `${HEADER}\nAI Engineer,FAANG+,1000,0,0,1000,x\nML Engineer,FAANG+,1000,0,0,1000,x\nai engineer, FAANG+ ,2000,0,0,2000,y\n`,
      'line 4, column tier: ai engineer · FAANG+ is already on line 2: each role and tier may appear once.',
    ],
    [
      'a wrong header',
      'role,tier,salary,equity,bonus,total,source\nAI Engineer,FAANG+,1000,0,0,1000,x\n',
      'line 1, column salary: unknown column; the header must be role,tier,base,equity,bonus,total,source.',
    ],
    [
      'a missing column',
      'role,tier,base,equity,total,source\nAI Engineer,FAANG+,1000,0,1000,x\n',
      'line 1, column bonus: missing from the header; it must be role,tier,base,equity,bonus,total,source.',
    ],
    [
      'an unterminated quote',
      `${HEADER}\nAI Engineer,FAANG+,1000,0,0,1000,x\n"ML Engineer,FAANG+,1000,0,0,1000,x\n`,
      'line 3: a quoted cell is never closed (missing ").',
    ],
    ['a short row', `${HEADER}\nAI Engineer,FAANG+,1000,0,0\n`, 'line 2: expected 7 cells, found 5.'],
    ['no rows', `${HEADER}\n`, 'line 2: a salary table needs at least one row.'],
  ])('refuses %s, naming the line and column, and changes nothing', async (_, csv, message) => {
    const before = await current()
    for (const dryRun of [true, false]) {
      const { status, body } = await importCsv(csv, { dryRun })
      expect(status).toBe(400)
      expect(body.errors[0].message).toBe(message)
    }
    expect(figuresOf(await current())).toEqual(figuresOf(before))
  })

  it('refuses authors and anonymous visitors, for export and import alike', async () => {
    const { body: csv } = await exportCsv()
    const changed = csv.replace('AI Engineer,Unicorn Startups,140000', 'AI Engineer,Unicorn Startups,1')
    for (const as of [author, null]) {
      expect((await exportCsv({ as })).status).toBe(403)
      expect((await importCsv(changed, { as })).status).toBe(403)
      expect((await importCsv(changed, { as, dryRun: false })).status).toBe(403)
    }
    const row = (await current()).rows.find(
      (candidate) => candidate.tier === 'Unicorn Startups' && candidate.role === 'AI Engineer',
    )
    expect(row?.base).toBe(140_000)
  })

  it('shows a changed file as added, changed and removed rows, and applies it only when confirmed, as the editor', async () => {
    const { body: csv } = await exportCsv()
    const edited = csv
      .replace(
        'AI Engineer,Unicorn Startups,140000,30000,10000,180000',
        'AI Engineer,Unicorn Startups,150000,30000,10000,999',
      )
      .replace(/ML Engineer,Non-Tech Enterprises,[^\r]*\r\n/, '')
      .concat('Data Engineer,FAANG+ (L5-L7),150000,20000,10000,,"Levels.fyi, 2024"\r\n')

    const dry = await importCsv(edited)
    expect(dry.status).toBe(200)
    expect(dry.body.applied).toBe(false)
    expect(dry.body.diff.changed).toEqual([
      {
        role: 'AI Engineer',
        tier: 'Unicorn Startups',
        changes: [
          { field: 'base', from: 140_000, to: 150_000 },
          { field: 'total', from: 180_000, to: 190_000 },
        ],
      },
    ])
    expect(dry.body.diff.added).toEqual([
      {
        role: 'Data Engineer',
        tier: 'FAANG+ (L5-L7)',
        base: 150_000,
        equity: 20_000,
        bonus: 10_000,
        source: 'Levels.fyi, 2024',
      },
    ])
    expect(dry.body.diff.removed.map((row: { role: string; tier: string }) => `${row.role} · ${row.tier}`)).toEqual([
      'ML Engineer · Non-Tech Enterprises',
    ])
    // The dry run wrote nothing.
    expect((await current()).rows).toHaveLength(6)

    const applied = await importCsv(edited, { dryRun: false })
    expect(applied.status).toBe(200)
    expect(applied.body.applied).toBe(true)
    const after = await current()
    expect(after._status).toBe('published')
    expect(after.rows.map((row) => `${row.role} · ${row.tier} = ${row.total}`)).toEqual([
      'AI Engineer · FAANG+ (L5-L7) = 210000',
      'AI Engineer · Unicorn Startups = 190000',
      'AI Engineer · Non-Tech Enterprises = 150000',
      'ML Engineer · FAANG+ (L5-L7) = 172000',
      'ML Engineer · Unicorn Startups = 155000',
      'Data Engineer · FAANG+ (L5-L7) = 180000',
    ])
    // Unchanged rows keep their ids, and the import is a published version of its own ("What changed" reads those).
    expect(after.rows[0].id).toBe(table.rows[0].id)
    const { docs } = await payload.findVersions({
      collection: 'salary-tables',
      where: { parent: { equals: table.id } },
      sort: '-updatedAt',
      limit: 1,
    })
    expect(docs[0].version._status).toBe('published')
    expect(
      docs[0].version.rows.find((row) => row.role === 'AI Engineer' && row.tier === 'Unicorn Startups')?.base,
    ).toBe(150_000)

    // Importing the original file restores the table.
    await importCsv(csv, { dryRun: false })
    expect(figuresOf(await current()).map((row) => row.total)).toEqual(table.rows.map((row) => row.total))
  })
})
