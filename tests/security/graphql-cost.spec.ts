import fs from 'node:fs'

import { staffClients } from '../helpers/rest'
import { type RunningServer, startServer } from '../helpers/server'

/** The server process's own CPU time (user + system, ms) and resident memory (MB), from /proc. */
function usage(pid: number): { cpuMs: number; rssMb: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // Fields 14 and 15 of stat (user and system time in clock ticks, 100 per second on Linux), 24 the RSS in pages.
  const ticks = Number(fields[11]) + Number(fields[12])
  return { cpuMs: ticks * 10, rssMb: (Number(fields[21]) * 4096) / 1024 / 1024 }
}

/** `Events → pressReleases → events → …`, `levels` joins deep: the 194-byte query that took the server down. */
const nested = (levels: number) => {
  let inner = 'title'
  for (let i = 0; i < levels; i++) inner = `pressReleases(limit: 5) { docs { events { ${inner} } } }`
  return `{ Events(limit: 5) { docs { ${inner} } } }`
}
const doubling = (levels: number) =>
  `{ Events(limit: 1) { docs { ...F0 } } } ` +
  Array.from({ length: levels }, (_, i) => `fragment F${i} on Event { a: title ...F${i + 1} ...F${i + 1} }`).join(' ') +
  ` fragment F${levels} on Event { title }`

