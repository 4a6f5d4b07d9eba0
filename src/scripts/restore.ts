/**
 * `npm run restore -- <dir>`: applies the migrations, then loads a backup into the (empty) database
 * named by DATABASE_URI. See src/db/backup/.
 */
import path from 'node:path'

import { restoreBackup } from '@/db/backup'

import { runScript } from './runScript'

await runScript(async (payload) => {
  const dir = process.env.RESTORE_DIR
  if (!dir) throw new Error('RESTORE_DIR is not set (run `npm run restore -- <dir>`).')
  const migrations = (payload.db as { prodMigrations?: unknown[] }).prodMigrations
  await payload.db.migrate(migrations ? { migrations: migrations as never } : undefined)
  const manifest = await restoreBackup(payload, path.resolve(dir), {
    newIds: process.env.RESTORE_NEW_IDS === '1',
    log: (message) => console.log(message),
  })
  console.log(
    `restored: the backup of ${manifest.createdAt} (Payload ${manifest.payloadVersion}, from ${manifest.sourceAdapter})`,
  )
})
