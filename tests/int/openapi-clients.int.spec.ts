import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { buildSchema, parse, validate } from 'graphql'

import * as fetchClient from '../clients/fetch'
import * as graphqlClient from '../clients/graphql'
import * as openapiFetchClient from '../clients/openapi-fetch'
import * as sdkClient from '../clients/sdk'
import { TEST_SECRET } from '../helpers/payload'
import { type RestClient, restClient, staffClients } from '../helpers/rest'
import { type RunningServer, startServer } from '../helpers/server'

const FRONTEND = 'https://www.example.org'
const root = path.resolve(import.meta.dirname, '..', '..')
const bin = (relative: string) => path.join(root, 'node_modules', relative)

type Run = { code: number; out: string; err: string }
/** A command-line tool from node_modules, run by this Node; asynchronous, so the server's answers keep flowing. */
const run = (script: string, args: string[], env: Record<string, string> = {}) =>
  new Promise<Run>((resolve) => {
    execFile(
      process.execPath,
      [script, ...args],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: '', ...env },
        timeout: 110_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, out, err) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out, err }),
    )
  })

type LintProblem = { ruleId: string; severity: string; message: string; location: { pointer: string }[] }

/** The fenced examples of a Markdown section, each with the `tests/clients/…` file named in the prose before it. */
function examplesOf(markdown: string, heading: string): { file: string | undefined; code: string }[] {
  const start = markdown.indexOf(`\n## ${heading}\n`)
  if (start < 0) return []
  const end = markdown.indexOf('\n## ', start + 1)
  const section = markdown.slice(start, end < 0 ? undefined : end)
  const examples: { file: string | undefined; code: string }[] = []
  let file: string | undefined
  for (const part of section.split(/^```/m).entries()) {
    const [index, text] = part
    if (index % 2 === 0) file = [...text.matchAll(/tests\/clients\/[\w.-]+\.ts/g)].at(-1)?.[0] ?? file
    else examples.push({ file, code: text.slice(text.indexOf('\n') + 1) })
  }
  return examples
}

// The committed types, schema and clients describe the default deployment: SQLite, with numeric
// IDs (MongoDB's are strings). So this server runs on SQLite even when TEST_DATABASE_URI is set.
describe('frontend developers’ tools against the production server', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pressroom-clients-'))
  let server: RunningServer
  let anonymous: RestClient
  let admin: RestClient
  let description: any
  let eventId: number

  beforeAll(async () => {
    server = await startServer({ DATABASE_URI: `file:${path.join(dir, 'pressroom.db')}`, FRONTEND_URL: FRONTEND })
    anonymous = restClient(server)
    ;({ admin } = await staffClients(server))
    description = (await anonymous.get('/api/openapi.json')).body
    eventId = (await anonymous.get('/api/events?depth=0&sort=startDate&limit=1')).body.docs[0].id
  })
  afterAll(() => server?.stop('SIGKILL'))

  describe('the OpenAPI description', () => {
    it('passes redocly lint with the recommended rules: no errors, one warning for the sitemap', async () => {
      const lint = await run(
        bin('@redocly/cli/bin/cli.js'),
        ['lint', `${server.url}/api/openapi.json`, '--format=json'],
        { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      )
      const report = JSON.parse(lint.out) as { totals: { errors: number; warnings: number }; problems: LintProblem[] }
      expect(report.problems.filter((problem) => problem.severity === 'error')).toEqual([])
      expect(report.totals.errors).toBe(0)
      expect(lint.code).toBe(0)
      // /sitemap.xml reads no parameter and answers every GET: declaring a 4xx it never sends would be false.
      expect(report.problems.map((problem) => [problem.ruleId, problem.location[0]?.pointer])).toEqual([
        ['operation-4xx-response', '#/paths/~1sitemap.xml/get/responses'],
      ])
    })

    it('names every operation once, with the stable names generators turn into methods', () => {
      const operations = Object.values(
        description.paths as Record<string, Record<string, { operationId?: string }>>,
      ).flatMap((item) => Object.values(item))
      const ids = operations.map((operation) => operation.operationId)
      expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true)
      expect(new Set(ids).size).toBe(ids.length)
      expect(description.paths['/api/events'].get.operationId).toBe('listEvents')
      expect(description.paths['/api/events/{id}'].get.operationId).toBe('getEvent')
      expect(description.paths['/api/events/{id}/ics'].get.operationId).toBe('getEventCalendar')
      expect(description.paths['/api/press-releases/{id}'].get.operationId).toBe('getPressRelease')
      expect(description.paths['/api/press-releases/count'].get.operationId).toBe('countPressReleases')
      expect(description.paths['/api/search'].get.operationId).toBe('searchSite')
      expect(description.paths['/api/redirects'].get.operationId).toBe('resolveSlug')
      expect(description.paths['/sitemaps/{file}'].get.operationId).toBe('getSitemapFile')
      expect(description.paths['/api/projects/{id}/visibility-report'].get.operationId).toBe(
        'getProjectVisibilityReport',
      )
      expect(Object.keys(description.paths['/api/projects/{id}/visibility-report'].get.responses)).toEqual([
        '200',
        '400',
        '401',
        '403',
        '404',
      ])
      expect(description.paths['/api/events/{id}/visibility'].get.operationId).toBe('getEventVisibility')
    })

    it('keeps Payload’s internal keys out and writes tuples as OpenAPI 3.1 does', () => {
      const text = JSON.stringify(description)
      expect(text).not.toContain('"tsType"')
      expect(text).not.toMatch(/"items":\[/)
      expect(description.components.schemas.events.properties.venue.properties.coordinates.prefixItems).toEqual([
        { type: 'number' },
        { type: 'number' },
      ])
    })

    it('describes the fields an anonymous reader gets, and none of those only staff get', async () => {
      for (const slug of ['events', 'speakers', 'press-releases', 'organisations']) {
        const id = (await anonymous.get(`/api/${slug}?depth=0&limit=1`)).body.docs[0].id
        const publicKeys = Object.keys((await anonymous.get(`/api/${slug}/${id}?depth=0`)).body)
        const staffOnly = Object.keys((await admin.get(`/api/${slug}/${id}?depth=0`)).body).filter(
          (key) => !publicKeys.includes(key),
        )
        const described = Object.keys(description.components.schemas[slug].properties)
        expect([slug, publicKeys.filter((key) => !described.includes(key))]).toEqual([slug, []])
        expect([slug, staffOnly.filter((key) => described.includes(key))]).toEqual([slug, []])
        if (slug === 'events') expect(staffOnly).toContain('createdBy')
      }
      // Reachable before only through createdBy: the shape of a login (hash, salt, reset tokens).
      expect(description.components.schemas).not.toHaveProperty('users')
    })

    it('declares the 400 that a malformed query really gets, on each operation that validates its query', async () => {
      const paths: [string, string][] = [
        ['/api/events/count', '/api/events/count?locale=xx'],
        ['/api/events/upcoming', '/api/events/upcoming?limit=100000'],
        ['/api/events/occurrences', '/api/events/occurrences?from=2031-01-01&to=2033-01-01'],
        ['/api/events/{id}/ics', `/api/events/${eventId}/ics?locale=xx`],
        ['/api/events/{id}/jsonld', `/api/events/${eventId}/jsonld?locale=xx`],
        ['/api/search', '/api/search?q=dushanbe&locale=all'],
        ['/api/redirects', '/api/redirects?collection=users&slug=x'],
      ]
      for (const [described, requested] of paths) {
        expect(Object.keys(description.paths[described].get.responses)).toContain('400')
        const reply = await anonymous.get(requested)
        expect([requested, reply.status]).toEqual([requested, 400])
        expect(reply.body.errors[0].message).toEqual(expect.any(String))
      }
    })

    it('gives openapi-typescript the types committed in tests/clients/pressroom-api.d.ts', async () => {
      const generated = path.join(dir, 'pressroom-api.d.ts')
      const result = await run(bin('openapi-typescript/bin/cli.js'), [
        `${server.url}/api/openapi.json`,
        '-o',
        generated,
      ])
      expect(result.err).not.toMatch(/error/i)
      expect(result.code).toBe(0)
      // On a difference: `npx openapi-typescript http://localhost:3000/api/openapi.json -o tests/clients/pressroom-api.d.ts`.
      expect(readFileSync(generated, 'utf8')).toBe(
        readFileSync(path.join(root, 'tests/clients/pressroom-api.d.ts'), 'utf8'),
      )
    })
  })

  describe('typed clients', () => {
    it('compile with tsc --strict', async () => {
      const result = await run(bin('typescript/bin/tsc'), ['-p', 'tests/clients', '--strict', '--noEmit'])
      expect(result.out + result.err).toBe('')
      expect(result.code).toBe(0)
    })

    const clients = [
      ['fetch with payload-types', fetchClient],
      ['Payload’s SDK', sdkClient],
      ['openapi-fetch with the generated types', openapiFetchClient],
      ['GraphQL', graphqlClient],
    ] as const

    it.each(clients)('%s reads an event in Russian and the latest press release', async (_name, client) => {
      const [russian, english] = [
        (await anonymous.get(`/api/events/${eventId}?locale=ru`)).body,
        (await anonymous.get(`/api/events/${eventId}?locale=en`)).body,
      ]
      expect(russian.title).not.toBe(english.title)
      const event = await client.readEvent(server.url, eventId, 'ru')
      expect({ id: event.id, title: event.title, slug: event.slug, startDate: event.startDate }).toEqual({
        id: eventId,
        title: russian.title,
        slug: russian.slug,
        startDate: russian.startDate,
      })
      expect(event.venue?.city).toBe(russian.venue.city)

      const newest = (await anonymous.get('/api/press-releases?locale=en&sort=-releaseDate&limit=1')).body.docs[0]
      const release = await client.latestPressRelease(server.url, 'en')
      expect(release && { id: release.id, title: release.title, releaseDate: release.releaseDate }).toEqual({
        id: newest.id,
        title: newest.title,
        releaseDate: newest.releaseDate,
      })
    })

    it('fail loudly on a missing event instead of returning nothing', async () => {
      for (const [, client] of clients) await expect(client.readEvent(server.url, 999_999, 'ru')).rejects.toThrow()
    })
  })

  describe('the GraphQL schema in docs/schema.graphql', () => {
    const committed = () => readFileSync(path.join(root, 'docs/schema.graphql'), 'utf8')

    // Production refuses introspection (Payload's default), so the schema is printed the way the
    // server builds it: Payload's generator on the same config (`npm run generate:graphQLSchema`).
    it('is the schema Payload builds from this config', async () => {
      const printed = path.join(dir, 'schema.graphql')
      // Payload's bin starts with `void start()`: on a busy machine it has been seen to exit 0 before
      // its config import settled, writing nothing. Asked again then; what it prints is compared strictly.
      let result: Run | undefined
      for (let attempt = 0; attempt < 3 && !existsSync(printed); attempt += 1) {
        result = await run(bin('@payloadcms/graphql/bin.js'), ['generate:schema'], {
          NODE_ENV: 'production',
          NODE_OPTIONS: '--no-deprecation',
          PAYLOAD_SECRET: TEST_SECRET,
          DATABASE_URI: `file:${path.join(dir, `generate-${attempt}.db`)}`,
          PAYLOAD_GRAPHQL_SCHEMA_PATH: printed,
        })
        expect(result.err).toBe('')
        expect(result.code).toBe(0)
      }
      // On a difference: `npm run generate:graphQLSchema` and commit docs/schema.graphql.
      expect(readFileSync(printed, 'utf8') === committed()).toBe(true)
    })

    it('accepts the client’s queries, which the server answers', () => {
      const schema = buildSchema(committed())
      for (const query of [graphqlClient.eventQuery, graphqlClient.latestPressReleaseQuery])
        expect(validate(schema, parse(query))).toEqual([])
    })
  })

  describe('CORS for a browser frontend', () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/api/events/${eventId}?locale=ru`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      })

    it('answers a preflight from FRONTEND_URL that asks to send Authorization', async () => {
      const response = await preflight(FRONTEND)
      expect(response.ok).toBe(true)
      expect(response.headers.get('access-control-allow-origin')).toBe(FRONTEND)
      expect(response.headers.get('access-control-allow-headers')?.toLowerCase().split(/,\s*/)).toContain(
        'authorization',
      )
      expect(response.headers.get('access-control-allow-methods')?.split(/,\s*/)).toContain('GET')
    })

    it('does not allow an unknown origin', async () => {
      const response = await preflight('https://evil.example')
      expect(response.headers.get('access-control-allow-origin')).toBeNull()
      const read = await fetch(`${server.url}/api/events/${eventId}`, {
        headers: { origin: 'https://evil.example', authorization: 'api-keys API-Key nothing' },
      })
      expect(read.headers.get('access-control-allow-origin')).toBeNull()
    })
  })

  describe('docs/API.md, Clients', () => {
    it('shows examples copied from the tested client files, each naming its file', () => {
      const examples = examplesOf(readFileSync(path.join(root, 'docs/API.md'), 'utf8'), 'Clients')
      expect(new Set(examples.map((example) => example.file))).toEqual(
        new Set([
          'tests/clients/fetch.ts',
          'tests/clients/sdk.ts',
          'tests/clients/openapi-fetch.ts',
          'tests/clients/graphql.ts',
        ]),
      )
      for (const { file, code } of examples)
        expect([file, readFileSync(path.join(root, file!), 'utf8').includes(code)]).toEqual([file, true])
    })
  })
})
