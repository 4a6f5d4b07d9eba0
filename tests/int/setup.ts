import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * Every test file gets a database of its own, created here before the Payload config is loaded:
 * a fresh SQLite file in a temporary folder, or, for `npm run test:mongo`, a fresh database on the
 * MongoDB server named by TEST_MONGODB_URI. The user's own database is never touched.
 */
const runId = crypto.randomBytes(4).toString('hex')
const mongoUri = process.env.TEST_MONGODB_URI
if (mongoUri) {
  const url = new URL(mongoUri)
  url.pathname = `/valenx_test_${runId}`
  process.env.DATABASE_URI = url.toString()
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'valenx-int-'))
  process.env.DATABASE_URI = `file:${path.join(dir, 'test.db')}`
  process.env.DATA_DIR = dir
}
process.env.PAYLOAD_SECRET = `test-${runId}-${crypto.randomBytes(16).toString('hex')}`
process.env.VALENX_DISABLE_JOBS = '1'
process.env.NEXT_TELEMETRY_DISABLED = '1'
