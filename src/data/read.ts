import { unstable_cache } from 'next/cache'
import type { CollectionSlug, FindOptions, Payload, SelectType, TransformCollectionWithSelect } from 'payload'

import { TagCollector } from '@/cache/documentTags'
import { isBuildPhase } from '@/config/env'

import { payloadClient } from './payload'

/** The Local API calls a page makes, as an anonymous reader. */
export type Reader = Pick<Payload, 'find' | 'findGlobal' | 'count'> & {
  /** The first document `find` matches (one row, no count), or null. */
  findOne: <TSlug extends CollectionSlug, TSelect extends SelectType>(
    options: Omit<FindOptions<TSlug, TSelect>, 'limit' | 'pagination'>,
  ) => Promise<TransformCollectionWithSelect<TSlug, TSelect> | null>
}

type Args<Method extends 'find' | 'findGlobal' | 'count'> = Parameters<Payload[Method]>[0]

/** Joins ("Used by", "Linked from") are for editors: each reads every document pointing here. */
const withoutJoins = <A extends object>(args: A): A => ({ ...args, joins: false }) as unknown as A

/**
 * The Local API as a reader without an account sees it: every call is made with
 * `overrideAccess: false` and no user, whatever its arguments say, so the collections' access rules
 * apply and no draft or private field can reach a page; and without joins ("Used by", "Linked
 * from"), which are for editors and would read every document that points here. Each call records
 * what it asked and returned in `tags` (the cache tags the read then carries).
 */
export function anonymousReader(payload: Payload, tags?: TagCollector): Reader {
  const asReader = <A extends object>(args: A) => ({ ...args, overrideAccess: false, user: undefined })
  const find = async (args: Args<'find'>) => {
    const result = await payload.find(asReader(withoutJoins(args)))
    tags?.found(args.collection, args, result.docs)
    return result
  }
  return {
    find: find as Payload['find'],
    findGlobal: (async (args: Args<'findGlobal'>) => {
      const doc = await payload.findGlobal(asReader(args))
      tags?.global(args.slug, doc)
      return doc
    }) as Payload['findGlobal'],
    count: (async (args: Args<'count'>) => {
      const result = await payload.count(asReader(args))
      tags?.found(args.collection, args)
      return result
    }) as Payload['count'],
    findOne: (async (args: Args<'find'>) => {
      const { docs } = await find({ ...args, limit: 1, pagination: false })
      return docs[0] ?? null
    }) as Reader['findOne'],
  }
}

/**
 * `next build` renders the static routes (the home page, /blog, the feed, the sitemap index, the
 * 404 page) once, to learn their shape. The build has no database: an image is built once, without
 * one, and deployed to many. So during the build every read sees an empty site and nothing is
 * cached, and the build step deletes those renders afterwards (`scripts/lib/site.mjs`,
 * `dropBuildRenders`): every page is rendered from the database on its first request and cached
 * from then on.
 */

const EMPTY_PAGE = {
  docs: [],
  totalDocs: 0,
  totalPages: 0,
  page: 1,
  pagingCounter: 0,
  hasPrevPage: false,
  hasNextPage: false,
  prevPage: null,
  nextPage: null,
}

/** What every read sees during the build: no documents, an unset global. */
const emptySite: Reader = {
  find: (async (args: { limit?: number }) => ({ ...EMPTY_PAGE, limit: args.limit ?? 10 })) as unknown as Payload['find'],
  findGlobal: (async () => ({})) as unknown as Payload['findGlobal'],
  count: (async () => ({ totalDocs: 0 })) as unknown as Payload['count'],
  findOne: (async () => null) as Reader['findOne'],
}

/** Uncached: `read` with the anonymous reader (tests). */
export async function readAsReader<T>(read: (reader: Reader) => Promise<T>): Promise<T> {
  if (isBuildPhase()) return read(emptySite)
  return read(anonymousReader(await payloadClient()))
}

