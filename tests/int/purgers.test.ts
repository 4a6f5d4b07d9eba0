import { afterEach, describe, expect, it } from 'vitest'

import { purgeTags, registerPurger } from '@/cache/purgers.mjs'

/**
 * The order purges travel in (src/cache/purgers.mjs): the front cache lives in the server's front
 * process and answers over IPC, so it is registered as waited. The edge after it must not be told
 * before it has dropped the old page (the edge would refill from it), and the change's response,
 * which waits for purgeTags, must not leave before it either.
 */
const unregister: Array<() => void> = []
afterEach(() => unregister.splice(0).forEach((remove) => remove()))

describe('purgeTags', () => {
  it('tells a purger after a waited one only once that one has answered, and resolves after it', async () => {
    const events: string[] = []
    unregister.push(
      registerPurger(
        'test front',
        (tags) =>
          new Promise<void>((resolve) =>
            setTimeout(() => {
              events.push(`front dropped ${tags.join(' ')}`)
              resolve()
            }, 50),
          ),
        { wait: true },
      ),
      registerPurger('test edge', (tags) => void events.push(`edge told ${tags.join(' ')}`)),
    )
    await purgeTags(['articles:1'])
    events.push('purgeTags resolved')
    expect(events).toEqual(['front dropped articles:1', 'edge told articles:1', 'purgeTags resolved'])
  })

  it('tells the others anyway when a waited purger fails or never answers', async () => {
    const told: string[] = []
    unregister.push(
      registerPurger('test failing', () => Promise.reject(new Error('front gone')), { wait: true }),
      registerPurger('test silent', () => new Promise(() => undefined), { wait: true }),
      registerPurger('test edge', (tags) => void told.push(...tags)),
    )
    const started = Date.now()
    await purgeTags(['faqs:2'])
    expect(told).toEqual(['faqs:2'])
    // The silent one is given its 2 s, no more.
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('tells the purgers before a waited one at once, in the same turn', () => {
    const told: string[] = []
    unregister.push(
      registerPurger('test sync', (tags) => void told.push(...tags)),
      registerPurger('test waited', () => new Promise<void>((resolve) => setTimeout(resolve, 10)), {
        wait: true,
      }),
    )
    void purgeTags(['global:site'])
    expect(told).toEqual(['global:site'])
  })
})
