import { unstable_cache } from 'next/cache'
import type { CollectionSlug, FindOptions, Payload, SelectType, TransformCollectionWithSelect } from 'payload'

import { isBuildPhase } from '@/config/env'

import { payloadClient } from './payload'

/** The Local API calls a page makes, as an anonymous reader. */
export type Reader = Pick<Payload, 'find' | 'findGlobal' | 'count'> & {
  /** The first document `find` matches (one row, no count), or null. */
  findOne: <TSlug extends CollectionSlug, TSelect extends SelectType>(
    options: Omit<FindOptions<TSlug, TSelect>, 'limit' | 'pagination'>,
  ) => Promise<TransformCollectionWithSelect<TSlug, TSelect> | null>
}

/**
 * The Local API as a reader without an account sees it: every call is made with
 * `overrideAccess: false` and no user, whatever its arguments say, so the collections' access rules
 * apply and no draft or private field can reach a page.
 */
export function anonymousReader(payload: Payload): Reader {
  const asReader = <Args extends object>(args: Args) => ({ ...args, overrideAccess: false, user: undefined })
  type Args<Method extends 'find' | 'findGlobal' | 'count'> = Parameters<Payload[Method]>[0]
  return {
    find: ((args: Args<'find'>) => payload.find(asReader(args))) as Payload['find'],
    findGlobal: ((args: Args<'findGlobal'>) => payload.findGlobal(asReader(args))) as Payload['findGlobal'],
    count: ((args: Args<'count'>) => payload.count(asReader(args))) as Payload['count'],
    findOne: (async (args: Args<'find'>) => {
      const { docs } = await payload.find(asReader({ ...args, limit: 1, pagination: false }))
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

/** Uncached: `read` with the anonymous reader (tests, and search, which has its own cache). */
export async function readAsReader<T>(read: (reader: Reader) => Promise<T>): Promise<T> {
  if (isBuildPhase()) return read(emptySite)
  return read(anonymousReader(await payloadClient()))
}

/**
 * Every cached read of the public pages: `read` as an anonymous reader, kept by Next under `key`
 * until one of `tags` (src/cache/tags.ts) is revalidated. `key` names the read and each of its
 * arguments. Next also keys an entry by the cached function's source, which here is always this
 * wrapper's: `read`'s own source joins the key, so a build that changes a read never serves the
 * entries of the old one.
 */
export function cachedRead<T>(key: string[], tags: string[], read: (reader: Reader) => Promise<T>): Promise<T> {
  if (isBuildPhase()) return readAsReader(read)
  return unstable_cache(() => readAsReader(read), [...key, read.toString()], { tags })()
}

/**
 * The same cache for the few reads that must look past readers' access, each saying why at its
 * call: bylines (users are private, the names on a published article are not) and "What changed"
 * (versions are staff-only, the published figures in them are public).
 */
export function cachedPrivilegedRead<T>(key: string[], tags: string[], read: (payload: Payload) => Promise<T>) {
  if (isBuildPhase())
    throw new Error(`The build has no database: ${key[0]} can only be read on a request (render the page on demand).`)
  return unstable_cache(async () => read(await payloadClient()), [...key, read.toString()], { tags })()
}