/** Uncached, with the tags of what it read (search, which has its own cache: src/cache/searchCache.ts). */
export async function readTagged<T>(read: (reader: Reader) => Promise<T>): Promise<{ value: T; tags: string[] }> {
  if (isBuildPhase()) return { value: await read(emptySite), tags: [] }
  const payload = await payloadClient()
  const tags = new TagCollector(payload.config)
  const value = await read(anonymousReader(payload, tags))
  return { value, tags: tags.tags() }
}

/**
 * The tags each cached read carried last time, by its key: a read's tags are known only once it
 * has run, and Next checks an entry against the tags it is asked with. Bounded; a forgotten key
 * costs one more cache lookup, never a stale read (see `cached`).
 */
const knownTags = new Map<string, string[]>()
const MAX_KNOWN = 50_000

function remember(id: string, tags: string[]) {
  knownTags.delete(id)
  knownTags.set(id, tags)
  if (knownTags.size > MAX_KNOWN) knownTags.delete(knownTags.keys().next().value as string)
}

/**
 * One of Next's `unstable_cache` entries under `keyParts`, holding `run`'s value with the tags it
 * read, checked and registered with the page under all of them:
 * - when `run` ran now, its tags are registered with the page being rendered (a tag-only entry
 *   does that: `unstable_cache` adds the tags it is called with to the page's);
 * - when the entry came from the cache under fewer tags than it holds (this process had not seen
 *   it yet), it is asked for again under all of them, which Next answers from the same entry or,
 *   if one of them expired since, by running it again.
 */
async function cached<T>(
  keyParts: string[],
  fixedTags: string[],
  run: () => Promise<{ value: T; tags: string[] }>,
): Promise<T> {
  const id = keyParts.join('\u0000')
  let asked = [...new Set([...fixedTags, ...(knownTags.get(id) ?? [])])]
  for (let attempt = 0; ; attempt++) {
    let ranNow = false
    const result = await unstable_cache(
      async () => {
        ranNow = true
        return run()
      },
      keyParts,
      { tags: asked },
    )()
    const all = [...new Set([...fixedTags, ...result.tags])]
    remember(id, all)
    const missing = all.filter((tag) => !asked.includes(tag))
    if (!missing.length) return result.value
    if (ranNow || attempt >= 2) {
      await unstable_cache(async () => true, ['valenx-tags', ...missing], { tags: missing })()
      return result.value
    }
    asked = all
  }
}

/**
 * Every cached read of the public pages: `read` as an anonymous reader, kept by Next under `key`
 * until one of the tags of what it read (src/cache/documentTags.ts) expires, or one of `tags` (the
 * read's own, beyond what it returned). `key` names the read and each of its arguments. Next also
 * keys an entry by the cached function's source, which here is always this wrapper's: `read`'s own
 * source joins the key, so a build that changes a read never serves the entries of the old one.
 */
export function cachedRead<T>(key: string[], tags: string[], read: (reader: Reader) => Promise<T>): Promise<T> {
  if (isBuildPhase()) return readAsReader(read)
  return cached([...key, read.toString()], tags, () => readTagged(read))
}

/** The same Local API as the payload instance, for the few privileged reads, recording what it read. */
export type PrivilegedReader = Pick<Payload, 'find' | 'findVersions'> & { payload: Payload }

/**
 * The same cache for the few reads that must look past readers' access, each saying why at its
 * call: bylines (users are private, the names on a published article are not) and "What changed"
 * (versions are staff-only, the published figures in them are public). Their `find`s are tagged as
 * a reader's are; anything else they read must name its tags in `tags`.
 */
export function cachedPrivilegedRead<T>(key: string[], tags: string[], read: (payload: PrivilegedReader) => Promise<T>) {
  if (isBuildPhase())
    throw new Error(`The build has no database: ${key[0]} can only be read on a request (render the page on demand).`)
  return cached([...key, read.toString()], tags, async () => {
    const payload = await payloadClient()
    const collector = new TagCollector(payload.config)
    const reader: PrivilegedReader = {
      payload,
      find: (async (args: Args<'find'>) => {
        const result = await payload.find(withoutJoins(args))
        collector.found(args.collection, args, result.docs)
        return result
      }) as Payload['find'],
      findVersions: payload.findVersions.bind(payload),
    }
    const value = await read(reader)
    return { value, tags: collector.tags() }
  })
}