describe('GraphQL cost limits, over HTTP', () => {
  let server: RunningServer
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
  const errorsOf = async (response: Response) =>
    ((await response.json()) as { errors?: { message: string }[] }).errors?.map((error) => error.message).join(' ') ??
    ''

  beforeAll(async () => {
    server = await startServer()
    const { admin } = await staffClients(server)
    // Five published events, each linked from five published releases: what the attacker found.
    const events: number[] = []
    for (let i = 0; i < 5; i++) {
      const reply = await admin.post('/api/events', {
        title: `Linked event ${i}`,
        startDate: '2030-01-01T00:00:00.000Z',
        endDate: '2030-01-02T00:00:00.000Z',
        timezone: 'UTC',
        _status: 'published',
      })
      events.push(reply.body.doc.id)
    }
    for (let i = 0; i < 5; i++) {
      const reply = await admin.post('/api/press-releases', {
        title: `Linked release ${i}`,
        releaseDate: '2026-01-01T00:00:00.000Z',
        events,
        _status: 'published',
      })
      expect(reply.status).toBe(201)
    }
    // Payload builds its schema on the first request: not part of any measurement below.
    expect((await post({ query: nested(1) })).status).toBe(200)
  })
  afterAll(() => server?.stop('SIGKILL'))

  /** Sends a request with a concurrent /healthz, and what it cost the server. */
  async function measure(send: () => Promise<Response>) {
    const pid = server.child.pid as number
    const healthz = async () => {
      const started = performance.now()
      await (await fetch(`${server.url}/healthz`)).text()
      return performance.now() - started
    }
    const idle = Math.min(await healthz(), await healthz(), await healthz())
    const before = usage(pid)
    const [response, during] = await Promise.all([send(), healthz()])
    const text = await response.text()
    const after = usage(pid)
    return {
      status: response.status,
      text,
      cpuMs: after.cpuMs - before.cpuMs,
      rssMb: after.rssMb - before.rssMb,
      healthzDelayMs: during - idle,
    }
  }

  const attacks: [string, () => Promise<Response>, number][] = [
    ['the nested join query over five events and five releases each', () => post({ query: nested(3) }), 400],
    ['80 levels of nesting', () => post({ query: nested(26) }), 400],
    ['a chain of 22 fragments, each spreading the next twice', () => post({ query: doubling(22) }), 400],
    [
      'a fragment cycle',
      () => post({ query: '{ Events { docs { ...A } } } fragment A on Event { ...B } fragment B on Event { ...A }' }),
      400,
    ],
    [
      '400 aliases in one selection set',
      () =>
        post({
          query: `{ Events(limit: 1) { docs { ${Array.from({ length: 400 }, (_, i) => `a${i}: id`).join(' ')} } } }`,
        }),
      400,
    ],
    ['a batch of 100 nested queries', () => post(Array.from({ length: 100 }, () => ({ query: nested(3) }))), 400],
    ['the nested query by GET', () => fetch(`${server.url}/api/graphql?query=${encodeURIComponent(nested(3))}`), 400],
    [
      'the nested query as application/graphql',
      () =>
        fetch(`${server.url}/api/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/graphql' },
          body: nested(3),
        }),
      415,
    ],
    [
      'the nested query as a form',
      () =>
        fetch(`${server.url}/api/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: `query=${encodeURIComponent(nested(3))}`,
        }),
      415,
    ],
    ['the nested query to Payload’s own route', () => post({ query: nested(3) }, { 'x-pressroom-path': 'next' }), 400],
    ['one level of nesting, answered', () => post({ query: nested(1) }), 200],
  ]

  it.each(attacks)(
    'answers %s within 200 ms of server CPU and 50 MB, without holding /healthz',
    async (_name, send, status) => {
      // Up to three tries, stopping at the first within budget, as in xliff-abuse.spec.ts: a loaded CI machine stalls
      // /healthz now and then by itself; an expensive query is expensive on every try.
      const within = (r: Awaited<ReturnType<typeof measure>>) =>
        r.cpuMs <= 200 && r.rssMb <= 50 && r.healthzDelayMs <= 100
      let result = await measure(send)
      for (let tries = 1; tries < 3 && !within(result); tries += 1) result = await measure(send)
      expect({ status: result.status, text: result.text.slice(0, 300) }).toEqual({
        status,
        text: expect.stringContaining(status === 200 ? '"data"' : '"errors"'),
      })
      expect(result.cpuMs).toBeLessThanOrEqual(200)
      expect(result.rssMb).toBeLessThanOrEqual(50)
      expect(result.healthzDelayMs).toBeLessThanOrEqual(100)
    },
  )

  it('says why a query is refused, and where', async () => {
    expect(await errorsOf(await post({ query: nested(3) }))).toMatch(/estimated answer is \d+ values .* at most 20000/)
    expect(await errorsOf(await post({ query: nested(26) }))).toMatch(
      /nests fields too deep, fragments expanded; at most 15/,
    )
    expect(await errorsOf(await post({ query: '{ Events { docs { ...A } } } fragment A on Event { ...A }' }))).toMatch(
      /"A" spread each other in a cycle/,
    )
    const limit = await post({ query: '{ Events { docs { pressReleases(limit: 501) { docs { id } } } } }' })
    expect(limit.status).toBe(400)
    expect(await limit.json()).toEqual({
      errors: [
        {
          message:
            'Events.docs.pressReleases: limit must be a whole number from 1 to 500, got 501; use page to read further.',
          path: ['Events', 'docs', 'pressReleases'],
          extensions: { name: 'QueryError', statusCode: 400 },
        },
      ],
    })
    expect(await errorsOf(await post({ query: '{ Events(limit: 0) { docs { id } } }' }))).toMatch(
      /^Events: limit must be a whole number from 1 to 500, got 0/,
    )
    expect(await errorsOf(await post([{ query: '{ Events { totalDocs } }' }]))).toMatch(/^Batched GraphQL requests/)
  })

  it('accepts every query the documentation and the other tests send', async () => {
    const queries = [
      '{ Events(limit: 5, sort: "startDate") { docs { title startDate venue { city } } } }',
      '{ Events(locale: ru, limit: 5, sort: "startDate") { totalDocs docs { id title summary speakers { speaker { name } } } } }',
      '{ Events { docs { speakers { speaker { id name } } } } Speakers(limit: 100) { docs { name } } }',
      '{ PressReleases { docs { id title } } }',
      '{ PressReleases(limit: 100) { docs { title } } }',
      '{ Events { totalDocs } Speakers { totalDocs } PressReleases { totalDocs } DonorNotices { totalDocs } Organisations { totalDocs } Projects { totalDocs } allMedia { totalDocs } Users { totalDocs } }',
      '{ Events(limit: 1) { totalDocs } }',
      '{ Events { docs { nope } } }',
    ]
    for (const query of queries) {
      const response = await post({ query }, { 'x-forwarded-for': '198.51.100.7' })
      // Payload's own answer to an unknown field (a 200 with errors), not a refusal of ours.
      expect([query, response.status]).toEqual([query, 200])
      if (query.includes('nope')) expect(await errorsOf(response)).toMatch(/Cannot query field "nope"/)
    }
  })

  it('keeps one cache entry for bodies that differ only in comments, layout and the order of variables', async () => {
    const query = 'query ($n: Int, $p: Int) { Events(limit: $n, page: $p) { docs { title } } }'
    const first = await post({ query, variables: { n: 3, p: 1 } })
    expect(first.headers.get('x-cache')).toBe('miss')
    for (let i = 0; i < 15; i++) {
      const spelled = `# variant ${i}: ${'x'.repeat(1000)}\n${query.replace(/ /g, '  \n ')}`
      const reply = await post({ variables: { p: 1, n: 3 }, query: spelled })
      expect([i, reply.headers.get('x-cache')]).toEqual([i, 'hit'])
    }
    expect((await post({ query, variables: { n: 2, p: 1 } })).headers.get('x-cache')).toBe('miss')
  })
})
