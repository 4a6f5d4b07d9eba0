// The other instances, through Redis pub/sub (`REDIS_URL`): each change's tags, once the instance
// that handled it has expired them in the shared Next cache, are published on one channel, and
// every other instance purges its own copies of them (its front cache, its search results: the
// `instance` purgers of ./purgers.mjs). Without it each instance's front cache would keep serving
// what the shared cache no longer holds.
//
// A message lost (an instance cut off from Redis at that moment) leaves that instance's front
// cache stale until the page's next purge or its eviction: the price of a cache in each process.
// Run with FRONT_CACHE_MB=0 where that matters more than the front cache's speed.
import crypto from 'node:crypto'
import os from 'node:os'

import { purgeTags, registerPurger } from './purgers.mjs'
import { redisClient, withRedis } from './redis.mjs'

export const PURGE_CHANNEL = 'valenx:purges'

/**
 * Publishes this instance's purges and follows the others'. Called once by the server at start-up,
 * with `REDIS_URL` set. Resolves when the subscription is made (or Redis did not answer in time:
 * it is made on reconnection).
 * @returns {Promise<{ id: string, leave: () => Promise<void> }>}
 */
export async function joinPeers() {
  const id = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`
  const unregister = registerPurger(
    'other instances',
    (tags) => withRedis((client) => client.publish(PURGE_CHANNEL, JSON.stringify({ from: id, tags }))),
    { scope: 'site' },
  )
  const subscriber = await redisClient('subscriber')
  const follow = (message) => {
    let parsed
    try {
      parsed = JSON.parse(message)
    } catch {
      return
    }
    if (parsed?.from === id || !Array.isArray(parsed?.tags)) return
    const tags = parsed.tags.filter((tag) => typeof tag === 'string')
    if (tags.length) purgeTags(tags, { fromPeer: true })
  }
  const subscribe = () =>
    subscriber.subscribe(PURGE_CHANNEL, follow).catch((error) => {
      console.error('Could not follow the other instances’ purges:', error?.message ?? error)
    })
  // Once subscribed, node-redis subscribes again by itself after each reconnection.
  if (subscriber.isReady) await subscribe()
  else subscriber.once('ready', subscribe)
  return {
    id,
    leave: async () => {
      unregister()
      await subscriber.unsubscribe(PURGE_CHANNEL).catch(() => undefined)
    },
  }
}
