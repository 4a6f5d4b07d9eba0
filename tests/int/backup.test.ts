import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CollectionExport, GlobalExport, Manifest } from '@/db/backup'

import { run, type RunError } from '../../scripts/lib/process.mjs'
import { bootDemo } from '../helpers/demo'
import { shutdown } from '../helpers/payload'

/**
 * `npm run backup` and `npm run restore` as an operator runs them: child processes against real
 * databases. The demo database (this file's own, see setup.ts) gets drafts, a published change and
 * an upload; it is backed up, restored into a second, new database, and that one backed up again:
 * the two exports must hold the same documents, versions and file bytes.
 */
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'valenx-backup-'))
const isMongo = Boolean(process.env.TEST_MONGODB_URI)

function targetDatabase(): { DATABASE_URI: string; DATA_DIR: string } {
  const dataDir = path.join(work, 'restored')
  if (!isMongo) return { DATABASE_URI: `file:${path.join(dataDir, 'restored.db')}`, DATA_DIR: dataDir }
  const url = new URL(process.env.DATABASE_URI!)
  url.pathname = `${url.pathname}_restored`
  return { DATABASE_URI: url.toString(), DATA_DIR: dataDir }
}

/**
 * The scripts run as an operator runs them: without Vitest's variables, with which Payload imports
 * modules the way Vitest needs (and `payload run` stalls).
 */
function operatorEnv(extra: Record<string, string>): Record<string, string | undefined> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV'),
  )
  // A stalled start-up is stopped and tried again after 2 minutes instead of 5 (src/scripts/runScript.ts).
  return { ...env, SCRIPT_TIMEOUT_MS: '120000', ...extra }
}

async function npmScript(script: 'backup' | 'restore', args: string[], env: Record<string, string> = {}) {
  const options = { env: operatorEnv(env) as NodeJS.ProcessEnv, output: 'collect' as const }
  try {
    const output = await run(process.execPath, [`scripts/${script}.mjs`, ...args], options)
    return { code: 0, output }
  } catch (error) {
    const { exitCode, output } = error as RunError
    return { code: exitCode ?? null, output }
  }
}

