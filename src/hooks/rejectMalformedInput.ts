import {
  APIError,
  ValidationError,
  type CollectionBeforeOperationHook,
  type CollectionConfig,
  type CollectionSlug,
  type Field,
} from 'payload'

/**
 * Refuses, with a 400 naming the field, input whose *shape* is wrong: a date that is not a date, an
 * array where a relationship id belongs, text that is an object, nesting hundreds of levels deep.
 *
 * Payload's field validation would refuse most of these, but it runs late (after field hooks) and
 * not at all for drafts, and some shapes crash earlier: an invalid `createdAt` throws in date
 * handling, a nested array in a relationship reaches SQLite as an unbindable value. Each of those
 * answered HTTP 500 (found by tests/int/hostile.test.ts). Types are checked for drafts too; only
 * required-ness is left to drafts' own rules.
 */

type Problem = { path: string; message: string }
type Data = Record<string, unknown>
/** Relationship ids seen in the input, by target collection, to check that they exist. */
type References = Map<string, { path: string; id: unknown }[]>

/** Lexical documents nest a few levels per list or quote; nothing real comes near this. */
export const MAX_INPUT_DEPTH = 48

const isPlainObject = (value: unknown): value is Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function tooDeep(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length) {
    const [current, depth] = stack.pop() as [unknown, number]
    if (typeof current !== 'object' || current === null) continue
    if (depth >= limit) return true
    for (const child of Object.values(current)) stack.push([child, depth + 1])
  }
  return false
}

const isId = (value: unknown) =>
  (typeof value === 'string' && value.length > 0 && value.length <= 64) ||
  (typeof value === 'number' && Number.isSafeInteger(value))

/** An id, `{ relationTo, value }` for polymorphic fields, or a populated document with its id. */
const isRelationValue = (value: unknown) =>
  isId(value) || (isPlainObject(value) && (isId(value.value) || isId(value.id)))

const isDate = (value: unknown) =>
  (typeof value === 'string' && value.length <= 64 && !Number.isNaN(Date.parse(value))) ||
  (value instanceof Date && !Number.isNaN(value.getTime()))

function checkValue(
  field: Field & { name: string },
  value: unknown,
  path: string,
  problems: Problem[],
  references: References,
) {
  const hasMany = 'hasMany' in field && field.hasMany === true
  const each = (ok: (item: unknown) => boolean, message: string) => {
    const fine = hasMany ? Array.isArray(value) && value.every((item) => item === null || ok(item)) : ok(value)
    if (!fine) problems.push({ path, message: hasMany ? `${message} (a list of them).` : `${message}.` })
  }
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
    case 'select':
    case 'radio':
      return each((item) => typeof item === 'string', 'Expected text')
    case 'number':
      return each((item) => typeof item === 'number' && Number.isFinite(item), 'Expected a number')
    case 'checkbox':
      return each((item) => typeof item === 'boolean', 'Expected true or false')
    case 'date':
      return each(isDate, 'Expected a date')
    case 'relationship':
    case 'upload': {
      each(isRelationValue, 'Expected the id of a document')
      for (const item of hasMany && Array.isArray(value) ? value : [value]) {
        const target = Array.isArray(field.relationTo)
          ? isPlainObject(item)
            ? item.relationTo
            : undefined
          : field.relationTo
        const id = isPlainObject(item) ? (item.value ?? item.id) : item
        if (typeof target === 'string' && isId(id))
          references.set(target, [...(references.get(target) ?? []), { path, id }])
      }
      return
    }
    case 'richText':
      if (!isPlainObject(value) || !isPlainObject(value.root))
        problems.push({ path, message: 'Expected a rich text document.' })
      return
    case 'group':
      if (!isPlainObject(value)) problems.push({ path, message: 'Expected an object.' })
      else checkFields(field.fields, value, path, problems, references)
      return
    case 'array':
      // The admin form sends an array it has no rows for as its row count (0), which Payload accepts.
      if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return
      if (!Array.isArray(value) || !value.every(isPlainObject))
        problems.push({ path, message: 'Expected a list of rows.' })
      else
        value.forEach((row, index) => checkFields(field.fields, row as Data, `${path}.${index}`, problems, references))
      return
    case 'blocks':
      if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return
      if (
        !Array.isArray(value) ||
        !value.every((block) => isPlainObject(block) && typeof block.blockType === 'string')
      ) {
        problems.push({ path, message: 'Expected a list of blocks.' })
      }
      return
    default:
      return
  }
}

function checkFields(fields: Field[], data: Data, prefix: string, problems: Problem[], references: References) {
  for (const field of fields) {
    if ('name' in field && typeof field.name === 'string' && field.name) {
      const value = data[field.name]
      // An emptied list is []: null reached the SQLite adapter's array handling and crashed it.
      if (value === null && field.type === 'array') data[field.name] = []
      if (value === undefined || value === null || field.type === 'join' || field.type === 'ui') continue
      checkValue(
        field as Field & { name: string },
        value,
        prefix ? `${prefix}.${field.name}` : field.name,
        problems,
        references,
      )
    } else if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name) {
          const value = data[tab.name]
          if (value === undefined || value === null) continue
          const path = prefix ? `${prefix}.${tab.name}` : tab.name
          if (!isPlainObject(value)) problems.push({ path, message: 'Expected an object.' })
          else checkFields(tab.fields, value, path, problems, references)
        } else {
          checkFields(tab.fields, data, prefix, problems, references)
        }
      }
    } else if ('fields' in field && Array.isArray(field.fields)) {
      // rows and collapsibles lay fields out without nesting their data
      checkFields(field.fields, data, prefix, problems, references)
    }
  }
}

export const rejectMalformedInput: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const data: unknown = (args as { data?: unknown }).data
  if (data === undefined) return args
  if (!isPlainObject(data))
    throw new APIError('The request body must be a JSON object of fields.', 400, undefined, true)

  const problems: Problem[] = []
  for (const [key, value] of Object.entries(data)) {
    if (tooDeep(value, MAX_INPUT_DEPTH))
      problems.push({ path: key, message: `Nested more than ${MAX_INPUT_DEPTH} levels deep.` })
  }
  const references: References = new Map()
  if (!problems.length) checkFields(collection.fields, data, '', problems, references)
  // Drafts skip relationship validation, and an unknown id then failed the foreign key: HTTP 500.
  if (!problems.length) {
    for (const [target, items] of references) {
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
        if (!known.has(String(item.id)))
          problems.push({ path: item.path, message: `No ${target} document has the id ${String(item.id)}.` })
    }
  }
  if (problems.length) throw new ValidationError({ collection: collection.slug, errors: problems, req })
  return args
}

/** Puts the guard first among a collection's beforeOperation hooks. */
export function withInputGuard(collection: CollectionConfig): CollectionConfig {
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [rejectMalformedInput, ...(collection.hooks?.beforeOperation ?? [])],
    },
  }
}
