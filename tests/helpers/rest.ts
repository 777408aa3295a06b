import type { RunningServer } from './server'

/** Whatever answers HTTP: a spawned server, or the app in this process. */
type Server = Pick<RunningServer, 'url'>

export const PASSWORD = 'correct horse battery staple'

export type Reply = { status: number; body: any; headers: Headers }

/** A JSON client for one server, anonymous or with the given Authorization header. */
export function restClient(server: Server, authorization?: string) {
  const send = async (
    method: string,
    path: string,
    init: { body?: BodyInit; headers?: Record<string, string> } = {},
  ): Promise<Reply> => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      body: init.body,
      headers: { ...init.headers, ...(authorization ? { authorization } : {}) },
    })
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      // Not JSON (feeds, HTML): keep the text.
    }
    return { status: response.status, body: parsed, headers: response.headers }
  }
  const request = (method: string, path: string, body?: unknown): Promise<Reply> =>
    send(
      method,
      path,
      body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } },
    )
  return {
    /** Any body: a form, XML, bytes. */
    send,
    get: (path: string) => request('GET', path),
    post: (path: string, body: unknown) => request('POST', path, body),
    patch: (path: string, body: unknown) => request('PATCH', path, body),
    delete: (path: string) => request('DELETE', path),
    graphql: (query: string) => request('POST', '/api/graphql', { query }),
  }
}

export type RestClient = ReturnType<typeof restClient>

/** Registers the first user (the admin) and the other roles, and returns a logged-in client for each. */
export async function staffClients(server: Server, translatorLocales: string[] = ['ru']) {
  const anonymous = restClient(server)
  const first = await anonymous.post('/api/users/first-register', {
    email: 'admin@pressroom.test',
    password: PASSWORD,
    name: 'Admin',
  })
  if (first.status !== 200) throw new Error(`first-register: ${first.status} ${JSON.stringify(first.body)}`)
  const login = async (email: string) => {
    const reply = await anonymous.post('/api/users/login', { email, password: PASSWORD })
    if (reply.status !== 200) throw new Error(`login ${email}: ${reply.status}`)
    return restClient(server, `JWT ${reply.body.token}`)
  }
  const admin = await login('admin@pressroom.test')
  await admin.post('/api/users', {
    email: 'editor@pressroom.test',
    password: PASSWORD,
    name: 'Editor',
    roles: ['editor'],
  })
  await admin.post('/api/users', {
    email: 'translator@pressroom.test',
    password: PASSWORD,
    name: 'Translator',
    roles: ['translator'],
    locales: translatorLocales,
  })
  return {
    anonymous,
    admin,
    editor: await login('editor@pressroom.test'),
    translator: await login('translator@pressroom.test'),
  }
}
