/**
 * `npm run seed`: creates the admin account and the demo content where they are missing.
 * The admin's credentials come from ADMIN_EMAIL / ADMIN_PASSWORD, or from the ones `npm start`
 * generated into the local secrets file.
 */
import { readLocalSecrets } from '@/config/env'
import { runScript } from '@/scripts/runScript'

import { seed } from './index'

await runScript(async (payload) => {
  const secrets = readLocalSecrets()
  const adminEmail = process.env.ADMIN_EMAIL || secrets.adminEmail
  const adminPassword = process.env.ADMIN_PASSWORD || secrets.adminPassword
  if (!adminEmail || !adminPassword) {
    throw new Error('Set ADMIN_EMAIL and ADMIN_PASSWORD (or run `npm start`, which generates them) before seeding.')
  }
  await seed(payload, { adminEmail, adminPassword, log: (message) => console.log(message) })
})
