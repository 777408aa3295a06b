import type { AddressInfo } from 'node:net'

import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type Mailbox = {
  url: string
  messages: ParsedMail[]
  /** Resolves with the first message received from now on that matches. */
  next: (match?: (mail: ParsedMail) => boolean, timeoutMs?: number) => Promise<ParsedMail>
  close: () => Promise<void>
}

/** A real SMTP server on a loopback port that keeps every message it accepts, parsed. */
export async function startMailbox(): Promise<Mailbox> {
  const messages: ParsedMail[] = []
  const waiting: Array<{ match: (mail: ParsedMail) => boolean; resolve: (mail: ParsedMail) => void }> = []
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: nodemailer would otherwise upgrade to a certificate it cannot check.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail)
          for (const waiter of [...waiting]) {
            if (!waiter.match(mail)) continue
            waiting.splice(waiting.indexOf(waiter), 1)
            waiter.resolve(mail)
          }
          callback()
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    next: (match = () => true, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`No matching mail within ${timeoutMs} ms`)), timeoutMs)
        waiting.push({ match, resolve: (mail) => (clearTimeout(timer), resolve(mail)) })
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
