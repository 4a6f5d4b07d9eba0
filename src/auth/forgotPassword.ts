import {
  addDataAndFileToRequest,
  headersWithCors,
  isolateObjectProperty,
  type Endpoint,
  type PayloadRequest,
} from 'payload'

import { checkResetRequest } from './throttle'

/**
 * "Forgot password" answers the same, at once, whether the email has an account or not: the reset
 * (token, email) goes on after the answer, so its time tells nothing. Payload's own handler waited
 * for it, and a known email took visibly longer than an unknown one. Requests are throttled by
 * address (src/auth/throttle.ts).
 */
function resetInBackground(req: PayloadRequest, email: string) {
  const isolated = isolateObjectProperty(req, 'transactionID')
  void req.payload
    .forgotPassword({ collection: 'users', data: { email }, req: isolated })
    .catch((error: unknown) => req.payload.logger.error({ err: error, msg: 'Sending a password reset failed' }))
}

const missingEmail = () => Response.json({ errors: [{ message: 'Missing email.', path: 'email' }] }, { status: 400 })

/** Takes the place of Payload's `POST /api/users/forgot-password` (custom endpoints come first). */
export const forgotPasswordEndpoint: Endpoint = {
  path: '/forgot-password',
  method: 'post',
  handler: async (req) => {
    await addDataAndFileToRequest(req)
    const email = (req.data as { email?: unknown } | undefined)?.email
    if (typeof email !== 'string' || !email.trim()) return missingEmail()
    checkResetRequest(req)
    resetInBackground(req, email)
    return Response.json(
      { message: req.t('general:success') },
      { status: 200, headers: headersWithCors({ headers: new Headers(), req }) },
    )
  },
}

type Resolver = (
  source: unknown,
  args: Record<string, unknown>,
  context: { req: PayloadRequest },
  info: unknown,
) => unknown

/** The same for GraphQL's `forgotPasswordUser`: checked and answered at once, the reset after. */
export const forgotPasswordResolver =
  (original: Resolver): Resolver =>
  async (source, args, context, info) => {
    if (typeof args.email !== 'string' || !args.email.trim()) return original(source, args, context, info)
    checkResetRequest(context.req)
    resetInBackground(context.req, args.email)
    return true
  }
