#!/usr/bin/env node
// `npm run test:mongo`: the integration suite against a real MongoDB server, for machines that have
// one (`docker compose up -d mongo`). Each test file gets a fresh database on that server, dropped after.
import { bin, run } from './lib/process.mjs'

const uri =
  process.env.TEST_MONGODB_URI || process.env.DATABASE_URI || 'mongodb://127.0.0.1:27017/?directConnection=true'
if (!/^mongodb(\+srv)?:\/\//.test(uri)) {
  console.error(`test:mongo needs a MongoDB URL in TEST_MONGODB_URI or DATABASE_URI (got "${uri}").`)
  process.exit(1)
}
console.log(`Integration tests against ${uri.replace(/\/\/[^@]*@/, '//***@')}`)
await run(bin('vitest'), ['run', '--config', 'vitest.config.mts'], {
  env: { ...process.env, TEST_MONGODB_URI: uri, NEXT_TELEMETRY_DISABLED: '1' },
}).catch(() => process.exit(1))
