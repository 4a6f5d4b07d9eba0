#!/usr/bin/env node
// `npm start`: one command from a fresh clone to a running site. It migrates the database, seeds the
// demo content into an empty one, builds when the sources changed (the build reads no database:
// scripts/build.mjs), and serves the production server.
//   --dev          run `next dev` instead of a production build
import fs from 'node:fs'
import path from 'node:path'

import nextEnv from '@next/env'

import { dataDir, randomSecret, readLocalSecrets, writeLocalSecrets } from '../src/config/localSecrets.mjs'
import { waitForHttp } from './lib/http.mjs'
import { bin, root, serveInForeground } from './lib/process.mjs'
import { buildSite, prepareDatabase, serverCommand, sourceStamp, STAMP_FILE } from './lib/site.mjs'

// The same .env files Next reads, so this script and the server agree on every setting.
nextEnv.loadEnvConfig(root, process.argv.includes('--dev'))

const mode = process.argv.includes('--dev') ? 'dev' : 'start'
const port = process.env.PORT || '3000'
const databaseUri = process.env.DATABASE_URI?.trim() || 'file:./data/valenx.db'
const isMongo = /^mongodb(\+srv)?:\/\//.test(databaseUri)

function resolveSecrets() {
  const stored = readLocalSecrets()
  const generated = {}
  let payloadSecret = process.env.PAYLOAD_SECRET?.trim()
  if (!payloadSecret) {
    if (isMongo && process.env.NODE_ENV === 'production') {
      console.error(
        'Refusing to start: PAYLOAD_SECRET must be set when NODE_ENV=production and DATABASE_URI is a MongoDB URL.',
      )
      process.exit(1)
    }
    payloadSecret = stored.payloadSecret || (generated.payloadSecret = randomSecret())
  }
  const adminEmail =
    process.env.ADMIN_EMAIL?.trim() || stored.adminEmail || (generated.adminEmail = 'admin@valenx.local')
  const adminPassword =
    process.env.ADMIN_PASSWORD || stored.adminPassword || (generated.adminPassword = randomSecret(18))
  if (Object.keys(generated).length) writeLocalSecrets(generated)
  return { payloadSecret, adminEmail, adminPassword, passwordWasGenerated: Boolean(generated.adminPassword) }
}

const secrets = resolveSecrets()
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  PORT: port,
  DATABASE_URI: databaseUri,
  PAYLOAD_SECRET: secrets.payloadSecret,
  ADMIN_EMAIL: secrets.adminEmail,
  ADMIN_PASSWORD: secrets.adminPassword,
}
if (!isMongo) fs.mkdirSync(dataDir(), { recursive: true })

console.log(`Database: ${isMongo ? 'MongoDB' : databaseUri}`)
const prepared = await prepareDatabase({ ...env, NODE_OPTIONS: '--no-deprecation' }, { output: 'tee' })
if (!/prepared: seeded=(\d+)/.test(prepared))
  throw new Error('Preparing the database stopped before it finished; run `npm start` again.')

function loginHelp() {
  const site = process.env.NEXT_PUBLIC_SERVER_URL || `http://localhost:${port}`
  const lines = [
    ``,
    `  Valenx Press is running`,
    `  Site:   ${site}/`,
    `  Admin:  ${site}/admin`,
    `  Login:  ${secrets.adminEmail}`,
  ]
  if (process.env.ADMIN_PASSWORD) lines.push('  Password: the ADMIN_PASSWORD you set')
  else if (secrets.passwordWasGenerated)
    lines.push(
      `  Password: ${secrets.adminPassword}   (generated now, shown once; kept in ${path.relative(root, path.join(dataDir(), 'secrets.json'))})`,
    )
  else
    lines.push(`  Password: in ${path.relative(root, path.join(dataDir(), 'secrets.json'))} (generated on first start)`)
  return lines.join('\n') + '\n'
}

function serve(command, args) {
  const child = serveInForeground(command, args, { env })
  // The first request to `next dev` compiles the page: it may take minutes on a busy machine.
  waitForHttp(`http://127.0.0.1:${port}/`, { timeoutMs: 300_000, requestTimeoutMs: 300_000, child }).then(
    () => console.log(loginHelp()),
    (error) => console.error(error.message),
  )
}

if (mode === 'dev') {
  serve(bin('next'), ['dev', '-p', port])
} else {
  const distDir = path.join(root, process.env.NEXT_DIST_DIR || '.next')
  const stampFile = path.join(distDir, STAMP_FILE)
  const stamp = sourceStamp()
  const current =
    fs.existsSync(path.join(distDir, 'BUILD_ID')) &&
    fs.existsSync(stampFile) &&
    fs.readFileSync(stampFile, 'utf8') === stamp
  // The build holds no content (pages render on their first request), so only the sources decide.
  if (!current) {
    console.log('Building the production app (1–2 minutes)…')
    await buildSite(env, path.relative(root, distDir))
    fs.writeFileSync(stampFile, stamp)
  } else {
    console.log('Production build is current.')
  }
  serve(...serverCommand(port))
}
