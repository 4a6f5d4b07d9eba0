import { ADMIN, seedDemo } from './fixtures'
import { bootPayload } from './payload'
import { apiClient } from './rest'

/** The usual start of an integration test file: Payload on a fresh database, the demo content, and an admin's token. */
export async function bootDemo() {
  const { payload, config } = await bootPayload()
  const api = apiClient(config)
  await seedDemo(payload)
  const adminToken = await api.login(ADMIN.email, ADMIN.password)
  return { payload, config, api, adminToken }
}
