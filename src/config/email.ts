import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import type { EmailAdapter } from 'payload'

/**
 * Where Payload's emails (the password reset link) go. With SMTP_HOST set: that SMTP server,
 * through Payload's nodemailer adapter. Without it (development, a fresh clone): Payload's console
 * adapter, which prints each message, reset link included, in the server's log; the login page
 * then says so (src/admin/EmailNotice.tsx).
 */
export type SmtpSettings = {
  host: string
  port: number
  user?: string
  pass?: string
  fromAddress: string
  fromName: string
}

const DEFAULT_FROM_NAME = 'Valenx Press'

/** "Valenx Press <no-reply@example.com>" or a bare address. */
export function parseFrom(from: string | undefined, host: string): { fromAddress: string; fromName: string } {
  const text = from?.trim()
  const named = text?.match(/^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/)
  if (named) return { fromName: named[1].trim() || DEFAULT_FROM_NAME, fromAddress: named[2].trim() }
  return { fromName: DEFAULT_FROM_NAME, fromAddress: text || `no-reply@${host}` }
}

export function smtpSettings(env: Record<string, string | undefined> = process.env): SmtpSettings | null {
  const host = env.SMTP_HOST?.trim()
  if (!host) return null
  const port = Number.parseInt(env.SMTP_PORT?.trim() || '587', 10)
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`SMTP_PORT is not a port number: ${env.SMTP_PORT}`)
  return {
    host,
    port,
    user: env.SMTP_USER?.trim() || undefined,
    pass: env.SMTP_PASS || undefined,
    ...parseFrom(env.SMTP_FROM, host),
  }
}

export const emailConfigured = (env: Record<string, string | undefined> = process.env): boolean =>
  Boolean(env.SMTP_HOST?.trim())

export function emailAdapter(env: Record<string, string | undefined> = process.env): Promise<EmailAdapter> | undefined {
  const smtp = smtpSettings(env)
  // Undefined: Payload's console adapter.
  if (!smtp) return undefined
  return nodemailerAdapter({
    defaultFromAddress: smtp.fromAddress,
    defaultFromName: smtp.fromName,
    // Checking the connection at start-up logs a wrong setting at once; a build has no need to.
    skipVerify: process.env.NEXT_PHASE === 'phase-production-build',
    transportOptions: {
      host: smtp.host,
      port: smtp.port,
      // Port 465 speaks TLS from the start; others upgrade with STARTTLS when the server offers it.
      secure: smtp.port === 465,
      auth: smtp.user ? { user: smtp.user, pass: smtp.pass } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
    },
  })
}
