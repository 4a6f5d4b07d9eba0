/* eslint-disable @typescript-eslint/no-explicit-any -- responses are arbitrary JSON whose shape each test asserts */
import { REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import type { SanitizedConfig } from 'payload'

import { guardedGraphqlPost } from '@/graphql/unsafeQueries'

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'

export type RestResponse<T = any> = { status: number; body: T }

/**
 * Calls Payload's real REST and GraphQL route handlers (the ones app/(payload)/api mounts) with real
 * Request objects: the full HTTP layer, parsing, auth and access included, without a network hop.
 */
export function apiClient(config: SanitizedConfig | Promise<SanitizedConfig>) {
  const handlers = {
    GET: REST_GET(config),
    POST: REST_POST(config),
    PATCH: REST_PATCH(config),
    DELETE: REST_DELETE(config),
  }
  const graphql = guardedGraphqlPost(config)

  const headersFor = (token?: string, json = true) => {
    const headers: Record<string, string> = {}
    if (json) headers['content-type'] = 'application/json'
    if (token) headers.authorization = `JWT ${token}`
    return headers
  }

  async function rest<T = any>(
    method: Method,
    pathAndQuery: string,
    { body, token, headers }: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
  ): Promise<RestResponse<T>> {
    const url = new URL(`http://localhost:3000/api${pathAndQuery}`)
    const slug = url.pathname
      .replace(/^\/api\//, '')
      .split('/')
      .filter(Boolean)
    const request = new Request(url, {
      method,
      headers: { ...headersFor(token, body !== undefined), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
    const response = await handlers[method](request, { params: Promise.resolve({ slug }) })
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {
      // keep the raw text
    }
    return { status: response.status, body: parsed as T }
  }

  async function gql<T = any>(
    query: string,
    { variables, token }: { variables?: Record<string, unknown>; token?: string } = {},
  ) {
    const request = new Request('http://localhost:3000/api/graphql', {
      method: 'POST',
      headers: headersFor(token),
      body: JSON.stringify({ query, variables }),
    })
    const response = await graphql(request)
    return { status: response.status, body: (await response.json()) as { data?: T; errors?: { message: string }[] } }
  }

  async function login(email: string, password: string): Promise<string> {
    const { status, body } = await rest<{ token?: string }>('POST', '/users/login', { body: { email, password } })
    if (status !== 200 || !body.token) throw new Error(`login failed for ${email}: ${status} ${JSON.stringify(body)}`)
    return body.token
  }

  return { rest, gql, login }
}
