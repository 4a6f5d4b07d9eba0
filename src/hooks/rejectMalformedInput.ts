import {
  APIError,
  ValidationError,
  type CollectionBeforeOperationHook,
  type CollectionSlug,
  type Field,
  type GlobalBeforeOperationHook,
  type PayloadRequest,
} from 'payload'

import {
  checkFields,
  isPlainObject,
  MAX_INPUT_DEPTH,
  report,
  tooDeep,
  type Data,
  type Problem,
  type Walk,
} from '@/input/shape'

import { REAPPLYING_DRAFT } from './keepPublishedOnPlainSave'

/**
 * Refuses, with a 400 naming the field, input whose *shape* is wrong, before any hook, access rule
 * or database call sees it: `{"rows": 5}` where rows belong, `[null]` for a list, an object where
 * text belongs, a status that is not draft or published, an unknown rich text node, a link that
 * leads off-site, a list over its limit, nesting hundreds of levels deep, an id that names no
 * document. The check walks the collection's or global's own fields (src/input/shape.ts), so every
 * field type and every new field is covered, on REST, GraphQL and the Local API alike, drafts too.
 *
 * Payload's own validation runs late (after field hooks, which had already turned `5` into zero
 * rows), not at all for drafts, and some shapes crashed before it (HTTP 500): an invalid date, a
 * nested array in a relationship, `children: [null]` in rich text, a missing body.
 */

export { MAX_INPUT_DEPTH }

const NOT_AN_OBJECT = 'Send the fields as a JSON object (Content-Type: application/json), such as {"title": "…"}.'

function newWalk(req: PayloadRequest): Walk {
  const config = req.payload.config
  return {
    problems: [],
    references: new Map(),
    blocks: Object.fromEntries((config.blocks ?? []).map((block) => [block.slug, block])),
    uploadCollections: new Set(config.collections.filter((entry) => entry.upload).map((entry) => entry.slug)),
    req,
  }
}

/** Drafts skip relationship validation, and an unknown id then failed the foreign key: HTTP 500. */
async function reportMissingReferences(walk: Walk, req: PayloadRequest) {
  for (const [target, items] of walk.references) {
    if (!req.payload.collections[target as CollectionSlug]) {
      for (const item of items) report(walk, item.path, `There is no collection “${target}”.`)
      continue
    }
    const ids = [...new Set(items.map((item) => item.id))] as (number | string)[]
    const found = await req.payload.find({
      collection: target as CollectionSlug,
      where: { id: { in: ids } },
      depth: 0,
      limit: ids.length,
      pagination: false,
      overrideAccess: true,
      draft: true,
      select: {},
      req,
    })
    const known = new Set(found.docs.map((doc) => String(doc.id)))
    for (const item of items)
      if (!known.has(String(item.id))) report(walk, item.path, `No ${target} document has the id ${String(item.id)}.`)
  }
}

/** Every problem with `data` as a write to `fields`; `data` is trimmed and normalised in place. */
export async function inputProblems(
  fields: Field[],
  data: Data,
  req: PayloadRequest,
  { references = true } = {},
): Promise<Problem[]> {
  const walk = newWalk(req)
  for (const [key, value] of Object.entries(data)) {
    if (tooDeep(value, MAX_INPUT_DEPTH)) report(walk, key, `Nested more than ${MAX_INPUT_DEPTH} levels deep.`)
  }
  if (!walk.problems.length) checkFields(fields, data, '', walk)
  if (!walk.problems.length && references) await reportMissingReferences(walk, req)
  return walk.problems
}

/** A refused body: the client's mistake, logged as information rather than as a server error. */
export class MalformedInput extends APIError {
  constructor(message: string) {
    super(message, 400, undefined, true)
    // Set explicitly: a minified build renames classes, and `loggingLevels` matches on the name.
    this.name = 'MalformedInput'
  }
}

/** The data of a write, or the 400 that refuses a body that is not an object of fields. */
function writeData(args: { data?: unknown }, req: PayloadRequest): Data {
  // A multipart upload may carry only the file.
  if (args.data === undefined && req.file) args.data = {}
  if (!isPlainObject(args.data)) throw new MalformedInput(NOT_AN_OBJECT)
  return args.data
}

/** Anonymous writes are refused by access rules next; only staff and scripts may learn which ids exist. */
const mayCheckReferences = (req: PayloadRequest, overrideAccess: boolean | undefined) =>
  Boolean(req.user) || overrideAccess !== false

const AUTH_FIELDS = ['email', 'username', 'password', 'token'] as const
const MAX_AUTH_FIELD = 1024

/** Sign-in, password reset and unlock bodies: a few strings, nothing else that a query could read. */
function authProblems(data: Data): Problem[] {
  const problems: Problem[] = []
  for (const name of AUTH_FIELDS) {
    const value = data[name]
    if (value === undefined) continue
    if (typeof value !== 'string') problems.push({ path: name, message: `Expected text (got ${typeof value}).` })
    else if (value.length > MAX_AUTH_FIELD)
      problems.push({ path: name, message: `At most ${MAX_AUTH_FIELD} characters.` })
  }
  return problems
}

/**
 * Payload's ValidationError, named explicitly: a minified build renames the class, and then both the
 * `name` clients read and the `loggingLevels` entry (info, not an error with a stack) are lost.
 */
function refusal(errors: Problem[], req: PayloadRequest, owner: { collection: string } | { global: string }) {
  const error = new ValidationError({ ...owner, errors, req })
  error.name = 'ValidationError'
  return error
}

export const rejectMalformedInput: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  overrideAccess,
  req,
}) => {
  if (
    operation === 'login' ||
    operation === 'forgotPassword' ||
    operation === 'resetPassword' ||
    operation === 'unlock'
  ) {
    const problems = authProblems(writeData(args as { data?: unknown }, req))
    if (problems.length) throw refusal(problems, req, { collection: collection.slug })
    return args
  }
  if (operation !== 'create' && operation !== 'update') return args
  // A pending draft saved again after a plain save: stored data and a body this hook has checked.
  if (req.context?.[REAPPLYING_DRAFT]) return args
  const data = writeData(args as { data?: unknown }, req)
  const problems = await inputProblems(collection.fields, data, req, {
    references: mayCheckReferences(req, overrideAccess),
  })
  if (problems.length) throw refusal(problems, req, { collection: collection.slug })
  return args
}

export const rejectMalformedGlobalInput: GlobalBeforeOperationHook = async ({ args, global, operation, req }) => {
  if (operation !== 'update') return args
  const data = writeData(args as { data?: unknown }, req)
  const problems = await inputProblems(global.fields, data, req, {
    references: mayCheckReferences(req, (args as { overrideAccess?: boolean }).overrideAccess),
  })
  if (problems.length) throw refusal(problems, req, { global: global.slug })
  return args
}
