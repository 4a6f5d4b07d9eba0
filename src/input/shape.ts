/**
 * The shape check: walks a collection's or global's own field config over incoming data and says,
 * field by field, where the data is not what the schema stores. Every field type is covered, so a
 * new field is checked the day it is added, without a new rule. It also enforces the limits the
 * schema declares (lengths, row counts) before anything processes the data, and trims single-line
 * text, whose surrounding spaces are never meant (a role of "  " is no role).
 *
 * What is checked here is shape, not content rules: required fields, minRows and the collections'
 * own validators stay with Payload's validation, which drafts may skip.
 */
import type { Block, Field, PayloadRequest, Tab } from 'payload'

import { linkKindOf, linkProblem } from '@/fields/url'

import { checkRichText } from './lexical'

export type Problem = { path: string; message: string }
/** Relationship ids seen in the input, by target collection, to check that they exist. */
export type References = Map<string, { path: string; id: unknown }[]>
export type Data = Record<string, unknown>

/** Lexical documents nest a few levels per list or quote; nothing real comes near this. */
export const MAX_INPUT_DEPTH = 48
/** Lists whose field declares no limit (authors, FAQ lists, old slugs) still have one. */
export const DEFAULT_MAX_ROWS = 1000
/** Past this many problems the answer names the first ones only: a 10,000-row body is refused in one line. */
export const MAX_PROBLEMS = 25

export type Walk = {
  problems: Problem[]
  references: References
  /** Blocks registered on the config (`blockReferences`), by slug. */
  blocks: Record<string, Block | undefined>
  /** Collections that take uploads, for upload nodes in rich text. */
  uploadCollections: Set<string>
  /** For features that look fields up per request (upload nodes' fields). */
  req?: PayloadRequest
}

export const isPlainObject = (value: unknown): value is Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export function tooDeep(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length) {
    const [current, depth] = stack.pop() as [unknown, number]
    if (typeof current !== 'object' || current === null) continue
    if (depth >= limit) return true
    for (const child of Object.values(current)) stack.push([child, depth + 1])
  }
  return false
}

export const isId = (value: unknown) =>
  (typeof value === 'string' && value.length > 0 && value.length <= 64) ||
  (typeof value === 'number' && Number.isSafeInteger(value))

const isDate = (value: unknown) =>
  (typeof value === 'string' && value.length <= 64 && !Number.isNaN(Date.parse(value))) ||
  (value instanceof Date && !Number.isNaN(value.getTime()))

const describe = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value

export function report(walk: Walk, path: string, message: string) {
  if (walk.problems.length < MAX_PROBLEMS) walk.problems.push({ path, message })
}

const join = (prefix: string, name: string | number) => (prefix ? `${prefix}.${name}` : String(name))

function optionValues(field: { options: unknown[] }): string[] {
  return field.options.map((option) =>
    typeof option === 'string' ? option : String((option as { value: unknown }).value),
  )
}

function addReference(walk: Walk, target: unknown, id: unknown, path: string) {
  if (typeof target !== 'string' || !isId(id)) return
  walk.references.set(target, [...(walk.references.get(target) ?? []), { path, id }])
}

/** An id, or the populated document a client read and sent back. */
const idIn = (value: unknown) => (isPlainObject(value) ? value.id : value)

function checkRelation(field: Field & { type: 'relationship' | 'upload' }, item: unknown, path: string, walk: Walk) {
  if (Array.isArray(field.relationTo)) {
    const targets = field.relationTo as string[]
    if (!isPlainObject(item) || typeof item.relationTo !== 'string' || !targets.includes(item.relationTo)) {
      return report(walk, path, `Expected { relationTo: ${targets.map((t) => `"${t}"`).join(' | ')}, value: id }.`)
    }
    const id = idIn(item.value)
    if (!isId(id)) return report(walk, path, 'Expected the id of a document as value.')
    return addReference(walk, item.relationTo, id, path)
  }
  const id = idIn(item)
  if (!isId(id)) return report(walk, path, `Expected the id of a ${field.relationTo} document (got ${describe(item)}).`)
  addReference(walk, field.relationTo, id, path)
}

/** One value (one item of a hasMany field) of a field that holds a scalar or a relation. */
function checkItem(field: Field & { name: string }, value: unknown, path: string, walk: Walk): unknown {
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code': {
      if (typeof value !== 'string') return (report(walk, path, `Expected text (got ${describe(value)}).`), value)
      const text = field.type === 'text' || field.type === 'email' ? value.trim() : value
      const max = (field as { maxLength?: number }).maxLength
      if (max !== undefined && text.length > max)
        report(walk, path, `At most ${max} characters (this has ${text.length.toLocaleString('en-US')}).`)
      const kind = linkKindOf(field)
      if (kind && text !== '') {
        const problem = linkProblem(text, kind)
        if (problem) report(walk, path, problem)
      }
      return text
    }
    case 'select':
    case 'radio': {
      const allowed = optionValues(field)
      if (typeof value !== 'string' || !allowed.includes(value))
        report(walk, path, `Expected one of ${allowed.map((option) => `“${option}”`).join(', ')}.`)
      return value
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value))
        report(walk, path, `Expected a number (got ${describe(value)}).`)
      return value
    case 'relationship':
    case 'upload':
      // An emptied picker: Payload stores it as no relation.
      if (value === '') return null
      checkRelation(field, value, path, walk)
      return value
    default:
      return value
  }
}

