import fs from 'node:fs'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createUser } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'
import { apiClient } from '../helpers/rest'

/**
 * The SQLite file moved away or swapped while the server runs (src/db/databaseFile.ts): saves are
 * refused with a 503 instead of landing in a file that is gone, and resume when it is back.
 */
const file = (process.env.DATABASE_URI ?? '').replace(/^file:/, '')
const sqlite = !process.env.TEST_MONGODB_URI

let payload: Payload
let api: ReturnType<typeof apiClient>
let token: string
let admin: { email: string; password: string }

beforeAll(async () => {
  const booted = await bootPayload()
  payload = booted.payload
  api = apiClient(booted.config)
  admin = await createUser(payload, 'admin')
  token = await api.login(admin.email, admin.password)
})

afterAll(async () => {
  await shutdown(payload)
})

describe.skipIf(!sqlite)('database file', () => {
  it('moved away: saves answer 503 and write nothing, reads go on, saving resumes when it is back', async () => {
    const created = await api.rest('POST', '/categories', { token, body: { title: 'Before the move' } })
    expect(created.status).toBe(201)
    const id = created.body.doc.id as string

    fs.renameSync(file, `${file}.away`)
    try {
      const save = await api.rest('PATCH', `/categories/${id}`, { token, body: { title: 'Lost in a deleted file' } })
      expect(save.status).toBe(503)
      expect(save.body.errors[0].message).toMatch(/database file is missing/i)
      expect(save.body.errors[0].message).not.toContain(file)
      expect((await api.rest('POST', '/categories', { token, body: { title: 'Also lost' } })).status).toBe(503)
      await expect(payload.delete({ collection: 'categories', id })).rejects.toMatchObject({ status: 503 })
      // A login writes its session: refused too, rather than a session the next restart forgets.
      const login = await api.rest('POST', '/users/login', { body: { email: admin.email, password: admin.password } })
      expect(login.status).toBe(503)

      const health = await api.rest('GET', '/health')
      expect(health.status).toBe(503)
      expect(health.body.database).toBe('missing')

      const read = await api.rest('GET', `/categories/${id}`)
      expect(read.status).toBe(200)
      expect(read.body.title).toBe('Before the move')
    } finally {
      fs.renameSync(`${file}.away`, file)
    }

    const save = await api.rest('PATCH', `/categories/${id}`, { token, body: { title: 'After the move' } })
    expect(save.status).toBe(200)
    expect((await api.rest('GET', '/health')).status).toBe(200)
    const { docs } = await payload.find({ collection: 'categories', depth: 0, pagination: false })
    expect(docs.map((doc) => doc.title).sort()).toEqual(['After the move'])
  })

  it('replaced by another file: saves are refused until a restart (or the original is back)', async () => {
    fs.renameSync(file, `${file}.original`)
    fs.copyFileSync(`${file}.original`, file)
    try {
      const create = await api.rest('POST', '/categories', { token, body: { title: 'Into which file?' } })
      expect(create.status).toBe(503)
      expect(create.body.errors[0].message).toMatch(/replaced .* Restart the server/i)
      const health = await api.rest('GET', '/health')
      expect(health.status).toBe(503)
      expect(health.body.database).toBe('replaced')
    } finally {
      fs.renameSync(`${file}.original`, file)
    }
    expect((await api.rest('POST', '/categories', { token, body: { title: 'Into the original' } })).status).toBe(201)
  })
})
