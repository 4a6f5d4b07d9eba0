import crypto from 'node:crypto'

import { revalidateSecret, revalidateTags } from '@/lib/revalidate'

const MAX_TAGS = 1000

const sameSecret = (given: string | null) => {
  if (!given) return false
  const expected = Buffer.from(revalidateSecret())
  const actual = Buffer.from(given)
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected)
}

/**
 * Revalidation asked for by code that ran outside a Next request in this same server: the job
 * runner's scheduled publishing (src/lib/revalidate.ts). Not for clients: it needs the server's secret.
 */
export async function POST(request: Request): Promise<Response> {
  if (!sameSecret(request.headers.get('x-revalidate-secret'))) return new Response('Forbidden', { status: 403 })
  const body = (await request.json().catch(() => null)) as { tags?: unknown } | null
  const tags = body?.tags
  if (!Array.isArray(tags) || tags.length > MAX_TAGS || !tags.every((tag) => typeof tag === 'string' && tag.length > 0 && tag.length <= 256)) {
    return Response.json({ errors: [{ message: `tags must be a list of at most ${MAX_TAGS} non-empty strings` }] }, { status: 400 })
  }
  revalidateTags(tags)
  return new Response(null, { status: 204 })
}
