import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { expect, test } from '@playwright/test'

import { freePort, waitForHttp } from '../../scripts/lib/http.mjs'
import { runPayloadScript } from '../../scripts/lib/payload.mjs'
import { root, run, start, stop, type Started } from '../../scripts/lib/process.mjs'
import { prepareDatabase, siteEnv } from '../../scripts/lib/site.mjs'
import { simpleContent } from './api'

/**
 * Several instances on one database, as `npm run serve` runs them behind a load balancer: two real
 * servers (scripts/serve.mjs, each its own process) on one SQLite file and one copy of the build,
 * as on one machine. What an operator would notice otherwise: the second instance to start failing
 * on migrations the first already applied, or a scheduled article published twice.
 * Payload's own claim of a due job is a read followed by writes, so both instances could take it;
 * the claim takes a lock in the database (src/db/exclusive.ts, src/db/lock.ts).
 */
test.describe.configure({ timeout: 420_000 })

type Instance = { name: string; url: string; server: Started; output: () => string }

const sharedBuild = path.join(root, process.env.E2E_DIST_DIR || '.next-e2e')
const distDir = `.next-instances-${process.pid}`
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'valenx-instances-'))
const dbFile = path.join(dataDir, 'shared.db')
const admin = { email: 'instances-admin@valenx.local', password: `pw-${crypto.randomBytes(9).toString('base64url')}` }
const secret = crypto.randomBytes(24).toString('base64url')
const instances: Instance[] = []

async function startInstance(name: string): Promise<Instance> {
  const port = await freePort()
  const env = {
    ...siteEnv({ port, databaseUri: `file:${dbFile}`, dataDir, distDir }),
    PAYLOAD_SECRET: secret,
    // The other instance's renders would otherwise be the subject; this test is about the database.
    FRONT_CACHE_MB: '0',
    WARM_UP: '0',
  }
  const server = start(process.execPath, [path.join(root, 'scripts/serve.mjs')], { env, name, keepChars: Infinity })
  return { name, url: `http://127.0.0.1:${port}`, server, output: () => server.output ?? '' }
}

const healthy = (instance: Instance) =>
  waitForHttp(`${instance.url}/api/health`, {
    child: instance.server,
    timeoutMs: 240_000,
    intervalMs: 250,
    ready: (status) => status === 200,
  })

test.beforeAll(async () => {
  if (!fs.existsSync(path.join(sharedBuild, 'BUILD_ID'))) throw new Error(`No build in ${sharedBuild}`)
  fs.cpSync(sharedBuild, path.join(root, distDir), {
    recursive: true,
    verbatimSymlinks: true,
    filter: (source) => source !== path.join(sharedBuild, 'cache'),
  })
})

test.afterAll(async () => {
  await Promise.all(instances.map((instance) => stop(instance.server)))
  fs.rmSync(dataDir, { recursive: true, force: true })
  fs.rmSync(path.join(root, distDir), { recursive: true, force: true })
})

test('npm run serve refuses to start without a build, and says what to run', async () => {
  const failed = await run(process.execPath, [path.join(root, 'scripts/serve.mjs')], {
    env: { ...process.env, NEXT_DIST_DIR: '.next-there-is-no-such-build', PORT: String(await freePort()) },
    output: 'collect',
  }).catch((error: { exitCode: number; output: string }) => error)
  expect(typeof failed === 'object' && failed.exitCode).toBe(1)
  expect(typeof failed === 'object' && failed.output).toContain('run `npm run build` first')
})

