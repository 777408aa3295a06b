import {
  type Actor,
  actors,
  cellsOf,
  type Executor,
  isAllowed,
  isRefusal,
  rules,
  runCell,
  tinyPng,
} from '../helpers/matrix'
import { type RunningServer, startServer } from '../helpers/server'

const password = 'correct horse battery staple'

/** HTTP against the compiled server, with a real login or API key for every actor. */
function restExecutor(
  server: RunningServer,
  headers: Partial<Record<Actor, Record<string, string>>>,
  png: Buffer,
): Executor {
  const call = async (actor: Actor, method: string, path: string, body?: unknown, upload = false) => {
    const init: RequestInit = { method, headers: { ...headers[actor] } }
    if (upload) {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), `${Date.now()}.png`)
      form.append('_payload', JSON.stringify(body))
      init.body = form
    } else if (body !== undefined) {
      init.body = JSON.stringify(body)
      ;(init.headers as Record<string, string>)['content-type'] = 'application/json'
    }
    const response = await fetch(`${server.url}/api${path}`, init)
    const json = (await response.json().catch(() => null)) as Record<string, any> | null
    if (response.ok) return { allowed: true, doc: (json?.doc ?? json) as Record<string, any> }
    if (isRefusal(response.status)) return { allowed: false }
    throw new Error(`${method} ${path} as ${actor}: ${response.status} ${JSON.stringify(json)}`)
  }
  const query = (params: Record<string, string | boolean | undefined>) => {
    const entries = Object.entries(params).filter(([, value]) => value !== undefined) as [string, string][]
    return `?${new URLSearchParams([['depth', '0'], ...entries.map(([k, v]) => [k, String(v)] as [string, string])])}`
  }
  return {
    create: (collection, data, actor, upload) => call(actor, 'POST', `/${collection}${query({})}`, data, upload),
    read: (collection, id, actor, { draft, locale } = {}) =>
      call(actor, 'GET', `/${collection}/${id}${query({ draft, locale })}`),
    update: (collection, id, data, actor, { locale, draft } = {}) =>
      call(actor, 'PATCH', `/${collection}/${id}${query({ locale, draft })}`, data),
    delete: (collection, id, actor) => call(actor, 'DELETE', `/${collection}/${id}`),
  }
}

describe('access matrix over REST, with real logins and API keys', () => {
  let server: RunningServer
  let run: Executor
  let table: ReturnType<typeof rules>

  beforeAll(async () => {
    server = await startServer({ SEED_ON_START: 'false' })
    const post = async (path: string, body: unknown, token?: string) => {
      const response = await fetch(`${server.url}/api${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
        body: JSON.stringify(body),
      })
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
      return (await response.json()) as Record<string, any>
    }
    const login = async (email: string) => (await post('/users/login', { email, password })).token as string
    await post('/users/first-register', { email: 'admin@pressroom.test', password, name: 'Admin' })
    const adminToken = await login('admin@pressroom.test')
    await post('/users', { email: 'editor@pressroom.test', password, name: 'Editor', roles: ['editor'] }, adminToken)
    await post(
      '/users',
      { email: 'translator@pressroom.test', password, name: 'Translator', roles: ['translator'], locales: ['ru'] },
      adminToken,
    )
    const key = async (kind: string) => {
      const { doc } = await post('/api-keys', { name: kind, kind }, adminToken)
      return { authorization: `api-keys API-Key ${doc.key}` }
    }
    const headers = {
      admin: { authorization: `JWT ${adminToken}` },
      editor: { authorization: `JWT ${await login('editor@pressroom.test')}` },
      translator: { authorization: `JWT ${await login('translator@pressroom.test')}` },
      public: {},
      'frontend-key': await key('frontend'),
      'preview-key': await key('preview'),
    }
    run = restExecutor(server, headers, await tinyPng())
    const organisationId = (await post('/organisations', { name: 'EU', organisationType: 'donor' }, adminToken)).doc.id
    const pressReleaseId = (
      await post('/press-releases', { title: 'Fixture', releaseDate: '2026-05-31T00:00:00.000Z' }, adminToken)
    ).doc.id
    table = rules({ organisationId, pressReleaseId })
  })
  afterAll(() => server?.stop('SIGKILL'))

  const cells = Object.entries(rules({ organisationId: 0, pressReleaseId: 0 })).flatMap(([collection, rule]) =>
    cellsOf(rule).flatMap((operation) =>
      actors.map((actor) => ({ collection, operation, actor, expected: isAllowed(rule, operation, actor) })),
    ),
  )

  it.each(cells)(
    '$collection · $operation · $actor → allowed: $expected',
    async ({ collection, operation, actor, expected }) => {
      expect(await runCell(run, table[collection], collection, operation, actor)).toBe(expected)
    },
  )
})
