import nodemailer from 'nodemailer'
import { APIError, type EmailAdapter } from 'payload'

import { ConfigurationError, isProduction, serverHost, serverURL } from './env'

type Env = Record<string, string | undefined>

/** The adapter a production server without SMTP_URL gets: every mail is an error someone sees. */
export const NO_EMAIL_ADAPTER = 'not-configured'

export const EMAIL_NOT_CONFIGURED =
  'This server cannot send e-mail (SMTP_URL is not set), so it cannot send a password reset link. Ask an administrator to set a new password for you.'

const notConfigured: EmailAdapter = () => ({
  name: NO_EMAIL_ADAPTER,
  defaultFromAddress: 'pressroom@localhost',
  defaultFromName: 'Pressroom',
  sendEmail: async () => {
    throw new APIError(EMAIL_NOT_CONFIGURED, 503, undefined, true)
  },
})

/** `Name <address>` or a bare address, as in EMAIL_FROM. */
export function parseFrom(value: string): { name: string; address: string } {
  const named = /^\s*"?([^"<]*?)"?\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(value)
  if (named) return { name: named[1] || 'Pressroom', address: named[2] }
  if (/^[^<>\s"]+@[^<>\s"]+$/.test(value.trim())) return { name: 'Pressroom', address: value.trim() }
  throw new ConfigurationError(`EMAIL_FROM must be an address or "Name <address>", got "${value}".`)
}

/**
 * Payload's mail transport from SMTP_URL (smtp://user:pass@host:587, smtps://… for TLS from the
 * first byte). Development without it keeps Payload's console adapter; production without it gets
 * an adapter that fails loudly, because a reset link nobody receives looks like a working form.
 *
 * nodemailer directly rather than @payloadcms/email-nodemailer: that adapter's only 3.90 release
 * (3.90.1) names payload 3.90.1, and Payload's dependency check then rejects, unhandled, on every
 * start outside production. What it does is the sendMail call below.
 */
export function emailAdapter(env: Env = process.env): EmailAdapter | undefined {
  const url = env.SMTP_URL?.trim()
  if (!url) return isProduction(env) ? notConfigured : undefined
  if (!/^smtps?:\/\//.test(url)) throw new ConfigurationError('SMTP_URL must start with smtp:// or smtps://.')
  // Without it Payload takes the link's host from the request, or leaves the link relative.
  if (isProduction(env) && !serverURL(env)) {
    throw new ConfigurationError(
      'SMTP_URL needs SERVER_URL in production: the links in password-reset mails point there.',
    )
  }
  const { name, address } = parseFrom(env.EMAIL_FROM || `Pressroom <noreply@${serverHost(env)}>`)
  // nodemailer connects per message, not here: `next build` loads the config too.
  const transport = nodemailer.createTransport(url)
  return () => ({
    name: 'nodemailer',
    defaultFromAddress: address,
    defaultFromName: name,
    sendEmail: async (message) => transport.sendMail({ ...message, from: message.from || { name, address } } as never),
  })
}

/** The one start-up line for an operator when mail cannot go out, else undefined. */
export const emailWarning = (env: Env = process.env): string | undefined =>
  isProduction(env) && !env.SMTP_URL?.trim()
    ? 'SMTP_URL is not set: no e-mail can be sent, and forgot-password requests answer 503.'
    : undefined
