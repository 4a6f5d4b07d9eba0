import type { Payload, SanitizedConfig } from 'payload'

export type TestContext = { payload: Payload; config: SanitizedConfig }

/**
 * Boots the real Payload on this file's fresh database (see tests/int/setup.ts) and applies the
 * committed migrations, exactly as `npm start` does.
 */
export async function bootPayload(): Promise<TestContext> {
  const [{ default: configPromise }, { getPayload }] = await Promise.all([import('@payload-config'), import('payload')])
  const config = await configPromise
  const payload = await getPayload({ config })
  const migrations = (payload.db as { prodMigrations?: unknown[] }).prodMigrations
  await payload.db.migrate(migrations ? { migrations: migrations as never } : undefined)
  return { payload, config }
}

export async function shutdown(payload: Payload | undefined): Promise<void> {
  if (!payload) return
  if (process.env.TEST_MONGODB_URI) await payload.db.dropDatabase?.({ adapter: payload.db } as never)
  await payload.destroy()
}
