/**
 * The shape of a Lexical document, checked against the editor the field is configured with: only
 * the node types its features register (an unknown type was stored and shown as "unknown node"),
 * each node's own properties (a heading's tag, a list's type, a text node's text), and the fields
 * that links, blocks and uploads carry, through the same field walker as the rest of the document,
 * so links in text obey the site's URL rule and a block's rows their limits.
 */
import type { Field, PayloadRequest } from 'payload'

import type { Data, Walk } from './shape'
import { isId, isPlainObject, report } from './shape'

type CheckFields = (fields: Field[], data: Data, prefix: string, walk: Walk) => void

type SubFieldsFn = (args: { node: unknown; req: PayloadRequest }) => Field[] | null | undefined
type SanitizedEditor = {
  editorConfig?: {
    features?: { nodes?: { node: { getType?: () => string } }[]; getSubFields?: Map<string, SubFieldsFn> }
    resolvedFeatureMap?: Map<string, { sanitizedServerFeatureProps?: { enabledHeadingSizes?: string[] } }>
  }
}

/** Lexical's own nodes, present in every editor. */
const CORE_TYPES = ['root', 'paragraph', 'text', 'linebreak', 'tab']
const ELEMENT_TYPES = new Set(['root', 'paragraph', 'heading', 'quote', 'list', 'listitem', 'link', 'autolink'])
const ALIGNMENTS = new Set(['', 'left', 'start', 'center', 'right', 'end', 'justify'])
const DIRECTIONS = new Set(['ltr', 'rtl'])
const TEXT_MODES = new Set(['normal', 'token', 'segmented'])
const LIST_TYPES = new Set(['bullet', 'number', 'check'])

type EditorRules = { types: Set<string>; headings: Set<string>; subFields: Map<string, SubFieldsFn> }
const rulesCache = new WeakMap<object, EditorRules>()

function rulesOf(editor: unknown): EditorRules | undefined {
  const config = (editor as SanitizedEditor | undefined)?.editorConfig
  if (!config?.features?.nodes) return undefined
  const cached = rulesCache.get(config)
  if (cached) return cached
  const types = new Set([...CORE_TYPES, ...config.features.nodes.map((entry) => entry.node.getType?.() ?? '')])
  const headings = config.resolvedFeatureMap?.get('heading')?.sanitizedServerFeatureProps?.enabledHeadingSizes ?? [
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
  ]
  const rules = { types, headings: new Set(headings), subFields: config.features.getSubFields ?? new Map() }
  rulesCache.set(config, rules)
  return rules
}

const isCount = (value: unknown) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0

/** The problem with one node's own properties, if any (children and fields are walked by the caller). */
function nodeProblem(node: Data, rules: EditorRules): string | undefined {
  const type = node.type
  if (typeof type !== 'string') return 'A rich text node needs a type.'
  if (!rules.types.has(type))
    return `Unknown rich text node type “${type.slice(0, 40)}”: this editor takes ${[...rules.types].join(', ')}.`
  if (node.version !== undefined && !isCount(node.version)) return 'version must be a whole number.'
  if (ELEMENT_TYPES.has(type)) {
    if (!Array.isArray(node.children)) return `A ${type} node needs a list of children.`
    if (
      node.format !== undefined &&
      !(typeof node.format === 'string' ? ALIGNMENTS.has(node.format) : isCount(node.format))
    )
      return 'format must be an alignment (left, center, right, justify, start, end or empty).'
    if (node.indent !== undefined && !isCount(node.indent)) return 'indent must be a whole number.'
    if (node.direction !== undefined && node.direction !== null && !DIRECTIONS.has(node.direction as string))
      return 'direction must be ltr, rtl or null.'
  } else if (node.children !== undefined) {
    return `A ${type} node has no children.`
  }
  switch (type) {
    case 'text':
      if (typeof node.text !== 'string') return 'A text node needs its text, as a string.'
      if (node.format !== undefined && !isCount(node.format)) return 'A text node’s format is a whole number.'
      if (node.detail !== undefined && !isCount(node.detail)) return 'A text node’s detail is a whole number.'
      if (node.mode !== undefined && !TEXT_MODES.has(node.mode as string))
        return 'mode must be normal, token or segmented.'
      if (node.style !== undefined && (typeof node.style !== 'string' || node.style.length > 500))
        return 'style must be text.'
      return undefined
    case 'heading':
      return rules.headings.has(node.tag as string)
        ? undefined
        : `A heading’s tag must be one of ${[...rules.headings].join(', ')}.`
    case 'list':
      if (!LIST_TYPES.has(node.listType as string)) return 'A list’s listType must be bullet, number or check.'
      if (node.tag !== 'ul' && node.tag !== 'ol') return 'A list’s tag must be ul or ol.'
      if (node.start !== undefined && !isCount(node.start)) return 'A list’s start must be a whole number.'
      return undefined
    case 'listitem':
      if (node.value !== undefined && !isCount(node.value)) return 'A list item’s value must be a whole number.'
      if (node.checked !== undefined && typeof node.checked !== 'boolean') return 'checked must be true or false.'
      return undefined
    case 'link':
    case 'autolink':
    case 'block':
    case 'inlineBlock':
      return isPlainObject(node.fields) ? undefined : `A ${type} node needs its fields, as an object.`
    case 'upload':
      if (!isId(isPlainObject(node.value) ? node.value.id : node.value)) return 'An upload node needs the id of a file.'
      if (node.fields !== undefined && node.fields !== null && !isPlainObject(node.fields))
        return 'An upload node’s fields are an object.'
      return undefined
    default:
      return undefined
  }
}