/** A list a field holds: a list, under its limit, of items that are not null. */
function checkList(field: Field & { name: string }, value: unknown, path: string, walk: Walk, what: string) {
  if (!Array.isArray(value)) return (report(walk, path, `Expected a list of ${what} (got ${describe(value)}).`), false)
  const max = (field as { maxRows?: number }).maxRows ?? DEFAULT_MAX_ROWS
  if (value.length > max) {
    report(walk, path, `At most ${max} ${what} (this has ${value.length.toLocaleString('en-US')}).`)
    return false
  }
  return true
}

function checkValue(field: Field & { name: string }, value: unknown, path: string, walk: Walk): unknown {
  const hasMany = 'hasMany' in field && field.hasMany === true
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
    case 'select':
    case 'radio':
    case 'number':
    case 'relationship':
    case 'upload':
      if (!hasMany) return checkItem(field, value, path, walk)
      if (
        !checkList(
          field,
          value,
          path,
          walk,
          field.type === 'relationship' || field.type === 'upload' ? 'ids' : 'values',
        )
      )
        return value
      return (value as unknown[]).map((item, index) =>
        item === null ||
        item === undefined ||
        (item === '' && (field.type === 'relationship' || field.type === 'upload'))
          ? (report(walk, join(path, index), 'An empty item in a list.'), item)
          : checkItem(field, item, join(path, index), walk),
      )
    case 'checkbox':
      if (typeof value !== 'boolean') report(walk, path, `Expected true or false (got ${describe(value)}).`)
      return value
    case 'date':
      if (!isDate(value)) report(walk, path, 'Expected a date (ISO 8601, such as 2026-06-01).')
      return value
    case 'point':
      if (
        !Array.isArray(value) ||
        value.length !== 2 ||
        !value.every((coordinate) => typeof coordinate === 'number' && Number.isFinite(coordinate)) ||
        Math.abs(value[0]) > 180 ||
        Math.abs(value[1]) > 90
      )
        report(walk, path, 'Expected a point: [longitude, latitude].')
      return value
    case 'json':
      if (tooDeep(value, MAX_INPUT_DEPTH)) report(walk, path, `Nested more than ${MAX_INPUT_DEPTH} levels deep.`)
      return value
    case 'richText':
      if (!isPlainObject(value) || !isPlainObject(value.root))
        report(walk, path, `Expected a rich text document ({ root: { … } }, got ${describe(value)}).`)
      else checkRichText(field, value, path, walk, checkFields)
      return value
    case 'group':
      if (!isPlainObject(value)) report(walk, path, `Expected an object of fields (got ${describe(value)}).`)
      else checkFields(field.fields, value, path, walk)
      return value
    case 'array':
      // The admin form sends a list it has no rows for as its row count, 0, which Payload reads as [].
      if (value === 0 || value === '0') return []
      if (!checkList(field, value, path, walk, 'rows')) return value
      ;(value as unknown[]).forEach((row, index) => {
        if (!isPlainObject(row)) report(walk, join(path, index), `Expected a row of fields (got ${describe(row)}).`)
        else checkFields(field.fields, row, join(path, index), walk)
      })
      return value
    case 'blocks': {
      if (value === 0 || value === '0') return []
      if (!checkList(field, value, path, walk, 'blocks')) return value
      const blocks = [
        ...field.blocks,
        ...(field.blockReferences ?? []).map((ref) => (typeof ref === 'string' ? walk.blocks[ref] : ref)),
      ].filter((block): block is Block => Boolean(block))
      ;(value as unknown[]).forEach((item, index) => {
        const block = isPlainObject(item) ? blocks.find((candidate) => candidate.slug === item.blockType) : undefined
        if (!block)
          report(
            walk,
            join(path, index),
            `Expected a block with blockType ${blocks.map((candidate) => `“${candidate.slug}”`).join(', ')}.`,
          )
        else checkFields(block.fields, item as Data, join(path, index), walk)
      })
      return value
    }
    default:
      return value
  }
}

/**
 * Checks `data` against `fields`, in place: trimmed text replaces what was sent, an emptied list
 * (null, or the admin's 0) becomes []. Problems and referenced ids are collected in `walk`.
 */
export function checkFields(fields: (Field | Tab)[], data: Data, prefix: string, walk: Walk): void {
  for (const field of fields) {
    if (walk.problems.length >= MAX_PROBLEMS) return
    const named = 'name' in field && typeof field.name === 'string' && field.name !== ''
    if (!('type' in field)) {
      // A tab: a named one holds its own object, an unnamed one lays fields out in its parent's.
      if (!named) checkFields(field.fields, data, prefix, walk)
      else checkNested(field.fields, data, field.name as string, prefix, walk)
      continue
    }
    if (field.type === 'tabs') {
      checkFields(field.tabs, data, prefix, walk)
      continue
    }
    if (!named) {
      // rows, collapsibles and unnamed groups lay fields out without nesting their data
      if ('fields' in field && Array.isArray(field.fields)) checkFields(field.fields, data, prefix, walk)
      continue
    }
    if (field.type === 'join' || field.type === 'ui' || ('virtual' in field && field.virtual)) continue
    const name = field.name as string
    if (!Object.prototype.hasOwnProperty.call(data, name)) continue
    const value = data[name]
    if (value === undefined) continue
    if (value === null) {
      // An emptied list is []: null reached the SQLite adapter's array handling and crashed it.
      if (field.type === 'array' || field.type === 'blocks') data[name] = []
      continue
    }
    const checked = checkValue(field as Field & { name: string }, value, join(prefix, name), walk)
    if (checked !== value) data[name] = checked
  }
}

function checkNested(fields: Field[], data: Data, name: string, prefix: string, walk: Walk) {
  const value = data[name]
  if (value === undefined || value === null) return
  const path = join(prefix, name)
  if (!isPlainObject(value)) report(walk, path, `Expected an object of fields (got ${describe(value)}).`)
  else checkFields(fields, value, path, walk)
}
