import { configToJSONSchema, type FlattenedField, formatNames, type SanitizedConfig } from 'payload'

import { isStaffField } from '@/access/isStaff'
import { MAX_DEPTH, MAX_LIMIT } from '@/http/validateQuery'
import { localeCodes } from '@/i18n/localization'
import { RICH_TEXT_FORMATS } from '@/plugins/richTextHtml'
import { editorialDeclaration } from '@/policy/editorial'

import { eventTypes } from '../../../collections/Events/eventTypes'

type Schema = Record<string, any>

/** Keywords whose value is a map of names to schemas (the names are not keywords). */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'])
/** Keywords whose value is one schema or a list of schemas. */
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems'])
const SCHEMA_ONE = new Set([
  'items',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
])
/** Keys Payload's JSON Schema generator adds for its own TypeScript output; no OpenAPI tool knows them. */
const PAYLOAD_KEYS = new Set(['tsType'])

/**
 * One of Payload's JSON Schemas (draft-04 style, for its type generator) as an OpenAPI 3.1 schema:
 * `$ref`s point into components, tuples (`items: [..]`) become `prefixItems`, and Payload's own
 * keys go. Walks keywords, not keys, so a field called `items` or `tsType` stays a field.
 */
export function toOpenApiSchema(schema: unknown): unknown {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return schema
  const out: Schema = {}
  for (const [key, value] of Object.entries(schema)) {
    if (PAYLOAD_KEYS.has(key)) continue
    if (key === '$ref' && typeof value === 'string') out.$ref = value.replace('#/definitions/', '#/components/schemas/')
    else if (key === 'items' && Array.isArray(value)) out.prefixItems = value.map(toOpenApiSchema)
    else if (SCHEMA_MAPS.has(key) && value && typeof value === 'object')
      out[key] = Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, toOpenApiSchema(inner)]))
    else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) out[key] = value.map(toOpenApiSchema)
    else if (SCHEMA_ONE.has(key)) out[key] = toOpenApiSchema(value)
    else out[key] = value
  }
  return out
}

/**
 * A collection's fields as anonymous readers and API keys get them: without the ones only staff
 * may read (`createdBy`, a speaker's email), which Payload leaves out of their answers.
 */
