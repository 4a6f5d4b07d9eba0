import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql'

/**
 * Introspection (`__schema`, `__type`) tells a client every collection, field and argument. The
 * admin does not use it; staff tools may. In production it is closed to anonymous clients.
 */
export function closedIntrospection(args: { contextValue?: unknown }) {
  const signedIn = Boolean((args.contextValue as { req?: { user?: unknown } } | undefined)?.req?.user)
  return (context: ValidationContext): ASTVisitor => ({
    Field(node) {
      if (process.env.NODE_ENV !== 'production' || signedIn) return
      if (node.name.value === '__schema' || node.name.value === '__type')
        context.reportError(new GraphQLError('Introspection is available to signed-in users only.', { nodes: [node] }))
    },
  })
}
