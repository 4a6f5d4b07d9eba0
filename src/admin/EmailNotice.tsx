import { emailConfigured } from '@/config/email'

/**
 * Under the login form, when no mail server is configured (SMTP_HOST): "Forgot password?" would
 * otherwise promise an email that only reaches the server's log.
 */
export function EmailNotice() {
  if (emailConfigured()) return null
  return (
    <p
      role="note"
      data-testid="email-notice"
      style={{ marginTop: 'calc(var(--base) * 1.5)', color: 'var(--theme-elevation-650)', fontSize: '0.875rem' }}
    >
      No mail server is set up for this site (SMTP_HOST), so password reset emails are not sent: the reset link is
      printed in the server&rsquo;s log. Ask an administrator to reset your password, or set SMTP_HOST, SMTP_PORT,
      SMTP_USER, SMTP_PASS and SMTP_FROM.
    </p>
  )
}