export function publicFields(fields: FlattenedField[]): FlattenedField[] {
  return fields
    .filter((field) => field.access?.read !== isStaffField)
    .map((field): FlattenedField => {
      if ('flattenedFields' in field)
        return { ...field, flattenedFields: publicFields(field.flattenedFields) } as FlattenedField
      if (field.type === 'blocks')
        return {
          ...field,
          blocks: field.blocks.map((block) => ({ ...block, flattenedFields: publicFields(block.flattenedFields) })),
        }
      return field
    })
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

const parameter = (name: string, schema: Schema, description: string, extra: Schema = {}) => ({
  name,
  in: 'query',
  schema,
  description,
  ...extra,
})
const commonRead = [
  parameter(
    'locale',
    { type: 'string', enum: [...localeCodes, 'all'] },
    'Content locale; `all` returns every locale keyed by code. Unknown locales are a 400.',
  ),
  parameter(
    'fallback-locale',
    { type: 'string', enum: [...localeCodes, 'none'] },
    'Locale to fall back to for untranslated fields (default: en); `none` disables fallback.',
  ),
  parameter(
    'depth',
    { type: 'integer', minimum: 0, maximum: MAX_DEPTH, default: 1 },
    'How many levels of relationships to populate.',
  ),
  parameter('draft', { type: 'boolean' }, 'Read the latest draft (staff and preview keys only).'),
  parameter('select', { type: 'object' }, 'Fields to return, e.g. select[title]=true.', {
    style: 'deepObject',
    explode: true,
  }),
  parameter(
    'populate',
    { type: 'object' },
    'Fields of related documents to return, e.g. populate[speakers][name]=true.',
    { style: 'deepObject', explode: true },
  ),
  parameter(
    'richText',
    { type: 'string', enum: [...RICH_TEXT_FORMATS], default: 'lexical' },
    'How rich-text fields are delivered: `lexical` (the editor state, default) or `html`, a sanitized HTML fragment string (headings, lists, links, images with alt text) in place of each rich-text value, populated documents included. Links are http, https, mailto, tel or relative only; external ones carry rel="noopener noreferrer", and target="_blank" only where the editor chose a new tab. Any other value is a 400.',
  ),
]
const listParameters = [
  ...commonRead,
  parameter('where', { type: 'object' }, 'Filter, e.g. where[startDate][greater_than]=2026-01-01.', {
    style: 'deepObject',
    explode: true,
  }),
  parameter('sort', { type: 'string' }, 'Field to sort by; prefix with - for descending.'),
  parameter('limit', { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: 10 }, 'Documents per page.'),
  parameter('page', { type: 'integer', minimum: 1, default: 1 }, 'Page number.'),
]
const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
})
const json = (schema: Schema, description = 'OK') => ({ description, content: { 'application/json': { schema } } })
/** A page of documents as Payload's `find` answers it. */
const pageOf = (doc: Schema): Schema => ({
  type: 'object',
  required: ['docs', 'totalDocs', 'page', 'limit'],
  properties: {
    docs: { type: 'array', items: doc },
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
})

/** OpenAPI 3.1 for the public read API, generated from the collection configs. */
export function buildOpenApi(config: SanitizedConfig, defaultIDType: 'number' | 'text', collections: string[]): Schema {
  const readable = {
    ...config,
    collections: config.collections.map((collection) => ({
      ...collection,
      flattenedFields: publicFields(collection.flattenedFields),
    })),
  }
  const { definitions = {} } = configToJSONSchema(readable, defaultIDType) as { definitions?: Record<string, Schema> }
  const schemas: Record<string, unknown> = Object.fromEntries(
    reachable(definitions, collections).map((name) => [name, toOpenApiSchema(definitions[name])]),
  )
  schemas.Error = {
    type: 'object',
    required: ['errors'],
    properties: {
      errors: {
        type: 'array',
        items: {
          type: 'object',
          required: ['message'],
          properties: { name: { type: 'string' }, message: { type: 'string' }, data: {} },
        },
      },
    },
  }
  const idSchema = { type: defaultIDType === 'number' ? 'integer' : 'string' }
  const idParam = { name: 'id', in: 'path', required: true, schema: idSchema }
  const localeOnly = [commonRead[0]]
  const badQuery = errorResponse(
    'A malformed query: unknown locale, depth or limit out of range, a field that cannot be queried.',
  )
  const notFound = errorResponse('No such document, or not visible to this requester.')
  const paths: Record<string, Schema> = {}
  // The public collections the site search indexes (and whose old slugs redirect).
  const searchable = config.collections
    .filter((collection) => collections.includes(collection.slug) && editorialDeclaration(collection)?.search)
    .map((collection) => collection.slug)
  for (const slug of collections) {
    const ref = { $ref: `#/components/schemas/${slug}` }
    // operationIds (`listPressReleases`, `getPressRelease`) from Payload's own names for the slug,
    // as its GraphQL types use them: they change only when the path does.
    const { plural, singular } = formatNames(slug)
    paths[`/api/${slug}`] = {
      get: {
        operationId: `list${plural}`,
        tags: [slug],
        summary: `List ${slug}`,
        parameters: listParameters,
        responses: { 200: json(pageOf(ref)), 400: badQuery, 403: errorResponse('Not readable by this requester.') },
      },
    }
    paths[`/api/${slug}/{id}`] = {
      get: {
        operationId: `get${singular}`,
        tags: [slug],
        summary: `Read one of ${slug}`,
        parameters: [idParam, ...commonRead],
        responses: { 200: json(ref), 400: badQuery, 404: notFound },
      },
    }
    paths[`/api/${slug}/count`] = {
      get: {
        operationId: `count${plural}`,
        tags: [slug],
        summary: `Count ${slug}`,
        parameters: [listParameters.find((p) => p.name === 'where')!, commonRead[0]],
        responses: {
          200: json({ type: 'object', required: ['totalDocs'], properties: { totalDocs: { type: 'integer' } } }),
          400: badQuery,
        },
      },
    }
  }
  const named = (name: string) => listParameters.find((p) => p.name === name)!
  paths['/api/events/upcoming'] = {
    get: {
      operationId: 'listUpcomingEvents',
      tags: ['events'],
      summary: 'Ongoing and upcoming events, soonest first',
      parameters: [...localeOnly, named('depth'), named('limit'), named('page')],
      responses: { 200: json(pageOf({ $ref: '#/components/schemas/events' })), 400: badQuery },
    },
  }
  const occurrence: Schema = {
    type: 'object',
    required: ['originalStart', 'start', 'end', 'cancelled', 'changed', 'event'],
    properties: {
      originalStart: {
        type: 'string',
        format: 'date-time',
        description: 'The start the series gives this occurrence (its RECURRENCE-ID).',
      },
      start: { type: 'string', format: 'date-time', description: 'The start, after a move.' },
      end: { type: 'string', format: 'date-time' },
      cancelled: { type: 'boolean' },
      changed: { type: 'boolean', description: 'An editor cancelled, moved or relocated this occurrence.' },
      venue: { type: 'string', description: 'Another venue for this occurrence only.' },
      event: { $ref: '#/components/schemas/events' },
    },
  }
  const day = (name: string, description: string) =>
    parameter(name, { type: 'string', format: 'date-time' }, description, { required: true })
  paths['/api/events/occurrences'] = {
    get: {
      operationId: 'listEventOccurrences',
      tags: ['events'],
      summary:
        'Occurrences of published events in a range (at most 366 days), sorted by start; a one-off event is one occurrence',
      parameters: [
        day('from', 'Start of the range: an ISO 8601 date or date-time (UTC unless it says otherwise).'),
        day('to', 'End of the range (exclusive), at most 366 days after from.'),
        parameter('locale', { type: 'string', enum: localeCodes }, 'Content locale (one; `all` is a 400).'),
        named('depth'),
        parameter('limit', { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: 50 }, 'Occurrences per page.'),
        named('page'),
      ],
      responses: {
        200: json({
          allOf: [
            pageOf(occurrence),
            {
              type: 'object',
              properties: {
                range: {
                  type: 'object',
                  properties: {
                    from: { type: 'string', format: 'date-time' },
                    to: { type: 'string', format: 'date-time' },
                  },
                },
              },
            },
          ],
        }),
        400: errorResponse(
          'from or to missing or not a date, to not after from, a range over 366 days, an unknown locale or `all`, limit or page out of range.',
        ),
      },
    },
  }
  paths['/api/events/{id}/ics'] = {
    get: {
      operationId: 'getEventCalendar',
      tags: ['events'],
      summary: 'One event as iCalendar (RFC 5545): a series with RRULE, EXDATE and RECURRENCE-ID overrides',
      parameters: [
        idParam,
        ...localeOnly,
        parameter(
          'sessions',
          { type: 'boolean', default: false },
          'true: each session of the programme as a VEVENT of its own, with its room and public speakers.',
        ),
      ],
      responses: {
        200: { description: 'text/calendar', content: { 'text/calendar': { schema: { type: 'string' } } } },
        400: badQuery,
        404: notFound,
      },
    },
  }
  for (const slug of ['events', 'press-releases', 'organisations', 'speakers']) {
    paths[`/api/${slug}/{id}/jsonld`] = {
      get: {
        operationId: `get${formatNames(slug).singular}JsonLd`,
        tags: [slug],
        summary: 'schema.org JSON-LD',
        parameters: [idParam, ...localeOnly],
        responses: {
          200: { description: 'JSON-LD', content: { 'application/ld+json': { schema: { type: 'object' } } } },
          400: badQuery,
          404: notFound,
        },
      },
    }
  }
  paths['/api/press-releases/preview'] = {
    get: {
      operationId: 'getPressReleasePreview',
      tags: ['press-releases'],
      summary: 'A release behind a preview link, before its embargo',
      parameters: [{ name: 'token', in: 'query', required: true, schema: { type: 'string' } }, ...localeOnly],
      responses: {
        200: json({ $ref: '#/components/schemas/press-releases' }),
        400: errorResponse('Malformed link'),
        410: errorResponse('Expired or revoked'),
      },
    },
  }
  const text = (operationId: string, type: string, summary: string) => ({
    get: {
      operationId,
      tags: ['feeds'],
      summary,
      parameters: localeOnly,
      responses: {
        200: { description: type, content: { [type]: { schema: { type: 'string' } } } },
        400: errorResponse('Unknown locale, or `all`'),
      },
    },
  })
  const calendarFeed = text(
    'getEventsCalendarFeed',
    'text/calendar',
    'Upcoming events and those of the last CALENDAR_PAST_DAYS days (default 90) as an iCalendar feed',
  )
  calendarFeed.get.parameters = [
    ...localeOnly,
    parameter('organisation', idSchema, 'Only events with this organisation among their organisations.'),
    parameter('project', idSchema, 'Only events of this project.'),
    parameter('eventType', { type: 'string', enum: [...eventTypes] }, 'Only events of this type.'),
  ]
  calendarFeed.get.responses[400] = errorResponse(
    'Unknown locale or `all`, an unknown event type, an organisation or project the public cannot read.',
  )
  paths['/feeds/events.ics'] = calendarFeed
  paths['/feeds/press-releases.xml'] = text(
    'getPressReleasesRssFeed',
    'application/rss+xml',
    'Press releases as RSS 2.0',
  )
  paths['/feeds/press-releases.atom'] = text(
    'getPressReleasesAtomFeed',
    'application/atom+xml',
    'Press releases as Atom',
  )
  const query = (name: string, description: string) => ({
    name,
    in: 'query',
    required: false,
    description,
    schema: { type: 'string' },
  })
  const staff = [{ jwt: [] }, { apiKey: [] }]
  paths['/api/translations/status'] = {
    get: {
      operationId: 'getTranslationStatus',
      tags: ['translations'],
      summary:
        'Translation status per document, locale and field (missing, stale, translated); needs a login or an API key',
      security: staff,
      parameters: [
        query('collection', 'a collection with translatable fields'),
        query('locale', 'a target locale'),
        query('id', 'one document'),
        query('status', 'missing, stale or translated'),
        query('limit', '1–500'),
        query('page', 'from 1'),
      ],
      responses: {
        200: json({ type: 'object' }),
        400: errorResponse('Bad parameter'),
        401: errorResponse('Not logged in'),
      },
    },
  }
  paths['/api/translations/export'] = {
    get: {
      operationId: 'exportTranslations',
      tags: ['translations'],
      summary: 'XLIFF 2.0 (or JSON) of the documents to translate; staff only',
      security: staff,
      parameters: [
        query('collection', 'required'),
        query('target', 'required'),
        query('source', 'default en'),
        query('ids', 'comma-separated'),
        query('status', 'comma-separated states'),
        query('format', 'xliff or json'),
        query('page', 'pages of 500 documents'),
      ],
      responses: {
        200: {
          description: 'XLIFF 2.0',
          content: {
            'application/xliff+xml': { schema: { type: 'string' } },
            'application/json': { schema: { type: 'object' } },
          },
        },
        400: errorResponse('Bad parameter'),
        403: errorResponse('Not your locale'),
      },
    },
  }
  paths['/api/translations/import'] = {
    post: {
      operationId: 'importTranslations',
      tags: ['translations'],
      summary: 'Writes translated targets into the target locale as drafts, answering per unit; staff only',
      security: staff,
      parameters: [
        query('force', 'true applies units whose source changed since the export'),
        query('dryRun', 'true reports without writing'),
      ],
      requestBody: {
        content: {
          'multipart/form-data': {
            schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
          },
          'application/xliff+xml': { schema: { type: 'string' } },
          'application/json': { schema: { type: 'object' } },
        },
      },
      responses: {
        200: json({ type: 'object' }, 'The report: a summary and one result per unit'),
        202: json(
          {
            type: 'object',
            properties: {
              id: idSchema,
              status: { type: 'string' },
              documents: { type: 'integer' },
              statusUrl: { type: 'string' },
            },
          },
          'Queued (a large import); follow statusUrl',
        ),
        400: errorResponse('Unreadable file (names the line or unit), or a limit passed'),
        403: errorResponse('Not your locale'),
        413: errorResponse('More than 1 MB'),
        429: errorResponse('Too many imports'),
      },
    },
  }
  paths['/api/translations/import/{id}'] = {
    get: {
      operationId: 'getTranslationImport',
      tags: ['translations'],
      summary: 'Progress of a queued import, and its report once done; to the person who started it and to admins',
      security: staff,
      parameters: [idParam],
      responses: {
        200: json({
          type: 'object',
          required: ['id', 'status', 'progress'],
          properties: {
            id: idSchema,
            status: { type: 'string' },
            progress: { type: 'object' },
            report: { type: 'object' },
          },
        }),
        401: errorResponse('Not logged in'),
        404: errorResponse('No such import that you started'),
      },
    },
  }
  const gap = {
    type: 'object',
    required: ['notice', 'rule', 'enforced', 'message'],
    properties: {
      notice: idSchema,
      noticeName: { type: 'string' },
      rule: { type: 'string', enum: ['notice', 'emblem', 'emblemSize', 'statement', 'disclaimer'] },
      locale: { type: 'string' },
      enforced: { type: 'boolean' },
      message: { type: 'string' },
    },
  }
  for (const slug of ['events', 'press-releases']) {
    paths[`/api/${slug}/{id}/visibility`] = {
      get: {
        operationId: `get${formatNames(slug).singular}Visibility`,
        tags: [slug],
        summary:
          'The donors’ visibility gaps of the latest version, as a publish in `locale` would see them; staff only',
        security: [{ jwt: [] }],
        parameters: [
          idParam,
          query('locale', 'the language about to be published; default: every language with a title'),
        ],
        responses: {
          200: json({
            type: 'object',
            required: ['blocking', 'gaps'],
            properties: {
              collection: { type: 'string' },
              id: idSchema,
              locales: { type: 'array', items: { type: 'string' } },
              blocking: { type: 'boolean' },
              notices: {
                type: 'array',
                items: { type: 'object', properties: { id: idSchema, name: { type: 'string' } } },
              },
              gaps: { type: 'array', items: gap },
            },
          }),
          400: badQuery,
          401: errorResponse('Not logged in'),
          403: errorResponse('Not staff (API keys included)'),
          404: notFound,
        },
      },
    }
  }
  paths['/api/projects/{id}/visibility-report'] = {
    get: {
      operationId: 'getProjectVisibilityReport',
      tags: ['projects'],
      summary:
        'The grant’s evidence pack: every public item of the project with its dates, locales, URLs and visibility gaps; editors and admins only',
      security: [{ jwt: [] }],
      parameters: [
        idParam,
        {
          name: 'format',
          in: 'query',
          schema: { type: 'string', enum: ['json', 'csv'], default: 'json' },
          description: 'json, or csv (one row per item and language)',
        },
      ],
      responses: {
        200: {
          description: 'The report',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['project', 'items'],
                properties: {
                  project: { type: 'object' },
                  generatedAt: { type: 'string', format: 'date-time' },
                  notices: { type: 'array', items: { type: 'object' } },
                  items: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        collection: { type: 'string' },
                        id: idSchema,
                        title: { type: 'string' },
                        locales: { type: 'array', items: { type: 'string' } },
                        urls: { type: 'object', additionalProperties: { type: 'string' } },
                        noticePresent: { type: 'boolean' },
                        emblemPresent: { type: 'boolean' },
                        gaps: { type: 'array', items: gap },
                      },
                    },
                  },
                  summary: { type: 'object' },
                },
              },
            },
            'text/csv': { schema: { type: 'string' } },
          },
        },
        400: errorResponse('Bad format, locale or id'),
        401: errorResponse('Not logged in'),
        403: errorResponse('Not an editor or admin (translators and API keys included)'),
        404: notFound,
      },
    },
  }
  // The sitemap reads no parameter and answers every request: it has no 4xx to declare.
  const sitemapXml = { description: 'XML', content: { 'application/xml': { schema: { type: 'string' } } } }
  paths['/sitemap.xml'] = {
    get: {
      operationId: 'getSitemap',
      tags: ['feeds'],
      summary:
        'Sitemap with hreflang alternates; a sitemap index of /sitemaps/{file} beyond SITEMAP_URLS_PER_FILE (at most 50,000) URLs',
      responses: { 200: sitemapXml },
    },
  }
  paths['/sitemaps/{file}'] = {
    get: {
      operationId: 'getSitemapFile',
      tags: ['feeds'],
      summary: 'One file of a split sitemap, as the sitemap index lists them',
      parameters: [
        {
          name: 'file',
          in: 'path',
          required: true,
          description: 'n.xml, from 1.xml',
          schema: { type: 'string', pattern: '^[1-9][0-9]*\\.xml$' },
        },
      ],
      responses: { 200: sitemapXml, 404: errorResponse('No such file: the sitemap is not split, or has fewer files') },
    },
  }
  const searchResult = {
    type: 'object',
    required: ['collection', 'id', 'title', 'summary', 'slug', 'path', 'rank'],
    properties: {
      collection: { type: 'string', enum: searchable },
      id: { type: 'string' },
      title: { type: 'string' },
      summary: { type: ['string', 'null'] },
      slug: { type: ['string', 'null'] },
      path: { type: ['string', 'null'], description: "The page's path on the frontend, e.g. /ru/events/{slug}" },
      rank: {
        type: 'string',
        enum: ['title', 'text'],
        description: 'title: every word is in the title; text: elsewhere. Title matches come first.',
      },
    },
  }
  const required = (name: string, description: string, schema: Schema = { type: 'string' }) => ({
    name,
    in: 'query',
    required: true,
    description,
    schema,
  })
  const optional = (name: string, description: string, schema: Schema = { type: 'string' }) => ({
    name,
    in: 'query',
    required: false,
    description,
    schema,
  })
  const oneLocale = optional('locale', 'One content locale (not all); default the source locale', {
    type: 'string',
    enum: localeCodes,
  })
  if (searchable.length) {
    paths['/api/search'] = {
      get: {
        operationId: 'searchSite',
        tags: ['search'],
        summary:
          'Ranked site search in one locale, without regard to case, diacritics or script (Бишкек finds Bishkek); public content only',
        parameters: [
          required('q', 'The words to find, 1–100 characters, at most 8 words; every word must match', {
            type: 'string',
            minLength: 1,
            maxLength: 100,
          }),
          oneLocale,
          optional('collections', `Comma-separated, any of ${searchable.join(', ')}; default all`),
          optional('limit', 'Results per page, 1–50, default 10', { type: 'integer', minimum: 1, maximum: 50 }),
          optional('page', 'From 1', { type: 'integer', minimum: 1, maximum: 1000 }),
        ],
        responses: {
          200: json({
            type: 'object',
            required: ['docs', 'totalDocs', 'limit', 'page', 'totalPages', 'hasNextPage', 'hasPrevPage', 'q', 'locale'],
            properties: {
              docs: { type: 'array', items: searchResult },
              totalDocs: { type: 'integer' },
              limit: { type: 'integer' },
              page: { type: 'integer' },
              totalPages: { type: 'integer' },
              hasNextPage: { type: 'boolean' },
              hasPrevPage: { type: 'boolean' },
              q: { type: 'string' },
              locale: { type: 'string' },
            },
          }),
          400: errorResponse(
            'q missing, too long or without letters; an unknown or `all` locale; an unknown collection; limit or page out of range. `data` names each parameter.',
          ),
        },
      },
    }
    paths['/api/redirects'] = {
      get: {
        operationId: 'resolveSlug',
        tags: ['search'],
        summary:
          'Where a slug lives now: the document that has it, or the one that had it (an old slug after a rename; chains resolve to the current slug)',
        parameters: [
          required('collection', `One of ${searchable.join(', ')}`, { type: 'string', enum: searchable }),
          required('slug', 'The slug a link used, up to 200 characters', { type: 'string', maxLength: 200 }),
          oneLocale,
        ],
        responses: {
          200: json({
            type: 'object',
            required: ['collection', 'id', 'locale', 'slug', 'path', 'redirected'],
            properties: {
              collection: { type: 'string' },
              id: { type: 'string' },
              locale: { type: 'string' },
              slug: { type: 'string', description: 'The current slug' },
              path: { type: ['string', 'null'] },
              redirected: { type: 'boolean', description: 'true when the slug asked for is an old one' },
              from: { type: 'string', description: 'The slug asked for, when redirected' },
            },
          }),
          400: errorResponse(
            'collection unknown, slug missing or too long, an unknown or `all` locale. `data` names each parameter.',
          ),
          404: notFound,
        },
      },
    }
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Pressroom public API',
      version: '1.0.0',
      license: { name: 'MIT', identifier: 'MIT' },
      description:
        'Published content of Pressroom. Anonymous readers and frontend keys see published, non-embargoed content only; a preview key also reads drafts.',
    },
    servers: [{ url: config.serverURL || '/' }],
    security: [{}, { apiKey: [] }],
    components: {
      schemas,
      securitySchemes: {
        apiKey: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'api-keys API-Key <key>' },
        jwt: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: 'JWT <token> from POST /api/users/login',
        },
      },
    },
    paths,
  }
}
