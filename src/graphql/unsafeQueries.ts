import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { Kind, parse, type DocumentNode, type SelectionSetNode } from 'graphql'
import type { SanitizedConfig } from 'payload'

/**
 * Queries refused before GraphQL validates them. Payload's complexity rule walks fragment spreads
 * recursively, before graphql's own NoFragmentCycles rule can refuse a cycle: `fragment A { ...B }
 * fragment B { ...A }` overflowed the stack and answered an empty 500. Fragments spread many times
 * each (A spreads B twice, B spreads C twice, …) make the same walk exponential. Both are measured
 * here on the parsed document, iteratively and once per fragment.
 */

/** Fields a query may select once its fragments are expanded; real queries select a few hundred. */
export const MAX_EXPANDED_FIELDS = 20_000
/** Tokens graphql's parser reads at most (it recurses on nesting). */
const MAX_TOKENS = 100_000

const refusal = (message: string) => Response.json({ errors: [{ message }] }, { status: 400 })

type Shape = { spreads: string[]; fields: number }

function shapeOf(selectionSet: SelectionSetNode | undefined): Shape {
  const shape: Shape = { spreads: [], fields: 0 }
  const stack = selectionSet ? [selectionSet] : []
  while (stack.length) {
    for (const selection of (stack.pop() as SelectionSetNode).selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) shape.spreads.push(selection.name.value)
      else {
        if (selection.kind === Kind.FIELD) shape.fields += 1
        if (selection.selectionSet) stack.push(selection.selectionSet)
      }
    }
  }
  return shape
}

/** Why this document may not be run, or null. */
export function unsafeQueryProblem(document: DocumentNode): string | null {
  const fragments = new Map<string, Shape>()
  const operations: Shape[] = []
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, shapeOf(definition.selectionSet))
    else if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(shapeOf(definition.selectionSet))
  }
  // Depth-first over the fragment graph without recursion: a fragment met again while still open is a cycle.
  const size = new Map<string, number>()
  const open = new Set<string>()
  for (const start of fragments.keys()) {
    if (size.has(start)) continue
    const stack: { name: string; next: number }[] = [{ name: start, next: 0 }]
    open.add(start)
    while (stack.length) {
      const top = stack[stack.length - 1]
      const shape = fragments.get(top.name) as Shape
      if (top.next < shape.spreads.length) {
        const child = shape.spreads[top.next++]
        if (open.has(child)) {
          const path = [
            ...stack.slice(stack.findIndex((entry) => entry.name === child)).map((entry) => entry.name),
            child,
          ]
          return `Fragment “${child}” spreads itself (${path.join(' → ')}): fragment cycles are not allowed.`
        }
        if (!size.has(child) && fragments.has(child)) {
          open.add(child)
          stack.push({ name: child, next: 0 })
        }
        continue
      }
      const total = shape.spreads.reduce((sum, name) => sum + (size.get(name) ?? 0), shape.fields)
      size.set(top.name, Math.min(total, Number.MAX_SAFE_INTEGER))
      open.delete(top.name)
      stack.pop()
    }
  }
  for (const operation of operations) {
    const total = operation.spreads.reduce((sum, name) => sum + (size.get(name) ?? 0), operation.fields)
    if (total > MAX_EXPANDED_FIELDS)
      return `This query selects ${total.toLocaleString('en-US')} fields once its fragments are expanded; the limit is ${MAX_EXPANDED_FIELDS.toLocaleString('en-US')}.`
  }
  return null
}

async function queryOf(request: Request): Promise<string | undefined> {
  if (!/json/i.test(request.headers.get('content-type') ?? '')) return undefined
  try {
    const body = (await request.json()) as { query?: unknown }
    return typeof body?.query === 'string' ? body.query : undefined
  } catch {
    return undefined
  }
}

/** Payload's GraphQL route, with the checks above in front of it (app/(payload)/api/graphql/route.ts). */
export function guardedGraphqlPost(config: Promise<SanitizedConfig> | SanitizedConfig) {
  const handler = GRAPHQL_POST(config)
  return async (request: Request): Promise<Response> => {
    const query = await queryOf(request.clone())
    if (query !== undefined) {
      let document: DocumentNode | undefined
      try {
        document = parse(query, { maxTokens: MAX_TOKENS })
      } catch (error) {
        // Syntax errors are answered by Payload's handler as usual; only a parser stack overflow is ours.
        if (error instanceof RangeError) return refusal('This query is nested too deeply.')
      }
      const problem = document && unsafeQueryProblem(document)
      if (problem) return refusal(problem)
    }
    return handler(request)
  }
}
