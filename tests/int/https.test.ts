import { REST_POST } from '@payloadcms/next/routes'
import type { Payload, SanitizedConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ADMIN, seedDemo } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'

/**
 * The site as deployed behind HTTPS: the Payload config is loaded with an https:// public address
 * (this file's own module graph, so the other files keep their http://localhost one), and the
 * session cookie it sets must never travel over plain HTTP.
 */

const PUBLIC_URL = 'https://valenx.example'
let payload: Payload
let config: SanitizedConfig

beforeAll(async () => {
  process.env.NEXT_PUBLIC_SERVER_URL = PUBLIC_URL
  ;({ payload, config } = await bootPayload())
  await seedDemo(payload)
})

afterAll(async () => {
  await shutdown(payload)
  delete process.env.NEXT_PUBLIC_SERVER_URL
})

async function post(path: string, body?: unknown, headers: Record<string, string> = {}) {
  const request = new Request(`${PUBLIC_URL}/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: PUBLIC_URL, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return REST_POST(config)(request, { params: Promise.resolve({ slug: path.split('/').filter(Boolean) }) })
}

describe('under an https:// public address', () => {
  it('sets the session cookie Secure, HttpOnly and SameSite=Lax at login', async () => {
    const response = await post('/users/login', ADMIN)
    expect(response.status).toBe(200)
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/payload-token=[^;]+/)
    expect(cookie).toMatch(/;\s*Secure/i)
    expect(cookie).toMatch(/;\s*HttpOnly/i)
    expect(cookie).toMatch(/;\s*SameSite=Lax/i)
  })

  it('clears it with the same flags at logout', async () => {
    const { token } = (await (await post('/users/login', ADMIN)).json()) as { token: string }
    const response = await post('/users/logout', undefined, { cookie: `payload-token=${token}` })
    expect(response.status).toBe(200)
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/payload-token=;/)
    expect(cookie).toMatch(/;\s*Secure/i)
  })
})
