// The Redis connection of this process, when `REDIS_URL` is set: Next's shared cache
// (./nextCacheHandler.mjs) and the purge messages between instances (./peers.mjs) use it. One
// client per process (globalThis: the server and Next's cache handler are separate module graphs),
// plus one for subscribing, which Redis requires to be a connection of its own.
//
// Redis is a cache here, never the record: while it is unreachable commands fail at once (no
// offline queue), every page renders on each request, and the client reconnects in the background.
import { createClient } from '@redis/client'

const STATE = Symbol.for('valenx.redis')
/** How long a command may take before the cache treats Redis as unreachable. */
export const REDIS_TIMEOUT_MS = 2_000
/** How long a server waits for Redis when it starts; it serves without it meanwhile. */
const CONNECT_WAIT_MS = 5_000

/** The shared cache's Redis, or undefined when it is off (`REDIS_URL` unset or empty). */
export const redisUrl = () => process.env.REDIS_URL?.trim() || undefined

const state = () => (globalThis[STATE] ??= { clients: new Map() })

/** A client that logs its first error of each outage and its recovery, not every retry. */
function newClient(url, role) {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: CONNECT_WAIT_MS, reconnectStrategy: (retries) => Math.min(200 * 2 ** retries, 5_000) },
  })
  let down = false
  client.on('error', (error) => {
    if (down) return
    down = true
    console.error(`Redis (${role}, ${url.replace(/\/\/[^@/]*@/, '//…@')}) unreachable: ${error?.message ?? error}`)
  })
  client.on('ready', () => {
    if (down) console.log(`Redis (${role}) reachable again`)
    down = false
  })
  return client
}

/**
 * The process's client for `role` ('cache', 'subscriber'), connected or connecting. Resolves once
 * it is ready or after CONNECT_WAIT_MS, whichever is first: a server starts without Redis and
 * uses it once it answers.
 * @param {'cache' | 'subscriber'} role
 * @returns {Promise<import('@redis/client').RedisClientType>}
 */
export function redisClient(role) {
  const { clients } = state()
  const url = redisUrl()
  if (!url) throw new Error('REDIS_URL is not set')
  if (!clients.has(role)) {
    const client = newClient(url, role)
    const connecting = client.connect().catch(() => undefined)
    const waited = new Promise((resolve) => setTimeout(resolve, CONNECT_WAIT_MS).unref())
    clients.set(
      role,
      Promise.race([connecting, waited]).then(() => client),
    )
  }
  return clients.get(role)
}

/**
 * Runs `command` on the cache client within REDIS_TIMEOUT_MS; rejects when Redis is not ready.
 * @template T @param {(client: import('@redis/client').RedisClientType) => Promise<T>} command
 * @returns {Promise<T>}
 */
export async function withRedis(command) {
  const client = await redisClient('cache')
  if (!client.isReady) throw new Error('Redis is not reachable')
  let timer
  try {
    return await Promise.race([
      command(client),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`Redis did not answer within ${REDIS_TIMEOUT_MS} ms`)),
          REDIS_TIMEOUT_MS,
        )
      }),
    ])
  } finally {
    clearTimeout(timer)
  }
}
