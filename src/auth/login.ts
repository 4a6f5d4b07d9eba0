import crypto from 'node:crypto'
import { promisify } from 'node:util'

import type {
  CollectionAfterErrorHook,
  CollectionAfterLoginHook,
  CollectionBeforeOperationHook,
  PayloadRequest,
} from 'payload'

import { checkLoginAttempt, loginFailed, loginSucceeded, normalizedEmail } from './throttle'

const pbkdf2 = promisify(crypto.pbkdf2)

/**
 * The work Payload does to check a password (node_modules/payload/dist/auth/strategies/local/
 * generatePasswordSaltHash.js: PBKDF2-SHA256, 600,000 iterations, 32 bytes), 200-400 ms on this
 * machine. tests/int/auth-throttle.test.ts checks that stored hashes still have this shape.
 */
export const PASSWORD_HASH = { prefix: 'pbkdf2-sha256-v1:', iterations: 600_000, keyLength: 32 } as const

/**
 * Payload answers an unknown email at once and checks a known one's password first, so the answer
 * time told which emails have accounts. An unknown email now costs the same password check.
 */
async function checkPasswordOfNobody(req: PayloadRequest, data: Record<string, unknown> | undefined) {
  const email = normalizedEmail(data?.email)
  const password = data?.password
  // Payload refuses these at once, for every email alike.
  if (!email || typeof password !== 'string' || !password.trim()) return
  const user = await req.payload.db.findOne({ collection: 'users', where: { email: { equals: email } }, req })
  if (user) return
  await pbkdf2(
    password,
    crypto.randomBytes(32).toString('hex'),
    PASSWORD_HASH.iterations,
    PASSWORD_HASH.keyLength,
    'sha256',
  )
}

/** Every sign-in (REST, GraphQL, the admin's form): throttled by address and email, equal in time. */
export const guardLogin: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login') return args
  const data = (args as { data?: Record<string, unknown> }).data
  checkLoginAttempt(req, data?.email)
  await checkPasswordOfNobody(req, data)
  return args
}

export const forgetFailedLogins: CollectionAfterLoginHook = ({ req, user }) => {
  loginSucceeded(req)
  return user
}

/** REST: a sign-in that ends in an error (wrong password, unknown email) counts as a failure. */
export const countFailedLogin: CollectionAfterErrorHook = ({ error, req }) => {
  loginFailed(req, error)
}
