import type { ParsedMail } from 'mailparser'

import { PASSWORD, restClient } from '../helpers/rest'
import { freePort, type RunningServer, startServer } from '../helpers/server'
import { type Mailbox, startMailbox } from '../helpers/smtp'

const NEW_PASSWORD = 'a different horse, battery and staple'
const to = (address: string) => (mail: ParsedMail) => mail.to !== undefined && JSON.stringify(mail.to).includes(address)
const resetLink = (mail: ParsedMail): string => {
  const link = /href="([^"]+\/admin\/reset\/[^"]+)"/.exec(String(mail.html))?.[1]
  if (!link) throw new Error(`No reset link in ${mail.html}`)
  return link
}

describe('password reset by e-mail over SMTP', () => {
  let mailbox: Mailbox
  let server: RunningServer

  beforeAll(async () => {
    mailbox = await startMailbox()
    const port = await freePort()
    server = await startServer({
      PORT: String(port),
      SERVER_URL: `http://127.0.0.1:${port}`,
      SMTP_URL: mailbox.url,
      EMAIL_FROM: 'Pressroom Test <cms@pressroom.test>',
      SEED_ON_START: 'false',
    })
    const anonymous = restClient(server)
    const first = await anonymous.post('/api/users/first-register', {
      email: 'admin@pressroom.test',
      password: PASSWORD,
      name: 'Admin',
    })
    expect(first.status).toBe(200)
    const admin = restClient(server, `JWT ${first.body.token}`)
    expect(
      (
        await admin.post('/api/users', {
          email: 'olga@pressroom.test',
          password: PASSWORD,
          name: 'Olga',
          roles: ['editor'],
        })
      ).status,
    ).toBe(201)
  })
  afterAll(async () => {
    await server?.stop('SIGKILL')
    await mailbox?.close()
  })

  const forgot = (email: string, headers: Record<string, string>) =>
    fetch(`${server.url}/api/users/forgot-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ email }),
    })

  it('says nothing at start about missing mail', () => {
    expect(server.output()).not.toContain('SMTP_URL is not set')
  })

  it('mails a Russian admin a link that sets a new password, then tells them it changed', async () => {
    const arriving = mailbox.next(to('olga@pressroom.test'))
    // The admin's language switcher keeps its choice in this cookie; Payload reads it on every request.
    expect((await forgot('olga@pressroom.test', { cookie: 'payload-lng=ru', 'accept-language': 'en' })).status).toBe(
      200,
    )
    const mail = await arriving
    expect(mail.subject).toBe('Сброс вашего пароля')
    expect(mail.from?.value[0]).toMatchObject({ address: 'cms@pressroom.test', name: 'Pressroom Test' })

    const link = resetLink(mail)
    expect(link.startsWith(`${server.url}/admin/reset/`)).toBe(true)
    const page = await fetch(link, { headers: { cookie: 'payload-lng=ru' } })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('lang="ru"')

    // What the reset page's form sends.
    const token = decodeURIComponent(link.split('/admin/reset/')[1])
    const notice = mailbox.next((m) => to('olga@pressroom.test')(m) && m !== mail)
    const reset = await fetch(`${server.url}/api/users/reset-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'payload-lng=ru' },
      body: JSON.stringify({ token, password: NEW_PASSWORD }),
    })
    expect(reset.status).toBe(200)
    expect((await notice).subject).toBe('Ваш пароль в Pressroom изменён')

    const anonymous = restClient(server)
    expect(
      (await anonymous.post('/api/users/login', { email: 'olga@pressroom.test', password: PASSWORD })).status,
    ).toBe(401)
    const login = await anonymous.post('/api/users/login', { email: 'olga@pressroom.test', password: NEW_PASSWORD })
    expect(login.status).toBe(200)
    expect(login.body.user.email).toBe('olga@pressroom.test')

    // A link works once.
    const again = await restClient(server).post('/api/users/reset-password', {
      token,
      password: 'yet another long password',
    })
    expect(again.status).not.toBe(200)
  })

  it('writes in English to an English admin', async () => {
    const arriving = mailbox.next(to('admin@pressroom.test'))
    expect((await forgot('admin@pressroom.test', { 'accept-language': 'en-GB,en;q=0.8' })).status).toBe(200)
    const mail = await arriving
    expect(mail.subject).toBe('Reset Your Password')
    expect(String(mail.html)).toContain('You are receiving this because you')
  })

  it('answers an unknown address as a known one, and mails nobody', async () => {
    const before = mailbox.messages.length
    const reply = await forgot('nobody@pressroom.test', {})
    expect(reply.status).toBe(200)
    // The known address's mail took well under this on loopback.
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(mailbox.messages.length).toBe(before)
  })

  it('keeps addresses and tokens out of the log', () => {
    expect(server.output()).not.toContain('olga@pressroom.test')
  })
})

describe('a production server without SMTP_URL', () => {
  let server: RunningServer

  beforeAll(async () => {
    server = await startServer({ SMTP_URL: '', SEED_ON_START: 'false' })
  })
  afterAll(async () => {
    await server?.stop('SIGKILL')
  })

  it('says so at start, in one line', () => {
    const lines = server
      .output()
      .split('\n')
      .filter((line) => line.includes('SMTP_URL'))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('SMTP_URL is not set')
  })

  it('refuses a reset request with 503, the same for every address', async () => {
    const anonymous = restClient(server)
    expect(
      (
        await anonymous.post('/api/users/first-register', {
          email: 'admin@pressroom.test',
          password: PASSWORD,
          name: 'Admin',
        })
      ).status,
    ).toBe(200)
    for (const email of ['admin@pressroom.test', 'nobody@pressroom.test']) {
      const reply = await anonymous.post('/api/users/forgot-password', { email })
      expect(reply.status).toBe(503)
      expect(reply.body.errors[0].message).toContain('SMTP_URL is not set')
    }
  })
})
