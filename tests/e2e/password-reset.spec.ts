import type { AddressInfo } from 'node:net'

import { expect, test } from '@playwright/test'
import { SMTPServer } from 'smtp-server'

import { ownServer, type OwnServer } from './ownServer'

/**
 * "Forgot password?" with a real mail server: an SMTP server started here on the loopback
 * interface receives the reset email from a production server configured through SMTP_HOST …
 * SMTP_FROM, and the link in it resets the password. Without SMTP_HOST (the shared e2e server)
 * the login page says that no email will be sent.
 */

test('without a mail server, the login page says reset emails are not sent', async ({ page }) => {
  await page.goto('/admin/login')
  await expect(page.getByTestId('email-notice')).toContainText(
    'No mail server is set up for this site (SMTP_HOST), so password reset emails are not sent',
  )
})

type Mail = { from: string; to: string[]; raw: string }

/** Quoted-printable, as nodemailer encodes HTML bodies: soft line breaks and =XX escapes. */
const decodeQuotedPrintable = (text: string) =>
  text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))

test.describe('with SMTP configured', () => {
  // A server of its own: a copy of the build and a database prepared for it.
  test.describe.configure({ timeout: 600_000 })
  let smtp: SMTPServer
  let site: OwnServer
  const mails: Mail[] = []
  const credentials = { user: 'valenx-smtp', pass: `smtp-${Date.now()}` }

  test.beforeAll(async () => {
    smtp = new SMTPServer({
      // Plain loopback: no certificate to trust, but the login is still required and checked.
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      onAuth(auth, _session, callback) {
        if (auth.username === credentials.user && auth.password === credentials.pass)
          return callback(null, { user: auth.username })
        return callback(new Error('Invalid username or password'))
      },
      onData(stream, session, callback) {
        let raw = ''
        stream.setEncoding('utf8')
        stream.on('data', (chunk: string) => (raw += chunk))
        stream.on('end', () => {
          mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            raw,
          })
          callback()
        })
      },
    })
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
    const { port } = smtp.server.address() as AddressInfo
    site = await ownServer('mail', {
      env: {
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(port),
        SMTP_USER: credentials.user,
        SMTP_PASS: credentials.pass,
        SMTP_FROM: 'Valenx Press <no-reply@valenx.test>',
      },
    })
    await site.start()
  })

  test.afterAll(async () => {
    await site?.dispose()
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()))
  })

  test('the reset email arrives through SMTP and its link sets a new password', async ({ page, request }) => {
    const email = process.env.ADMIN_EMAIL as string
    await page.goto(`${site.url}/admin/login`)
    await expect(page.locator('#field-email')).toBeVisible()
    // A mail server is configured: no warning.
    await expect(page.getByTestId('email-notice')).toHaveCount(0)

    await page.getByRole('link', { name: 'Forgot password?' }).click()
    // The login form has an email field too: wait for the forgot-password form before typing.
    await expect(page.getByRole('heading', { name: 'Forgot Password' })).toBeVisible()
    await page.locator('#field-email').fill(email)
    await expect(page.locator('#field-email')).toHaveValue(email)
    await page.getByRole('button', { name: 'Submit' }).click()
    await expect(page.getByText('Email sent')).toBeVisible({ timeout: 30_000 })

    await expect.poll(() => mails.length, { timeout: 30_000 }).toBeGreaterThan(0)
    const mail = mails[0]
    expect(mail.to).toEqual([email])
    expect(mail.from).toBe('no-reply@valenx.test')
    const body = decodeQuotedPrintable(mail.raw)
    expect(body).toMatch(/^From: "?Valenx Press"? <no-reply@valenx\.test>/m)
    const link = body.match(/href="([^"]+\/admin\/reset\/[^"]+)"/)?.[1]
    expect(link, body).toBeTruthy()
    // The link is the site's public address (NEXT_PUBLIC_SERVER_URL) and the reset page. That
    // address is built into the app: this server runs a copy of the shared e2e build, so the link
    // names the shared server's port, and the reset page is opened here on this one.
    const url = new URL(link!)
    expect(url.origin).toMatch(/^http:\/\/localhost:\d+$/)
    expect(url.pathname).toMatch(/^\/admin\/reset\/[0-9a-f]{20,}$/)

    const password = `reset-by-mail-${Date.now()}`
    await page.goto(`${site.url}${url.pathname}`)
    // The form works once the admin's scripts have run: a click before that submits nothing.
    await page.waitForLoadState('networkidle')
    await page.locator('#field-password').fill(password)
    await page.locator('#field-confirm-password').fill(password)
    const reset = page.waitForResponse(
      (response) => response.request().method() === 'POST' && response.url().includes('/api/users/reset-password'),
    )
    await page.getByRole('button', { name: 'Reset Password' }).click()
    expect((await reset).status()).toBe(200)
    // Reset and signed in: the dashboard.
    await expect(page).toHaveURL(new RegExp(`^${site.url}/admin/?$`), { timeout: 30_000 })

    const login = await request.post(`${site.url}/api/users/login`, { data: { email, password } })
    expect(login.status()).toBe(200)
    const old = await request.post(`${site.url}/api/users/login`, {
      data: { email, password: process.env.ADMIN_PASSWORD },
    })
    expect(old.status()).toBe(401)
  })
})
