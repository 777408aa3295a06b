import { configToJSONSchema, type SanitizedConfig } from 'payload'

import { localeCodes } from '@/i18n/localization'
import { MAX_DEPTH, MAX_LIMIT } from '@/http/validateQuery'

type Schema = Record<string, any>

/** JSON Schema `$ref`s from Payload's generator point at #/definitions; OpenAPI keeps them in components. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs)
  if (!value || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, key === '$ref' && typeof inner === 'string' ? inner.replace('#/definitions/', '#/components/schemas/') : rewriteRefs(inner)]),
  )
}

/** The definitions a set of schemas refers to, transitively. */
function reachable(definitions: Record<string, Schema>, roots: string[]): string[] {
  const seen = new Set<string>()
  const visit = (name: string) => {
    if (seen.has(name) || !definitions[name]) return
    seen.add(name)
    JSON.stringify(definitions[name]).replace(/"#\/definitions\/([^"]+)"/g, (_, ref: string) => {
      visit(ref)
      return ''
    })
  }
  roots.forEach(visit)
  return [...seen]
}

const parameter = (name: string, schema: Schema, description: string, extra: Schema = {}) => ({ name, in: 'query', schema, description, ...extra })
const commonRead = [
  parameter('locale', { type: 'string', enum: [...localeCodes, 'all'] }, 'Content locale; `all` returns every locale keyed by code. Unknown locales are a 400.'),
  parameter('fallback-locale', { type: 'string', enum: [...localeCodes, 'none'] }, 'Locale to fall back to for untranslated fields (default: en); `none` disables fallback.'),
  parameter('depth', { type: 'integer', minimum: 0, maximum: MAX_DEPTH, default: 1 }, 'How many levels of relationships to populate.'),
  parameter('draft', { type: 'boolean' }, 'Read the latest draft (staff and preview keys only).'),
  parameter('select', { type: 'object' }, 'Fields to return, e.g. select[title]=true.', { style: 'deepObject', explode: true }),
  parameter('populate', { type: 'object' }, 'Fields of related documents to return, e.g. populate[speakers][name]=true.', { style: 'deepObject', explode: true }),
]
const listParameters = [
  ...commonRead,
  parameter('where', { type: 'object' }, 'Filter, e.g. where[startDate][greater_than]=2026-01-01.', { style: 'deepObject', explode: true }),
  parameter('sort', { type: 'string' }, 'Field to sort by; prefix with - for descending.'),
  parameter('limit', { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: 10 }, 'Documents per page.'),
  parameter('page', { type: 'integer', minimum: 1, default: 1 }, 'Page number.'),
]
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } })
const json = (schema: Schema, description = 'OK') => ({ description, content: { 'application/json': { schema } } })