test('two instances on one database: both start on an empty one, both serve it, a due job runs once', async () => {
  // Both at once on a database with nothing in it: each applies pending migrations on connecting.
  instances.push(await startInstance('instance A'), await startInstance('instance B'))
  const [a, b] = instances
  await Promise.all([healthy(a), healthy(b)])
  const applied = (instance: Instance) => instance.output().match(/Migrated: +\S+/g) ?? []
  const migrations = fs.readdirSync(path.join(root, 'migrations/sqlite')).filter((file) => /^\d.*\.ts$/.test(file))
  // Every migration applied exactly once, by whichever instance got the lock first.
  expect([...applied(a), ...applied(b)].sort()).toEqual(
    migrations.map((file) => `Migrated:  ${file.replace(/\.ts$/, '')}`).sort(),
  )

  // The demo content and the admin, as `npm start` seeds them, while both serve.
  const env = { ...siteEnv({ port: 0, databaseUri: `file:${dbFile}`, dataDir, distDir }), PAYLOAD_SECRET: secret }
  await prepareDatabase(
    { ...env, ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, SCRIPT_STARTUP_TIMEOUT_MS: '120000' },
    { output: 'collect', attempts: Infinity, forMs: 300_000, onRetry: () => undefined },
  ).catch((error: Error & { output?: string }) => {
    throw new Error(`${error.message}\n${error.output?.slice(-3000) ?? ''}`)
  })
  for (const instance of instances) {
    const page = await fetch(`${instance.url}/blog/ai-engineer-vs-ml-engineer`)
    expect(page.status, instance.name).toBe(200)
    expect(await page.text()).toContain('AI Engineer vs ML Engineer')
  }

  const login = await fetch(`${a.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  })
  expect(login.status).toBe(200)
  const auth = { authorization: `JWT ${(await login.json()).token}`, 'content-type': 'application/json' }
  const category = (await (await fetch(`${a.url}/api/categories?where[slug][equals]=comparisons&limit=1`)).json())
    .docs[0]
  const title = `Scheduled on two instances ${Date.now()}`
  const created = await fetch(`${b.url}/api/articles?draft=true`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({
      title,
      excerpt: 'Published once.',
      category: category.id,
      content: simpleContent('One publish, whichever instance runs it.'),
      _status: 'draft',
    }),
  })
  expect(created.status).toBe(201)
  const { doc } = (await created.json()) as { doc: { id: string; slug: string } }
  // Both instances have the index cached without it, as readers left them.
  for (const instance of instances) expect(await (await fetch(`${instance.url}/blog`)).text()).not.toContain(title)

  // What the admin's "Schedule publish" stores, due now.
  await runPayloadScript('tests/e2e/scripts/queue-scheduled-publish.ts', {
    env: { ...env, NODE_OPTIONS: '--no-deprecation', SCHEDULE_ARTICLE_ID: doc.id },
  })
  // Each instance's own runner ticks every 10 s; on top of that, both are asked to run due jobs at
  // the same moment, three times each, so their claims race.
  const runDue = (instance: Instance) =>
    fetch(`${instance.url}/api/payload-jobs/run?queue=default&limit=20`, { headers: auth }).then((r) => r.status)
  const statuses = await Promise.all([a, b, a, b, a, b].map(runDue))
  expect(statuses.every((status) => status === 200)).toBe(true)

  const published = async () => {
    const query = `where[parent][equals]=${doc.id}&where[version._status][equals]=published&depth=0&limit=10`
    return (await (await fetch(`${a.url}/api/articles/versions?${query}`, { headers: auth })).json()).totalDocs
  }
  await expect.poll(published, { timeout: 60_000, intervals: [500] }).toBe(1)
  // Later ticks of both runners find nothing left to run.
  await new Promise((resolve) => setTimeout(resolve, 12_000))
  expect(await published()).toBe(1)
  const ran = (instance: Instance) =>
    (instance.output().match(/Running (\d+) jobs\./g) ?? []).reduce((sum, line) => sum + Number(/\d+/.exec(line)), 0)
  expect(ran(a) + ran(b)).toBe(1)

  // The instance that ran it revalidated its own pages: its cached index lists the article now.
  const runner = ran(a) ? a : b
  expect(await (await fetch(`${runner.url}/blog`)).text()).toContain(title)
  const article = await fetch(`${runner.url}/blog/${doc.slug}`)
  expect(article.status).toBe(200)
})
