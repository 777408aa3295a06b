import { type RestClient, staffClients } from '../helpers/rest'
import { type RunningServer, startServer } from '../helpers/server'

/** Over REST against the production build (`npm run build` first), where the loopback setting must not count. */
describe('webhook SSRF over REST in production', () => {
  let server: RunningServer
  let admin: RestClient

  beforeAll(async () => {
    server = await startServer({ SEED_ON_START: 'false', WEBHOOK_ALLOW_PRIVATE: 'loopback' })
    ;({ admin } = await staffClients(server))
  })
  afterAll(() => server?.stop())

  it('answer a hook to loopback with a 400 naming url, even with WEBHOOK_ALLOW_PRIVATE=loopback', async () => {
    const reply = await admin.post('/api/webhooks', {
      name: 'Inside',
      url: 'http://127.0.0.1:3000/hook',
      secret: 'a-shared-secret-of-enough-length',
      collections: ['events'],
      events: ['publish'],
    })
    expect(reply.status).toBe(400)
    expect(reply.body.errors[0]).toMatchObject({
      name: 'ValidationError',
      data: { errors: [{ path: 'url', message: expect.stringContaining('127.0.0.1 is a loopback address') }] },
    })
    expect(reply.body.errors[0].data.errors[0].message).toContain('WEBHOOK_ALLOW_PRIVATE=loopback is ignored')
    expect((await admin.get('/api/webhooks')).body.totalDocs).toBe(0)
  })
})
