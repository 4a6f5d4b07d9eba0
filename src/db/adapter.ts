import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { migrations as mongoMigrations } from '../../migrations/mongodb'
import { migrations as sqliteMigrations } from '../../migrations/sqlite'
import { withAfterCommit } from './afterCommit'
import { guardDatabaseFile } from './databaseFile'
import { withExclusiveMigrationsAndJobClaims } from './exclusive'
import { databaseUri, isBuildPhase, isMongoUri, projectRoot } from '@/config/env'
import { withQueuedSqliteTransactions } from './sqliteTransactions'

/** The SQLite file a `file:` URL names, or undefined (in-memory, remote libsql). */
function sqliteFile(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined
  const file = uri.startsWith('file://') ? fileURLToPath(uri.split('?')[0]) : uri.slice('file:'.length).split('?')[0]
  if (!file || file === ':memory:') return undefined
  return path.resolve(projectRoot, file)
}

/**
 * One variable picks the adapter: a `mongodb://` or `mongodb+srv://` DATABASE_URI selects MongoDB,
 * anything else is an SQLite file. Both keep string ids, so no code depends on the choice.
 */
export function databaseAdapter(): DatabaseAdapterObj {
  const uri = databaseUri()
  if (isMongoUri(uri)) {
    // Revalidation waits for the save's commit on both adapters (src/db/afterCommit.ts); migrations
    // and job claims happen in one process at a time (./exclusive.ts).
    return withExclusiveMigrationsAndJobClaims(
      withAfterCommit(
        mongooseAdapter({
          url: uri,
          migrationDir: path.resolve(projectRoot, 'migrations/mongodb'),
          prodMigrations: mongoMigrations,
        }),
      ),
    )
  }
  const file = sqliteFile(uri)
  // libsql opens `file:` URLs but does not create their folder (the build opens none).
  if (file && !isBuildPhase()) fs.mkdirSync(path.dirname(file), { recursive: true })
  const adapter = withExclusiveMigrationsAndJobClaims(
    withAfterCommit(
      withQueuedSqliteTransactions(
        sqliteAdapter({
          client: { url: uri },
          idType: 'uuid',
          // Schema changes go through committed migrations only, on every machine.
          push: false,
          migrationDir: path.resolve(projectRoot, 'migrations/sqlite'),
          prodMigrations: sqliteMigrations,
          // Readers and the editor's saves share one file: WAL lets reads go on during a write.
          wal: true,
          busyTimeout: 5000,
          // A save (row, relations, arrays, version) is one transaction: it lands whole or not at all.
          // The wrapper makes them work on libsql; see sqliteTransactions.ts.
          transactionOptions: {},
          // Every SQL statement on the console, for finding slow queries.
          logger: process.env.DRIZZLE_LOG === '1',
        }),
      ),
    ),
  )
  return file ? guardDatabaseFile(adapter, file) : adapter
}
