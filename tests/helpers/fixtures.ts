import type { Payload } from 'payload'

import { seed } from '@/seed'

export const ADMIN = { email: 'admin@test.valenx', password: 'admin-password-123' }

/** Seeds the demo content, as `npm start` does on an empty database. */
export async function seedDemo(payload: Payload) {
  return seed(payload, { adminEmail: ADMIN.email, adminPassword: ADMIN.password, log: () => undefined })
}

export async function createUser(payload: Payload, role: 'admin' | 'editor' | 'author', email = `${role}@test.valenx`) {
  const password = `${role}-password-123`
  const user = await payload.create({ collection: 'users', data: { email, password, name: `Test ${role}`, role }, overrideAccess: true })
  return { user, email, password }
}

export const SEED_SLUG = 'ai-engineer-vs-ml-engineer'