/** OpenAPI 3.1 for the public read API, generated from the collection configs. */
export function buildOpenApi(config: SanitizedConfig, defaultIDType: 'number' | 'text', collections: string[]): Schema {
  const { definitions = {} } = configToJSONSchema(config, defaultIDType) as { definitions?: Record<string, Schema> }
  const schemas: Record<string, unknown> = Object.fromEntries(reachable(definitions, collections).map((name) => [name, rewriteRefs(definitions[name])]))
  schemas.Error = {
    type: 'object',
    required: ['errors'],
    properties: { errors: { type: 'array', items: { type: 'object', required: ['message'], properties: { name: { type: 'string' }, message: { type: 'string' }, data: {} } } } },
  }
  const idSchema = { type: defaultIDType === 'number' ? 'integer' : 'string' }
  const paths: Record<string, Schema> = {}
  for (const slug of collections) {
    const ref = { $ref: `#/components/schemas/${slug}` }
    paths[`/api/${slug}`] = {
      get: {
        tags: [slug],
        summary: `List ${slug}`,
        parameters: listParameters,
        responses: {
          200: json({
            type: 'object',
            required: ['docs', 'totalDocs', 'page', 'limit'],
            properties: {
              docs: { type: 'array', items: ref },
              totalDocs: { type: 'integer' },
              limit: { type: 'integer' },
              totalPages: { type: 'integer' },
              page: { type: 'integer' },
              pagingCounter: { type: 'integer' },
              hasPrevPage: { type: 'boolean' },
              hasNextPage: { type: 'boolean' },
              prevPage: { type: ['integer', 'null'] },
              nextPage: { type: ['integer', 'null'] },
            },
          }),
          400: errorResponse('A malformed query: unknown locale, depth out of range, a field that cannot be queried.'),
          403: errorResponse('Not readable by this requester.'),
        },
      },
    }
    paths[`/api/${slug}/{id}`] = {
      get: {
        tags: [slug],
        summary: `Read one of ${slug}`,
        parameters: [{ name: 'id', in: 'path', required: true, schema: idSchema }, ...commonRead],
        responses: { 200: json(ref), 400: errorResponse('A malformed query.'), 404: errorResponse('No such document, or not visible to this requester.') },
      },
    }
    paths[`/api/${slug}/count`] = {
      get: {
        tags: [slug],
        summary: `Count ${slug}`,
        parameters: [listParameters.find((p) => p.name === 'where')!, commonRead[0]],
        responses: { 200: json({ type: 'object', properties: { totalDocs: { type: 'integer' } } }) },
      },
    }
  }
  const localeOnly = [commonRead[0]]
  const idParam = { name: 'id', in: 'path', required: true, schema: idSchema }
  paths['/api/events/upcoming'] = { get: { tags: ['events'], summary: 'Ongoing and upcoming events, soonest first', parameters: [...localeOnly, listParameters.find((p) => p.name === 'limit')!], responses: { 200: json({ type: 'object', properties: { docs: { type: 'array', items: { $ref: '#/components/schemas/events' } } } }) } } }
  paths['/api/events/{id}/ics'] = { get: { tags: ['events'], summary: 'One event as iCalendar (RFC 5545)', parameters: [idParam, ...localeOnly], responses: { 200: { description: 'text/calendar', content: { 'text/calendar': { schema: { type: 'string' } } } }, 404: errorResponse('Not found') } } }
  for (const slug of ['events', 'press-releases', 'organisations', 'speakers']) {
    paths[`/api/${slug}/{id}/jsonld`] = { get: { tags: [slug], summary: 'schema.org JSON-LD', parameters: [idParam, ...localeOnly], responses: { 200: { description: 'JSON-LD', content: { 'application/ld+json': { schema: { type: 'object' } } } }, 404: errorResponse('Not found') } } }
  }
  paths['/api/press-releases/preview'] = {
    get: {
      tags: ['press-releases'],
      summary: 'A release behind a preview link, before its embargo',
      parameters: [{ name: 'token', in: 'query', required: true, schema: { type: 'string' } }, ...localeOnly],
      responses: { 200: json({ $ref: '#/components/schemas/press-releases' }), 400: errorResponse('Malformed link'), 410: errorResponse('Expired or revoked') },
    },
  }
  const text = (type: string, summary: string) => ({ get: { summary, parameters: localeOnly, responses: { 200: { description: type, content: { [type]: { schema: { type: 'string' } } } }, 400: errorResponse('Unknown locale') } } })
  paths['/feeds/events.ics'] = text('text/calendar', 'Upcoming events as an iCalendar feed')
  paths['/feeds/press-releases.xml'] = text('application/rss+xml', 'Press releases as RSS 2.0')
  paths['/feeds/press-releases.atom'] = text('application/atom+xml', 'Press releases as Atom')
  const query = (name: string, description: string) => ({ name, in: 'query', required: false, description, schema: { type: 'string' } })
  paths['/api/translations/status'] = {
    get: {
      tags: ['translations'],
      summary: 'Translation status per document, locale and field (missing, stale, translated); needs a login or an API key',
      parameters: [query('collection', 'a collection with translatable fields'), query('locale', 'a target locale'), query('id', 'one document'), query('status', 'missing, stale or translated'), query('limit', '1–500'), query('page', 'from 1')],
      responses: { 200: json({ type: 'object' }), 400: errorResponse('Bad parameter'), 401: errorResponse('Not logged in') },
    },
  }
  paths['/api/translations/export'] = {
    get: {
      tags: ['translations'],
      summary: 'XLIFF 2.0 (or JSON) of the documents to translate; staff only',
      parameters: [query('collection', 'required'), query('target', 'required'), query('source', 'default en'), query('ids', 'comma-separated'), query('status', 'comma-separated states'), query('format', 'xliff or json'), query('page', 'pages of 500 documents')],
      responses: { 200: { description: 'XLIFF 2.0', content: { 'application/xliff+xml': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'object' } } } }, 400: errorResponse('Bad parameter'), 403: errorResponse('Not your locale') },
    },
  }
  paths['/api/translations/import'] = {
    post: {
      tags: ['translations'],
      summary: 'Writes translated targets into the target locale as drafts, answering per unit; staff only',
      parameters: [query('force', 'true applies units whose source changed since the export'), query('dryRun', 'true reports without writing')],
      requestBody: { content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } }, 'application/xliff+xml': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'object' } } } },
      responses: { 200: json({ type: 'object' }), 400: errorResponse('Unreadable file (names the line or unit)'), 403: errorResponse('Not your locale'), 429: errorResponse('Too many imports') },
    },
  }
  paths['/sitemap.xml'] = { get: { summary: 'Sitemap with hreflang alternates', responses: { 200: { description: 'XML', content: { 'application/xml': { schema: { type: 'string' } } } } } } }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Pressroom public API',
      version: '1.0.0',
      description: 'Published content of Pressroom. Anonymous readers and frontend keys see published, non-embargoed content only; a preview key also reads drafts.',
    },
    servers: [{ url: config.serverURL || '/' }],
    security: [{}, { apiKey: [] }],
    components: {
      schemas,
      securitySchemes: {
        apiKey: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'api-keys API-Key <key>' },
        jwt: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'JWT <token> from POST /api/users/login' },
      },
    },
    paths,
  }
}
