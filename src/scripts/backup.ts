/**
 * `npm run backup`: writes every document, version and uploaded file into BACKUP_DIR
 * (scripts/backup.mjs picks the folder). See src/db/backup/ for the format.
 */
import path from 'node:path'

import { writeBackup } from '@/db/backup'

import { runScript } from './runScript'

await runScript(async (payload) => {
  const dir = process.env.BACKUP_DIR
  if (!dir) throw new Error('BACKUP_DIR is not set (run `npm run backup`).')
  const manifest = await writeBackup(payload, path.resolve(dir))
  const documents = Object.values(manifest.collections).reduce((sum, c) => sum + c.documents, 0)
  const versions = Object.values(manifest.collections).reduce((sum, c) => sum + c.versions, 0)
  const files = Object.values(manifest.uploads).reduce((sum, u) => sum + u.files, 0)
  console.log(`backup: ${documents} documents, ${versions} versions, ${files} files in ${dir}`)
})
