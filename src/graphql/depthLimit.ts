import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql'

/**
 * The deepest selection a GraphQL query may make. Payload's complexity limit adds a fixed cost per
 * relationship level, but the answer grows by a factor per level: articles whose related posts list
 * each other make `relatedPosts { relatedPosts { … } }` thirty levels deep cost 310 points and
 * 6^30 objects. Seven levels cover every real query (a list, its docs, two relationships down and
 * their fields) and bound that growth.
 */
export const MAX_QUERY_DEPTH = 7

/** A validation rule refusing operations nested deeper than `maxDepth` fields, fragments included. */
export function depthLimit(maxDepth = MAX_QUERY_DEPTH) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>()
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
    }
    // Memoised so fragments spread many times cannot make the check itself exponential.
    const fragmentDepth = new Map<string, number>()

    const depthOf = (selectionSet: SelectionSetNode | undefined): number => {
      if (!selectionSet) return 0
      let deepest = 0
      for (const selection of selectionSet.selections) {
        let depth = 0
        if (selection.kind === Kind.FIELD) {
          // Introspection (the development playground's schema query) is deep by nature and costs nothing.
          if (selection.name.value.startsWith('__')) continue
          depth = 1 + depthOf(selection.selectionSet)
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          depth = depthOf(selection.selectionSet)
        } else {
          const name = selection.name.value
          if (!fragmentDepth.has(name)) {
            fragmentDepth.set(name, 0) // a cycle counts as nothing here; graphql's NoFragmentCycles refuses it
            fragmentDepth.set(name, depthOf(fragments.get(name)?.selectionSet))
          }
          depth = fragmentDepth.get(name) ?? 0
        }
        deepest = Math.max(deepest, depth)
      }
      return deepest
    }

    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet)
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(
              `This query is nested ${depth} levels deep; the limit is ${maxDepth} (query depth limit).`,
              { nodes: [node] },
            ),
          )
        }
      },
    }
  }
}
