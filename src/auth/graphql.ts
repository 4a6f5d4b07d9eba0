import type { GraphQLInfo, PayloadRequest } from 'payload'

import { forgotPasswordResolver } from './forgotPassword'
import { loginFailed } from './throttle'

type Resolver = (
  source: unknown,
  args: Record<string, unknown>,
  context: { req: PayloadRequest },
  info: unknown,
) => unknown
type Field = { resolve?: Resolver; [key: string]: unknown }

/**
 * GraphQL's sign-in and password-reset mutations, wrapped as REST's are: a failed `loginUser`
 * counts against its address and email (REST counts in the collection's afterError hook, which
 * GraphQL does not call), and `forgotPasswordUser` answers at once. Registered as custom
 * mutations under the same names, which replace Payload's (payload.config.ts, graphQL.mutations).
 */
export function authMutations(_graphQL: unknown, { Mutation }: GraphQLInfo): Record<string, Field> {
  const fields = Mutation.fields as Record<string, Field>
  const login = fields.loginUser
  const forgot = fields.forgotPasswordUser
  const wrapped: Record<string, Field> = {}
  if (login?.resolve) {
    const original = login.resolve
    wrapped.loginUser = {
      ...login,
      resolve: async (source, args, context, info) => {
        try {
          return await original(source, args, context, info)
        } catch (error) {
          loginFailed(context.req, error)
          throw error
        }
      },
    }
  }
  if (forgot?.resolve) wrapped.forgotPasswordUser = { ...forgot, resolve: forgotPasswordResolver(forgot.resolve) }
  return wrapped
}
