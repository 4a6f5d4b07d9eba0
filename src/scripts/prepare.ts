/**
 * Run by `npm start` before the server: applies pending migrations, then seeds the demo content
 * into a brand-new database (demo articles an editor deleted later stay deleted).
 * Its last line, `prepared: seeded=N`, tells the start script whether the content is new.
 */
import { isDatabaseEmpty, seed } from '@/seed'

import { runScript } from './runScript'

await runScript(async (payload) => {
  const migrations = (payload.db as { prodMigrations?: unknown[] }).prodMigrations
  await payload.db.migrate(migrations ? { migrations: migrations as never } : undefined)
  let created = 0
  if (await isDatabaseEmpty(payload)) {
    const adminEmail = process.env.ADMIN_EMAIL
    const adminPassword = process.env.ADMIN_PASSWORD
    if (!adminEmail || !adminPassword)
      throw new Error('ADMIN_EMAIL and ADMIN_PASSWORD are needed to create the first admin.')
    ;({ created } = await seed(payload, { adminEmail, adminPassword, log: (message) => console.log(message) }))
  }
  console.log(`prepared: seeded=${created}`)
})