const readJson = <T>(file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as T

/** MongoDB gives restored versions and globals ids of their own (see src/db/backup/restore.ts); SQLite keeps them. */
function comparable(exported: CollectionExport | GlobalExport) {
  if (!isMongo) return exported
  if ('document' in exported && exported.document)
    exported = { ...exported, document: { ...exported.document, id: undefined } }
  const versions = exported.versions
    .map(({ id: _id, ...rest }) => rest)
    .sort((a, b) => `${a.parent}${a.createdAt}${a.updatedAt}`.localeCompare(`${b.parent}${b.createdAt}${b.updatedAt}`))
  return { ...exported, versions }
}

let payload: Payload
const original = path.join(work, 'original')
const roundTrip = path.join(work, 'round-trip')
const target = targetDatabase()
let mediaFile: string
let draftQuestion: string

beforeAll(async () => {
  ;({ payload } = await bootDemo())
  const context = { disableRevalidate: true }

  // An upload, with its generated sizes.
  const png = await sharp({ create: { width: 320, height: 200, channels: 3, background: { r: 30, g: 90, b: 160 } } })
    .png()
    .toBuffer()
  const media = await payload.create({
    collection: 'media',
    data: { alt: 'A blue rectangle', caption: 'Backed up' },
    file: { data: png, mimetype: 'image/png', name: 'backup-blue.png', size: png.length },
    context,
  })
  mediaFile = media.filename!

  // A published change and a draft on top of it: the FAQ's document stays published, its latest version is the draft.
  const faq = (await payload.find({ collection: 'faqs', limit: 1, depth: 0 })).docs[0]
  await payload.update({
    collection: 'faqs',
    id: faq.id,
    data: { question: `${faq.question} (published edit)` },
    context,
  })
  draftQuestion = `${faq.question} (draft edit)`
  await payload.update({ collection: 'faqs', id: faq.id, data: { question: draftQuestion }, draft: true, context })

  // A salary-table draft with a changed figure, and a brand-new draft-only article.
  const table = (await payload.find({ collection: 'salary-tables', limit: 1, depth: 0 })).docs[0]
  await payload.update({
    collection: 'salary-tables',
    id: table.id,
    data: { rows: table.rows.map((row, index) => (index === 0 ? { ...row, base: row.base + 1234 } : row)) },
    draft: true,
    context,
  })
  await payload.create({
    collection: 'articles',
    data: { title: 'Backup draft article', slug: 'backup-draft-article', excerpt: 'Only a draft.', _status: 'draft' },
    draft: true,
    context,
  })
  await payload.updateGlobal({
    slug: 'site',
    data: { siteName: 'Valenx Press', tagline: 'Backed up and restored' },
    context,
  })
}, 180_000)

afterAll(async () => {
  await shutdown(payload)
  fs.rmSync(work, { recursive: true, force: true })
})

describe('npm run backup / npm run restore', () => {
  it(
    'exports every document and version the database holds, hidden fields and files included',
    { timeout: 300_000 },
    async () => {
      const backup = await npmScript('backup', ['--out', original])
      expect(backup.code, backup.output).toBe(0)
      const manifest = readJson<Manifest>(path.join(original, 'manifest.json'))
      expect(manifest).toMatchObject({
        format: 'valenx-press-backup',
        payloadVersion: '3.90.1',
        sourceAdapter: payload.db.name,
      })

      for (const slug of ['articles', 'salary-tables', 'faqs', 'categories', 'media', 'users', 'search'] as const) {
        const { totalDocs } = await payload.db.count({ collection: slug })
        expect(manifest.collections[slug].documents, slug).toBe(totalDocs)
        expect(totalDocs, slug).toBeGreaterThan(0)
        if (payload.collections[slug].config.versions) {
          const versions = await payload.db.countVersions({ collection: slug })
          expect(manifest.collections[slug].versions, slug).toBe(versions.totalDocs)
        }
      }
      expect(manifest.globals.site.document).toBe(true)

      const faqs = readJson<CollectionExport>(path.join(original, 'collections', 'faqs.json'))
      expect(
        faqs.versions.some((v) => v.version.question === draftQuestion && v.version._status === 'draft' && v.latest),
      ).toBe(true)
      const users = readJson<CollectionExport>(path.join(original, 'collections', 'users.json'))
      expect(users.documents[0]).toEqual(
        expect.objectContaining({ hash: expect.any(String), salt: expect.any(String) }),
      )
      expect(fs.readFileSync(path.join(original, 'uploads', 'media', mediaFile))).toEqual(
        fs.readFileSync(path.join(process.env.DATA_DIR ?? 'data', 'media', mediaFile)),
      )
    },
  )

  it(
    'restores into a new database; a backup of that one holds exactly the same content',
    { timeout: 600_000 },
    async () => {
      const restore = await npmScript('restore', [original], target)
      expect(restore.code, restore.output).toBe(0)
      const again = await npmScript('backup', ['--out', roundTrip], target)
      expect(again.code, again.output).toBe(0)

      const before = readJson<Manifest>(path.join(original, 'manifest.json'))
      const after = readJson<Manifest>(path.join(roundTrip, 'manifest.json'))
      expect({ ...after, createdAt: null }).toEqual({ ...before, createdAt: null })

      let documents = 0
      let versions = 0
      for (const slug of Object.keys(before.collections)) {
        const a = readJson<CollectionExport>(path.join(original, 'collections', `${slug}.json`))
        const b = readJson<CollectionExport>(path.join(roundTrip, 'collections', `${slug}.json`))
        expect(comparable(b), slug).toEqual(comparable(a))
        documents += a.documents.length
        versions += a.versions.length
      }
      for (const slug of Object.keys(before.globals)) {
        const a = readJson<GlobalExport>(path.join(original, 'globals', `${slug}.json`))
        const b = readJson<GlobalExport>(path.join(roundTrip, 'globals', `${slug}.json`))
        expect(comparable(b), slug).toEqual(comparable(a))
      }
      console.log(`backup round trip: ${documents} documents and ${versions} versions identical`)

      const uploaded = path.join(target.DATA_DIR, 'media', mediaFile)
      expect(fs.readFileSync(uploaded)).toEqual(fs.readFileSync(path.join(original, 'uploads', 'media', mediaFile)))
    },
  )

  it('refuses to restore into a database that already has content', { timeout: 180_000 }, async () => {
    const restore = await npmScript('restore', [original], target)
    expect(restore.code).not.toBe(0)
    expect(restore.output).toMatch(/Refusing to restore: the database is not empty/)
  })

  it(
    'with --new-ids, every document gets a new id and every reference follows (what a SQLite backup needs on MongoDB)',
    { timeout: 600_000 },
    async ({ skip }) => {
      const renamed = {
        DATABASE_URI: `file:${path.join(work, 'renamed', 'renamed.db')}`,
        DATA_DIR: path.join(work, 'renamed'),
      }
      if (isMongo) return skip('a SQLite file is restored here; on MongoDB ids are kept')
      const restore = await npmScript('restore', [original, '--new-ids'], renamed)
      expect(restore.code, restore.output).toBe(0)
      const exported = path.join(work, 'renamed-export')
      const again = await npmScript('backup', ['--out', exported], renamed)
      expect(again.code, again.output).toBe(0)

      const before = readJson<Manifest>(path.join(original, 'manifest.json'))
      const after = readJson<Manifest>(path.join(exported, 'manifest.json'))
      expect(after.collections).toEqual(before.collections)
      const load = (dir: string, slug: string) =>
        readJson<CollectionExport>(path.join(dir, 'collections', `${slug}.json`))
      const oldIds = Object.keys(before.collections).flatMap((slug) =>
        load(original, slug).documents.map((doc) => String(doc.id)),
      )
      const everything = Object.keys(after.collections)
        .map((slug) => JSON.stringify(load(exported, slug)))
        .join('\n')
      expect(oldIds.filter((id) => everything.includes(id))).toEqual([])

      const ids = (slug: string) => new Set(load(exported, slug).documents.map((doc) => doc.id))
      const [articles, categories, tables, faqs] = [
        ids('articles'),
        ids('categories'),
        ids('salary-tables'),
        ids('faqs'),
      ]
      for (const article of load(exported, 'articles').documents) {
        if (article.category) expect(categories.has(article.category as string)).toBe(true)
        for (const table of (article.salaryTables as string[] | undefined) ?? []) expect(tables.has(table)).toBe(true)
      }
      for (const [slug, parents] of [
        ['articles', articles],
        ['faqs', faqs],
        ['salary-tables', tables],
      ] as const) {
        for (const version of load(exported, slug).versions)
          expect(parents.has(version.parent as string), slug).toBe(true)
      }
      // Ids inside rich text follow too: the seed article's figures name the salary table.
      const seedArticle = load(exported, 'articles').documents.find((doc) => doc.slug === 'ai-engineer-vs-ml-engineer')
      const named = [...JSON.stringify(seedArticle?.content).matchAll(/"table":"([^"]+)"/g)].map((match) => match[1])
      expect(named.length).toBeGreaterThan(0)
      expect(named.every((id) => tables.has(id))).toBe(true)
    },
  )
})