/** The fields a node carries (a link's, a block's), from the feature that registered the node. */
function subFieldsOf(node: Data, rules: EditorRules, walk: Walk, path: string): Field[] | undefined | string {
  const type = node.type as string
  const fn = rules.subFields.get(type === 'autolink' ? 'link' : type)
  if (type === 'block' || type === 'inlineBlock') {
    const fields = fn?.({ node, req: walk.req as PayloadRequest })
    return fields ?? `Unknown block type “${String((node.fields as Data).blockType).slice(0, 40)}”.`
  }
  if (type === 'upload') {
    if (typeof node.relationTo !== 'string' || !walk.uploadCollections.has(node.relationTo))
      return `An upload node’s relationTo must be one of ${[...walk.uploadCollections].join(', ')}.`
    walk.references.set(node.relationTo, [
      ...(walk.references.get(node.relationTo) ?? []),
      { path, id: isPlainObject(node.value) ? node.value.id : node.value },
    ])
    if (!isPlainObject(node.fields)) return undefined
  }
  return fn?.({ node, req: walk.req as PayloadRequest }) ?? undefined
}

/** Checks a rich text value (already known to be `{ root: {…} }`) against the field's editor. */
export function checkRichText(
  field: { editor?: unknown },
  value: Data,
  path: string,
  walk: Walk,
  checkFields: CheckFields,
) {
  const rules = rulesOf(field.editor)
  const stack: [unknown, string][] = [[value.root, `${path}.root`]]
  while (stack.length) {
    const [node, nodePath] = stack.pop() as [unknown, string]
    if (!isPlainObject(node)) {
      report(walk, nodePath, `Expected a rich text node (got ${node === null ? 'null' : typeof node}).`)
      continue
    }
    if (nodePath === `${path}.root` && node.type !== 'root') {
      report(walk, nodePath, 'A rich text document starts with a node of type root.')
      continue
    }
    if (rules) {
      const problem = nodeProblem(node, rules)
      if (problem) {
        report(walk, nodePath, problem)
        continue
      }
      const fields = subFieldsOf(node, rules, walk, nodePath)
      if (typeof fields === 'string') report(walk, `${nodePath}.fields`, fields)
      else if (fields?.length && isPlainObject(node.fields))
        checkFields(fields, node.fields, `${nodePath}.fields`, walk)
    } else if (node.children !== undefined && !Array.isArray(node.children)) {
      report(walk, nodePath, 'children must be a list of nodes.')
      continue
    }
    if (Array.isArray(node.children))
      for (let index = node.children.length - 1; index >= 0; index -= 1)
        stack.push([node.children[index], `${nodePath}.children.${index}`])
  }
}
