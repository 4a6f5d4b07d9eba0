import fs from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { migrations as mongoMigrations } from '../../migrations/mongodb'
import { migrations as sqliteMigrations } from '../../migrations/sqlite'
import { databaseUri, isMongoUri, projectRoot } from './env'
import { withQueuedSqliteTransactions } from './sqliteTransactions'

/** libsql opens `file:` URLs but does not create their folder. */
function ensureSqliteFolder(uri: string): void {
  if (!uri.startsWith('file:')) return
  const file = uri.slice('file:'.length).split('?')[0]
  fs.mkdirSync(path.dirname(path.resolve(projectRoot, file)), { recursive: true })
}

/**
 * One variable picks the adapter: a `mongodb://` or `mongodb+srv://` DATABASE_URI selects MongoDB,
 * anything else is an SQLite file. Both keep string ids, so no code depends on the choice.
 */
export function databaseAdapter(): DatabaseAdapterObj {
  const uri = databaseUri()
  if (isMongoUri(uri)) {
    return mongooseAdapter({
      url: uri,
      migrationDir: path.resolve(projectRoot, 'migrations/mongodb'),
      prodMigrations: mongoMigrations,
    })
  }
  ensureSqliteFolder(uri)
  return withQueuedSqliteTransactions(
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
  )
}
