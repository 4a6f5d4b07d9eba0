import { GRAPHQL_POST, REST_POST } from '@payloadcms/next/routes'
import type { Payload, SanitizedConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CLIENT_ADDRESS_HEADER, clientAddressOf, trustedProxies } from '@/auth/clientAddress.mjs'
import { PASSWORD_HASH } from '@/auth/login'
import { LIMITS } from '@/auth/throttle'

import { ADMIN, createUser, seedDemo } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'
import { apiClient } from '../helpers/rest'

/**
 * Signing in as an attacker would, through Payload's real REST and GraphQL handlers, each request
 * from the client address the production server reports (server.mjs sets CLIENT_ADDRESS_HEADER):
 * no account can be locked by others, wrong passwords are throttled by address and by email with
 * 429 and Retry-After, unknown and known emails get the same answers, and only admins unlock.
 */

let payload: Payload
let config: SanitizedConfig
let api: ReturnType<typeof apiClient>
let adminToken: string
let editor: { email: string; password: string; token: string }

beforeAll(async () => {
  const context = await bootPayload()
  payload = context.payload
  config = context.config
  api = apiClient(config)
  await seedDemo(payload)
  adminToken = await api.login(ADMIN.email, ADMIN.password)
  const editorEmail = 'editor@throttle.valenx'
  const { password } = await createUser(payload, 'editor', editorEmail)
  editor = { email: editorEmail, password, token: await api.login(editorEmail, password) }
})

afterAll(async () => {
  await shutdown(payload)
})

let addresses = 0
/** A client address of its own for each journey, so none counts against another. */
const newClient = () => `198.51.100.${++addresses}`

async function post(path: string, body: unknown, { client, token }: { client?: string; token?: string } = {}) {
  const url = new URL(`http://localhost:3000/api${path}`)
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (client) headers[CLIENT_ADDRESS_HEADER] = client
  if (token) headers.authorization = `JWT ${token}`
  const request = new Request(url, { method: 'POST', headers, body: JSON.stringify(body) })
  const slug = url.pathname.replace(/^\/api\//, '').split('/')
  const response = await REST_POST(config)(request, { params: Promise.resolve({ slug }) })
  const text = await response.text()
  let json: unknown = text
  try {
    json = JSON.parse(text)
  } catch {
    // not JSON: kept as text
  }
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: json as Record<string, unknown>,
  }
}

