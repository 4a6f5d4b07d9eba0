import type { MigrateUpArgs } from '@payloadcms/db-mongodb'

// MongoDB needs no schema migrations: Payload creates collections and indexes on connect.
// Data migrations for MongoDB go here, listed in order.
export const migrations: {
  name: string
  up: (args: MigrateUpArgs) => Promise<void>
  down: (args: MigrateUpArgs) => Promise<void>
}[] = []
