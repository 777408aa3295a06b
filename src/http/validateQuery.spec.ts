import { checkQuery, MAX_DEPTH, queryProblems, queryRouteOf } from './validateQuery'

describe('queryProblems', () => {
  it('accepts what frontends send', () => {
    expect(queryProblems({})).toEqual([])
    expect(queryProblems({ locale: 'ru', 'fallback-locale': 'en', depth: '1', limit: '20', page: '3' })).toEqual([])
    expect(queryProblems({ locale: 'all', 'fallback-locale': 'none', depth: String(MAX_DEPTH) })).toEqual([])
  })
  it('refuses an unknown locale instead of falling back silently', () => {
    expect(queryProblems({ locale: 'xx' })).toEqual([
      { path: 'locale', message: 'Unknown locale "xx": use one of en, ru, tg, kk, ky, or all.' },
    ])
    expect(queryProblems({ 'fallback-locale': 'de' })[0].path).toBe('fallback-locale')
  })
  it('refuses depths, limits and pages out of range or not numbers', () => {
    expect(queryProblems({ depth: '100' })).toEqual([
      { path: 'depth', message: 'depth must be a whole number from 0 to 5, got "100".' },
    ])
    for (const depth of ['-1', 'abc', '1.5', '']) expect(queryProblems({ depth })[0].path).toBe('depth')
    for (const limit of ['0', '-5', 'abc', '100000']) expect(queryProblems({ limit })[0].path).toBe('limit')
    expect(queryProblems({ page: '0' })[0].path).toBe('page')
  })
  it('refuses a parameter given twice', () => {
    expect(queryProblems({ locale: ['en', 'ru'] })).toEqual([
      { path: 'locale', message: '"locale" must be given once, as a single value.' },
    ])
  })
})

describe('where checks', () => {
  it('refuses geographic operators with malformed values, at any depth', () => {
    expect(queryProblems({ where: { title: { near: '\u0000' } } })).toEqual([
      {
        path: 'where[title][near]',
        message:
          'where[title][near] must be "longitude,latitude" with optional maximum and minimum distances in metres.',
      },
    ])
    expect(queryProblems({ where: { or: [{ 'venue.coordinates': { within: 'x' } }] } })[0].path).toBe(
      'where[or][0][venue.coordinates][within]',
    )
  })
  it('lets well-formed conditions through to Payload', () => {
    expect(
      queryProblems({ where: { 'venue.coordinates': { near: '68.77,38.56,10000' }, title: { like: 'torture' } } }),
    ).toEqual([])
  })
})

describe('sort, select, populate, joins and data', () => {
  it('bounds the fields of a sort, however it is spelt', () => {
    expect(queryProblems({ sort: '-startDate,title' })).toEqual([])
    expect(queryProblems({ sort: 'a,b,c,d,e,f' })).toEqual([
      { path: 'sort', message: 'sort lists 6 fields; at most 5 are allowed.' },
    ])
    expect(queryProblems({ sort: ['a', 'b,c', 'd', 'e', 'f'] })[0].path).toBe('sort')
    expect(queryProblems({ sort: { a: '1' } })[0].message).toMatch(/comma-separated list of field names/)
  })
  it('bounds select, populate and joins, and checks each join as a query of its own', () => {
    expect(
      queryProblems({
        select: { title: 'true', venue: { city: 'true' } },
        joins: 'false',
        populate: { speakers: { name: 'true' } },
      }),
    ).toEqual([])
    const many = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`f${i}`, 'true']))
    expect(queryProblems({ select: many })).toEqual([
      { path: 'select', message: 'select has 150 entries; at most 100 are allowed.' },
    ])
    expect(queryProblems({ populate: 'x' })).toEqual([
      { path: 'populate', message: 'populate must name fields, e.g. populate[title]=true.' },
    ])
    expect(
      queryProblems({
        joins: {
          pressReleases: { limit: '0', page: 'x', sort: 'a,b,c,d,e,f', where: { id: { in: Array(600).fill('1') } } },
        },
      }).map((p) => p.path),
    ).toEqual([
      'joins[pressReleases][limit]',
      'joins[pressReleases][page]',
      'joins[pressReleases][sort]',
      'joins[pressReleases][where][id][in]',
    ])
  })
  it('refuses a data parameter that Payload could not parse', () => {
    expect(queryProblems({ data: '{"title":"x"}' })).toEqual([])
    expect(queryProblems({ data: '{' })).toEqual([{ path: 'data', message: 'data must be valid JSON.' }])
    expect(queryProblems({ data: '['.repeat(5000) })[0].message).toMatch(/nested too deeply/)
  })
})

describe('checkQuery, against a collection', () => {
  const field = (name: string, type: string, extra: Record<string, unknown> = {}) => ({ name, type, ...extra })
  const events = {
    slug: 'events',
    versions: { drafts: true },
    fields: [],
    flattenedFields: [
      field('title', 'text'),
      field('startDate', 'date'),
      field('venue', 'group', { flattenedFields: [field('city', 'text')] }),
      field('speakers', 'relationship', { relationTo: 'speakers' }),
    ],
  }
  const payload = {
    db: { defaultIDType: 'number', name: 'sqlite' },
    config: {},
    collections: { events: { config: events }, speakers: { config: { flattenedFields: [] } } },
  } as never
  it('parses the URL as Payload does and checks values and sort fields against the fields', () => {
    expect(
      checkQuery('/api/events?where[speakers][in]=1,2&sort=-startDate,venue.city', {
        payload,
        route: { collection: 'events' },
      }),
    ).toEqual([])
    expect(
      checkQuery('/api/events?where[speakers][equals]=abc', { payload, route: { collection: 'events' } })[0].path,
    ).toBe('where[speakers][equals]')
    expect(checkQuery('/api/events?sort=title,-nope', { payload, route: { collection: 'events' } })).toEqual([
      { path: 'sort', message: 'sort: "nope" is not a field of events.' },
    ])
  })
  it('knows the fields of versions: parent, version.…', () => {
    const route = { collection: 'events', versions: true }
    expect(
      checkQuery('/api/events/versions?where[parent][equals]=1&sort=-version.startDate', { payload, route }),
    ).toEqual([])
    expect(checkQuery('/api/events/versions?where[parent][equals]=abc', { payload, route })[0].message).toBe(
      'where[parent][equals] must be a document id (a whole number), got "abc".',
    )
    expect(checkQuery('/api/events/versions?sort=title', { payload, route })[0].path).toBe('sort')
  })
  it('without a collection, checks only what every route shares', () => {
    expect(checkQuery('/feeds/events.ics?locale=xx')[0].path).toBe('locale')
    expect(checkQuery('/feeds/events.ics?locale=ru#locale=xx')).toEqual([])
  })
  it('gives the routes of /api paths', () => {
    expect(queryRouteOf('/events/versions/3')).toEqual({ collection: 'events', versions: true })
    expect(queryRouteOf('/events')).toEqual({ collection: 'events', versions: false })
  })
})
