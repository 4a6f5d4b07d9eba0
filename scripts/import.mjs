#!/usr/bin/env node
// `npm run import -- [--user <email>] [--category <slug>] [--format markdown|html] [--dry-run] <file>…`:
// imports Markdown or HTML posts as draft articles (src/import/cli.ts), one summary line per file.
import path from 'node:path'

import nextEnv from '@next/env'

import { root, runPayloadScript } from './lib.mjs'

nextEnv.loadEnvConfig(root)
const args = process.argv.slice(2)
// npm runs scripts from the project folder; the files are named from where the command was typed.
const cwd = process.env.INIT_CWD || process.cwd()
const options = { files: [], cwd, user: process.env.ADMIN_EMAIL || 'admin@valenx.local', dryRun: false }
for (let index = 0; index < args.length; index++) {
  const arg = args[index]
  if (arg === '--dry-run') options.dryRun = true
  else if (['--user', '--category', '--format'].includes(arg) && args[index + 1]) options[arg.slice(2)] = args[++index]
  else if (arg.startsWith('--')) {
    console.error(
      `Unknown option ${arg}. Usage: npm run import -- [--user <email>] [--category <slug>] [--format markdown|html] [--dry-run] <file>…`,
    )
    process.exit(2)
  } else options.files.push(path.resolve(cwd, arg))
}
if (options.format && !['markdown', 'html'].includes(options.format)) {
  console.error(`Unknown format “${options.format}”: use markdown or html.`)
  process.exit(2)
}
const env = {
  ...process.env,
  NODE_OPTIONS: '--no-deprecation',
  NEXT_TELEMETRY_DISABLED: '1',
  VALENX_DISABLE_JOBS: '1',
  IMPORT_ARGS: JSON.stringify(options),
}
try {
  // Once: an import that stalled half-way would create its files' drafts a second time.
  await runPayloadScript('src/import/cli.ts', { env, attempts: 1 })
} catch (error) {
  console.error(error.message)
  process.exit(1)
}
