/** A portable export of all content, and its restore: see format.ts for the folder's layout. */
export { writeBackup } from './export'
export type { CollectionExport, GlobalExport, Manifest } from './format'
export { BACKUP_FORMAT, BACKUP_FORMAT_VERSION } from './format'
export { remapIds, restoreBackup, type RestoreOptions } from './restore'
