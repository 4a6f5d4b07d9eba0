import { runScript } from '../../../src/scripts/runScript'
import { WORKER_ADMINS, workerAdminEmail } from '../workerAdmin.mjs'

/**
 * An admin account per Playwright worker (tests/e2e/workerAdmin.mjs), beside the seeded one, on
 * the end-to-end server's database: Payload keeps a user's sessions in the user's document, and two
 * sign-ins of one account at the same moment keep only one of them, so workers never share one.
 */
await runScript(async (payload) => {
  const password = process.env.ADMIN_PASSWORD
  if (!password) throw new Error('ADMIN_PASSWORD is not set')
  for (let index = 0; index < WORKER_ADMINS; index++) {
    const email = workerAdminEmail(index)
    const { totalDocs } = await payload.count({ collection: 'users', where: { email: { equals: email } } })
    if (totalDocs) continue
    await payload.create({
      collection: 'users',
      data: { email, password, name: 'Valenx Admin', role: 'admin' },
      overrideAccess: true,
      context: { disableRevalidate: true },
    })
  }
})
