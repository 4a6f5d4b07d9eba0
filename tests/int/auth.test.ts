import { GRAPHQL_POST, REST_GET, REST_POST } from '@payloadcms/next/routes'
import type { Payload, SanitizedConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { secureCookies, trustedOrigins } from '@/config/env'

import { ADMIN, createUser, seedDemo } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'
import { apiClient } from '../helpers/rest'

/**
 * Signing in, through the real REST and GraphQL handlers (throttling: auth-throttle.test.ts): answers
 * that do not tell which emails exist, cookie flags, CORS and CSRF limited to the configured origin,
 * and GraphQL cost limits.
 */

let payload: Payload
let config: SanitizedConfig
let api: ReturnType<typeof apiClient>

beforeAll(async () => {
  const context = await bootPayload()
  payload = context.payload
  config = context.config
  api = apiClient(config)
  await seedDemo(payload)
})

afterAll(async () => {
  await shutdown(payload)
})

const OWN_ORIGIN = 'http://localhost:3000'
const EVIL_ORIGIN = 'https://evil.example'

/** A raw request, for the headers apiClient does not show. */
async function raw(
  method: 'GET' | 'POST',
  path: string,
  { body, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {},
) {
  const url = new URL(`http://localhost:3000/api${path}`)
  const slug = url.pathname
    .replace(/^\/api\//, '')
    .split('/')
    .filter(Boolean)
  const request = new Request(url, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const handler = method === 'GET' ? REST_GET(config) : REST_POST(config)
  return handler(request, { params: Promise.resolve({ slug }) })
}

async function attempt(email: string, password: string) {
  return api.rest('POST', '/users/login', { body: { email, password } })
}

describe('login', () => {
  it('answers an unknown email exactly as a wrong password', async () => {
    await createUser(payload, 'author', 'known@test.valenx')
    const unknown = await attempt('nobody@test.valenx', 'whatever-123')
    const wrong = await attempt('known@test.valenx', 'whatever-123')
    expect(unknown.status).toBe(401)
    expect(wrong.status).toBe(unknown.status)
    expect(wrong.body).toEqual(unknown.body)
  })

  it('answers forgot-password the same for an unknown and a known email', async () => {
    const unknown = await api.rest('POST', '/users/forgot-password', { body: { email: 'nobody@test.valenx' } })
    const known = await api.rest('POST', '/users/forgot-password', { body: { email: ADMIN.email } })
    expect(unknown.status).toBe(200)
    expect(known.status).toBe(unknown.status)
    expect(known.body).toEqual(unknown.body)
    expect(JSON.stringify(known.body)).not.toMatch(/token/i)
  })

  it('sets the session cookie HttpOnly and SameSite=Lax (Secure only over HTTPS)', async () => {
    const response = await raw('POST', '/users/login', { body: ADMIN, headers: { origin: OWN_ORIGIN } })
    expect(response.status).toBe(200)
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/payload-token=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(cookie).not.toMatch(/;\s*Secure/i)
  })

  it('marks cookies Secure exactly when the public address is HTTPS', () => {
    expect(secureCookies('https://valenx.example')).toBe(true)
    expect(secureCookies('HTTPS://valenx.example/')).toBe(true)
    expect(secureCookies('http://localhost:3000')).toBe(false)
    expect(secureCookies('http://valenx.example')).toBe(false)
  })
})

describe('origins', () => {
  it('trusts only the public address and the loopback names', () => {
    const origins = trustedOrigins()
    expect(origins).toContain(OWN_ORIGIN)
    expect(origins.every((origin) => /^http:\/\/(localhost|127\.0\.0\.1):\d+$/.test(origin))).toBe(true)
    expect(config.cors).toEqual(origins)
    expect(config.csrf).toEqual(expect.arrayContaining(origins))
  })

  it('grants CORS to the configured origin only', async () => {
    const evil = await raw('GET', '/articles?limit=1', { headers: { origin: EVIL_ORIGIN } })
    expect(evil.headers.get('access-control-allow-origin')).toBeNull()
    const own = await raw('GET', '/articles?limit=1', { headers: { origin: OWN_ORIGIN } })
    expect(own.headers.get('access-control-allow-origin')).toBe(OWN_ORIGIN)
  })

  it('ignores the session cookie on a request from another origin (CSRF)', async () => {
    const token = await api.login(ADMIN.email, ADMIN.password)
    const cookie = `payload-token=${token}`
    const own = await (await raw('GET', '/users/me', { headers: { origin: OWN_ORIGIN, cookie } })).json()
    expect(own.user?.email).toBe(ADMIN.email)
    const evil = await (await raw('GET', '/users/me', { headers: { origin: EVIL_ORIGIN, cookie } })).json()
    expect(evil.user ?? null).toBeNull()
  })
})

describe('GraphQL limits', () => {
  const graphql = () => GRAPHQL_POST(config)
  async function query(text: string) {
    const response = await graphql()(
      new Request('http://localhost:3000/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: text }),
      }),
    )
    const json = (await response.json()) as { data?: unknown; errors?: { message: string }[] } | { message: string }[]
    // Payload answers a query refused by a validation rule with the bare list of errors.
    const body = Array.isArray(json) ? { data: undefined, errors: json } : json
    return { status: response.status, body }
  }

  it('answers an ordinary query', async () => {
    const { body } = await query('{ Articles(limit: 2) { docs { title slug relatedPosts { title } } } }')
    expect(body.errors).toBeUndefined()
  })

  it('refuses a query nested deeper than the limit', async () => {
    let selection = 'title'
    for (let level = 0; level < 30; level += 1) selection = `relatedPosts { ${selection} }`
    const { body } = await query(`{ Articles(limit: 1) { docs { ${selection} } } }`)
    expect(body.data ?? null).toBeNull()
    expect(body.errors?.[0]?.message).toMatch(/depth|complex/i)
  })

  it('answers a query at the depth limit, fragments included, and refuses one level more', async () => {
    const at =
      '{ Articles(limit: 1) { docs { ...Related } } } fragment Related on Article { relatedPosts { relatedPosts { relatedPosts { relatedPosts { title } } } } }'
    expect((await query(at)).body.errors).toBeUndefined()
    const beyond = at.replace('{ title }', '{ relatedPosts { title } }')
    expect((await query(beyond)).body.errors?.[0]?.message).toMatch(/limit is 7/)
  })

  it('refuses a query costlier than the limit (many aliases of a wide list)', async () => {
    const aliases = Array.from(
      { length: 300 },
      (_, index) => `a${index}: Articles(limit: 100) { docs { title excerpt slug } }`,
    ).join('\n')
    const { body } = await query(`{ ${aliases} }`)
    expect(body.data ?? null).toBeNull()
    expect(body.errors?.[0]?.message).toMatch(/complex/i)
  })
})
