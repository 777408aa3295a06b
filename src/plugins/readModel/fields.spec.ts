import type { FlattenedField } from 'payload'

import { columnsOf, relationsOf } from './fields'

// The shape of events as Payload flattens it: a localized slug, dates, a relationship, and an
// array of sessions whose speakers and room are per row (room localized).
const fields = [
  { name: 'slug', type: 'text', localized: true },
  { name: 'startDate', type: 'date' },
  { name: 'endDate', type: 'date' },
  { name: 'status', type: 'select' },
  { name: 'organisers', type: 'relationship', relationTo: 'organisations', hasMany: true },
  { name: 'coverImage', type: 'upload', relationTo: 'media', localized: true },
  {
    name: 'sessions',
    type: 'array',
    flattenedFields: [
      { name: 'room', type: 'text', localized: true },
      { name: 'speakers', type: 'relationship', relationTo: 'speakers', hasMany: true },
    ],
  },
] as unknown as FlattenedField[]

// What `findByID({ locale: 'all', depth: 0 })` gives for such a document.
const all = {
  id: 7,
  slug: { en: 'regional-conference', ru: 'regionalnaya-konferentsiya' },
  startDate: '2026-05-12T00:00:00.000Z',
  endDate: null,
  status: 'scheduled',
  organisers: [3, 4],
  coverImage: { en: 11, kk: 12 },
  sessions: [{ id: 'a', room: { en: 'Hall A', ru: 'Зал А' }, speakers: [21, 22] }],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
}

describe('the read model columns of one locale, from a document read in every locale', () => {
  it("takes a localized field's value in that locale, and null where the locale has none", () => {
    expect(columnsOf(fields, all, 'ru')).toMatchObject({
      slug: 'regionalnaya-konferentsiya',
      startDate: '2026-05-12T00:00:00.000Z',
      endDate: null,
      status: 'scheduled',
    })
    expect(columnsOf(fields, all, 'tg').slug).toBeNull()
  })

  it("lists only that locale's relationships among the refs, with shared ones in every locale", () => {
    expect(columnsOf(fields, all, 'en').refs).toBe(
      '|coverImage:11|organisers:3|organisers:4|sessions.speakers:21|sessions.speakers:22|',
    )
    expect(columnsOf(fields, all, 'kk').refs).toBe(
      '|coverImage:12|organisers:3|organisers:4|sessions.speakers:21|sessions.speakers:22|',
    )
    expect(columnsOf(fields, all, 'ru').refs).toBe(
      '|organisers:3|organisers:4|sessions.speakers:21|sessions.speakers:22|',
    )
  })

  it('keeps the timestamps as docCreatedAt and docUpdatedAt', () => {
    expect(columnsOf(fields, all, 'en')).toMatchObject({
      docCreatedAt: '2026-01-01T00:00:00.000Z',
      docUpdatedAt: '2026-01-02T00:00:00.000Z',
    })
  })

  it('counts the relationships of every locale when no locale is named (the dependencies of a snapshot)', () => {
    expect(relationsOf(fields, all).map(({ relationTo, id }) => `${relationTo}:${id}`)).toEqual([
      'organisations:3',
      'organisations:4',
      'media:11',
      'media:12',
      'speakers:21',
      'speakers:22',
    ])
  })
})