async function graphql(query: string, variables: Record<string, unknown>, client: string, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json', [CLIENT_ADDRESS_HEADER]: client }
  if (token) headers.authorization = `JWT ${token}`
  const request = new Request('http://localhost:3000/api/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  })
  const response = await GRAPHQL_POST(config)(request)
  return (await response.json()) as {
    data?: Record<string, unknown>
    errors?: { message: string; extensions?: { statusCode?: number } }[]
  }
}

const login = (email: string, password: string, client: string) => post('/users/login', { email, password }, { client })
const message = (body: Record<string, unknown>) => JSON.stringify(body.errors ?? body)

async function storedAdmin() {
  const { docs } = await payload.find({
    collection: 'users',
    where: { email: { equals: ADMIN.email } },
    overrideAccess: true,
    showHiddenFields: true,
  })
  return docs[0] as unknown as Record<string, unknown>
}

describe('unlock', () => {
  it('is refused to everyone but admins, with the same answer for an existing and an unknown email', async () => {
    const before = await storedAdmin()
    for (const token of [undefined, editor.token]) {
      const existing = await post('/users/unlock', { email: ADMIN.email }, { token, client: newClient() })
      const unknown = await post('/users/unlock', { email: 'nobody@throttle.valenx' }, { token, client: newClient() })
      expect(existing.status).toBe(403)
      expect(unknown.status).toBe(403)
      expect(existing.body).toEqual(unknown.body)
      expect(message(existing.body)).toMatch(/not allowed/i)
    }
    // GraphQL has no unlock at all: with no account lock (collections/Users), Payload leaves it out.
    const gqlUnlock = await graphql(
      'mutation ($email: String!) { unlockUser(email: $email) }',
      { email: ADMIN.email },
      newClient(),
      editor.token,
    )
    expect(gqlUnlock.errors?.[0]?.message).toMatch(/Cannot query field "unlockUser"/)
    // Nothing about the account changed.
    const after = await storedAdmin()
    expect(after.updatedAt).toBe(before.updatedAt)
    // An admin may.
    const byAdmin = await post('/users/unlock', { email: editor.email }, { token: adminToken, client: newClient() })
    expect(byAdmin.status, message(byAdmin.body)).toBe(200)
  })
})

describe('sign-in', () => {
  it('throttles an address after five failures with 429 and Retry-After, without locking the account', async () => {
    const attacker = newClient()
    for (let i = 1; i <= LIMITS.loginPerAddress.limit; i++) {
      const wrong = await login(ADMIN.email, `wrong-${i}`, attacker)
      expect(wrong.status, `attempt ${i}`).toBe(401)
    }
    // Held back now, even with the right password: otherwise guessing would go on.
    const held = await login(ADMIN.email, ADMIN.password, attacker)
    expect(held.status).toBe(429)
    expect(Number(held.retryAfter)).toBeGreaterThan(60)
    expect(Number(held.retryAfter)).toBeLessThanOrEqual(LIMITS.loginPerAddress.windowMs / 1000)
    expect(message(held.body)).toMatch(/Too many sign-in attempts\. Try again in 10 minutes\./)
    expect(held.body.token).toBeUndefined()
    // GraphQL is held back the same.
    const gql = await graphql(
      'mutation ($email: String!, $password: String!) { loginUser(email: $email, password: $password) { token } }',
      { email: ADMIN.email, password: ADMIN.password },
      attacker,
    )
    expect(gql.errors?.[0]?.message).toMatch(/Too many sign-in attempts/)
    expect(gql.data?.loginUser ?? null).toBeNull()
    // The admin, from their own address, signs in at once: no account lock.
    const admin = await login(ADMIN.email, ADMIN.password, newClient())
    expect(admin.status, message(admin.body)).toBe(200)
    expect(admin.body.token).toBeTruthy()
    const stored = await storedAdmin()
    expect(stored.lockUntil ?? null).toBeNull()
  })

  it('counts failures over GraphQL too', async () => {
    const attacker = newClient()
    const query =
      'mutation ($email: String!, $password: String!) { loginUser(email: $email, password: $password) { token } }'
    for (let i = 1; i <= LIMITS.loginPerAddress.limit; i++) {
      const wrong = await graphql(query, { email: editor.email, password: `wrong-${i}` }, attacker)
      expect(wrong.errors?.[0]?.message, `attempt ${i}`).toMatch(/incorrect/i)
    }
    const held = await login(editor.email, editor.password, attacker)
    expect(held.status).toBe(429)
  })

  it('throttles one email after twenty failures from any addresses, the same whether it has an account', async () => {
    const answers: Record<string, { status: number; body: unknown }[]> = {}
    const real = 'stuffed@throttle.valenx'
    await createUser(payload, 'author', real)
    for (const email of [real, 'nobody-at-all@throttle.valenx']) {
      answers[email] = []
      for (let i = 0; i < LIMITS.loginPerEmail.limit; i++) {
        // A new address every four attempts: no address reaches its own limit.
        if (i % 4 === 0) addresses++
        const wrong = await login(email, `wrong-${i}`, `198.51.100.${addresses}`)
        answers[email].push({ status: wrong.status, body: wrong.body })
      }
      const held = await login(email, 'whatever-123', newClient())
      answers[email].push({ status: held.status, body: held.body })
      expect(held.status).toBe(429)
    }
    const [forReal, forUnknown] = Object.values(answers)
    expect(forReal).toEqual(forUnknown)
    expect(forReal.slice(0, -1).every((answer) => answer.status === 401)).toBe(true)
  })

  it('answers an unknown email exactly as a wrong password, after the same password check', async () => {
    const client = newClient()
    const unknown = await login('nobody-else@throttle.valenx', 'whatever-123', client)
    const wrong = await login(ADMIN.email, 'whatever-123', client)
    expect(unknown.status).toBe(401)
    expect(wrong).toEqual(unknown)
    // The check run for unknown emails is Payload's own: the stored hash has its shape.
    const { hash } = (await storedAdmin()) as { hash: string }
    expect(hash.startsWith(PASSWORD_HASH.prefix)).toBe(true)
    expect(hash.slice(PASSWORD_HASH.prefix.length)).toMatch(new RegExp(`^[0-9a-f]{${PASSWORD_HASH.keyLength * 2}}$`))
  })

  it('starts an address again from nothing after a successful sign-in', async () => {
    const client = newClient()
    const email = 'author@throttle.valenx'
    const { password } = await createUser(payload, 'author', email)
    for (let i = 0; i < LIMITS.loginPerAddress.limit - 1; i++)
      expect((await login(email, 'no', client)).status).toBe(401)
    expect((await login(email, password, client)).status).toBe(200)
    for (let i = 0; i < LIMITS.loginPerAddress.limit; i++) expect((await login(email, 'no', client)).status).toBe(401)
    expect((await login(email, password, client)).status).toBe(429)
  })
})

describe('forgot password', () => {
  it('answers the same, at once, for a known and an unknown email, and sends the reset after', async () => {
    const client = newClient()
    const known = await post('/users/forgot-password', { email: editor.email }, { client })
    const unknown = await post('/users/forgot-password', { email: 'nobody@throttle.valenx' }, { client })
    expect(known.status).toBe(200)
    expect(known).toEqual(unknown)
    expect(JSON.stringify(known.body)).not.toMatch(/token/i)
    // The reset itself happened, after the answer.
    await expect
      .poll(async () => {
        const { docs } = await payload.find({
          collection: 'users',
          where: { email: { equals: editor.email } },
          overrideAccess: true,
          showHiddenFields: true,
        })
        return Boolean((docs[0] as { resetPasswordToken?: string }).resetPasswordToken)
      })
      .toBe(true)
  })

  it('names the missing email with a 400, and throttles an address after five requests', async () => {
    const client = newClient()
    const missing = await post('/users/forgot-password', { email: 5 }, { client })
    expect(missing.status).toBe(400)
    expect(missing.body).toEqual({ errors: [{ message: 'Missing email.', path: 'email' }] })
    for (let i = 0; i < LIMITS.resetPerAddress.limit; i++)
      expect((await post('/users/forgot-password', { email: `n${i}@throttle.valenx` }, { client })).status).toBe(200)
    const held = await post('/users/forgot-password', { email: editor.email }, { client })
    expect(held.status).toBe(429)
    expect(Number(held.retryAfter)).toBeGreaterThan(0)
    expect(message(held.body)).toMatch(/Too many password reset requests/)
    const gql = await graphql(
      'mutation ($email: String!) { forgotPasswordUser(email: $email) }',
      { email: editor.email },
      client,
    )
    expect(gql.errors?.[0]?.message).toMatch(/Too many password reset requests/)
  })
})

describe('client address', () => {
  const request = (remoteAddress: string, forwarded?: string) => ({
    socket: { remoteAddress },
    headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
  })

  it('is the connection without TRUSTED_PROXY, whatever X-Forwarded-For says', () => {
    expect(clientAddressOf(request('::ffff:203.0.113.9', '198.51.100.1'), trustedProxies(''))).toBe('203.0.113.9')
  })

  it('is the last untrusted hop of X-Forwarded-For when the connection comes from a trusted proxy', () => {
    const proxies = trustedProxies('127.0.0.1, 10.0.0.0/8')
    expect(clientAddressOf(request('127.0.0.1', '6.6.6.6, 203.0.113.7, 10.1.2.3'), proxies)).toBe('203.0.113.7')
    expect(clientAddressOf(request('203.0.113.8', '6.6.6.6'), proxies)).toBe('203.0.113.8')
    expect(clientAddressOf(request('::ffff:127.0.0.1', 'not-an-ip'), proxies)).toBe('127.0.0.1')
  })

  it('refuses a TRUSTED_PROXY entry that is not an address or a range, naming it', () => {
    expect(() => trustedProxies('127.0.0.1, proxy.local')).toThrow(/"proxy\.local" is not an IP address/)
    expect(() => trustedProxies('10.0.0.0/33')).toThrow(/"10\.0\.0\.0\/33"/)
  })
})
