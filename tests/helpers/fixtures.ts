import type { Payload } from 'payload'

import type { Article } from '@payload-types'

import { seed } from '@/seed'

export const ADMIN = { email: 'admin@test.valenx', password: 'admin-password-123' }

/** Seeds the demo content, as `npm start` does on an empty database. */
export async function seedDemo(payload: Payload) {
  return seed(payload, { adminEmail: ADMIN.email, adminPassword: ADMIN.password, log: () => undefined })
}

export async function createUser(payload: Payload, role: 'admin' | 'editor' | 'author', email = `${role}@test.valenx`) {
  const password = `${role}-password-123`
  const user = await payload.create({
    collection: 'users',
    data: { email, password, name: `Test ${role}`, role },
    overrideAccess: true,
  })
  return { user, email, password }
}

export const SEED_SLUG = 'ai-engineer-vs-ml-engineer'

/** The seed article exactly as the article page reads it: anonymous, depth 2. */
export async function readSeedArticle(payload: Payload): Promise<Article> {
  const where = { slug: { equals: SEED_SLUG } }
  const { docs } = await payload.find({ collection: 'articles', where, depth: 2, overrideAccess: false })
  if (docs.length !== 1) throw new Error(`expected one published ${SEED_SLUG}, found ${docs.length}`)
  return docs[0]
}
