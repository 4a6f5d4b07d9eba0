import { APIError, type PayloadRequest } from 'payload'

import { CLIENT_ADDRESS_HEADER } from './clientAddress.mjs'

/**
 * Sliding-window counters of failed attempts, per key (a client address, an email). Kept in this
 * process's memory on globalThis: Next bundles the REST and GraphQL routes separately, and both
 * must count into the same window. Bounded: past MAX_KEYS the oldest keys are forgotten.
 */
const MAX_KEYS = 20_000

type Window = { limit: number; windowMs: number }

class FailureCounter {
  private readonly failures = new Map<string, number[]>()
  constructor(private readonly window: Window) {}

  private recent(key: string, now: number): number[] {
    const since = now - this.window.windowMs
    const kept = (this.failures.get(key) ?? []).filter((at) => at > since)
    if (kept.length) this.failures.set(key, kept)
    else this.failures.delete(key)
    return kept
  }

  /** Milliseconds until the key may try again; 0 when it may now. */
  retryAfterMs(key: string, now = Date.now()): number {
    const recent = this.recent(key, now)
    if (recent.length < this.window.limit) return 0
    return recent[recent.length - this.window.limit] + this.window.windowMs - now
  }

  fail(key: string, now = Date.now()) {
    const recent = this.recent(key, now)
    this.failures.delete(key)
    this.failures.set(key, [...recent, now].slice(-this.window.limit))
    while (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value as string)
  }

  clear(key: string) {
    this.failures.delete(key)
  }
}

/**
 * Sign-in: five failed attempts from one address within ten minutes, or twenty for one email from
 * anywhere (whether or not an account has it), and the next ones wait. Password reset requests:
 * five per address within ten minutes. Accounts themselves are never locked: anyone could lock the
 * admin out with five requests.
 */
export const LIMITS = {
  loginPerAddress: { limit: 5, windowMs: 10 * 60_000 },
  loginPerEmail: { limit: 20, windowMs: 10 * 60_000 },
  resetPerAddress: { limit: 5, windowMs: 10 * 60_000 },
} as const satisfies Record<string, Window>

type Counters = Record<keyof typeof LIMITS, FailureCounter>
const store = globalThis as typeof globalThis & { __valenxAuthThrottle?: Counters }
const counters = (store.__valenxAuthThrottle ??= {
  loginPerAddress: new FailureCounter(LIMITS.loginPerAddress),
  loginPerEmail: new FailureCounter(LIMITS.loginPerEmail),
  resetPerAddress: new FailureCounter(LIMITS.resetPerAddress),
})

/**
 * The client's address as the production server reports it (src/auth/clientAddress.mjs); requests
 * that reach Payload otherwise (`next dev`) share one "unidentified" address. Local API calls
 * (scripts, the seed) are the server's own: undefined, never throttled.
 */
export function clientOf(req: PayloadRequest): string | undefined {
  if (req.payloadAPI === 'local') return undefined
  return req.headers?.get(CLIENT_ADDRESS_HEADER)?.trim() || 'unidentified'
}

export const normalizedEmail = (email: unknown) => (typeof email === 'string' ? email.toLowerCase().trim() : '')

export class TooManyAttempts extends APIError {
  constructor(retryAfterMs: number, what: string) {
    const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000))
    // The exact wait is in Retry-After: the body stays the same from one second to the next.
    super(`Too many ${what}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, 429, undefined, true)
    this.name = 'TooManyAttempts'
  }
}

/** Refuses with 429 and Retry-After while any of the given counters holds its key back. */
function refuseWhileHeld(req: PayloadRequest, checks: [FailureCounter, string][], what: string) {
  const waitMs = Math.max(0, ...checks.map(([counter, key]) => counter.retryAfterMs(key)))
  if (!waitMs) return
  const headers = new Headers(req.responseHeaders ?? undefined)
  headers.set('Retry-After', String(Math.ceil(waitMs / 1000)))
  req.responseHeaders = headers
  throw new TooManyAttempts(waitMs, what)
}

type Attempt = { client: string; email: string }
const ATTEMPT = 'valenxLoginAttempt'

/** Before a sign-in: refused while its address or email is held back; otherwise remembered on req. */
export function checkLoginAttempt(req: PayloadRequest, email: unknown) {
  const client = clientOf(req)
  if (client === undefined) return
  const attempt: Attempt = { client, email: normalizedEmail(email) }
  refuseWhileHeld(
    req,
    [
      [counters.loginPerAddress, attempt.client],
      [counters.loginPerEmail, attempt.email],
    ],
    'sign-in attempts',
  )
  req.context[ATTEMPT] = attempt
}

/** A sign-in that was checked (checkLoginAttempt) failed: it counts against its address and email. */
export function loginFailed(req: PayloadRequest, error: unknown) {
  const attempt = req.context?.[ATTEMPT] as Attempt | undefined
  if (!attempt || error instanceof TooManyAttempts) return
  delete req.context[ATTEMPT]
  counters.loginPerAddress.fail(attempt.client)
  if (attempt.email) counters.loginPerEmail.fail(attempt.email)
}

/** A sign-in succeeded: its address and email start again from nothing. */
export function loginSucceeded(req: PayloadRequest) {
  const attempt = req.context?.[ATTEMPT] as Attempt | undefined
  if (!attempt) return
  delete req.context[ATTEMPT]
  counters.loginPerAddress.clear(attempt.client)
  counters.loginPerEmail.clear(attempt.email)
}

/** A password reset request: refused while its address is held back, and counted either way. */
export function checkResetRequest(req: PayloadRequest) {
  const client = clientOf(req)
  if (client === undefined) return
  refuseWhileHeld(req, [[counters.resetPerAddress, client]], 'password reset requests')
  counters.resetPerAddress.fail(client)
}
