import type { Field } from 'payload'

import { nonLocalizedChanges } from './nonLocalizedChanges'

const fields: Field[] = [
  { name: 'title', type: 'text', localized: true },
  { name: 'startDate', type: 'date' },
  { type: 'row', fields: [{ name: 'status', type: 'select', options: ['scheduled', 'cancelled'] }] },
  {
    name: 'venue',
    type: 'group',
    fields: [
      { name: 'city', type: 'text', localized: true },
      { name: 'country', type: 'text' },
    ],
  },
  {
    name: 'programme',
    type: 'array',
    fields: [
      { name: 'title', type: 'text', localized: true },
      { name: 'speakers', type: 'relationship', relationTo: 'speakers', hasMany: true },
    ],
  },
  { name: 'project', type: 'relationship', relationTo: 'projects' },
  { name: 'pressReleases', type: 'join', collection: 'press-releases', on: 'events' },
  { name: 'openGraph', type: 'json', virtual: true },
]

const original = {
  title: 'Forum',
  startDate: '2016-05-31T04:00:00.000Z',
  status: 'scheduled',
  venue: { city: 'Dushanbe', country: 'TJ' },
  programme: [{ id: 'a', title: 'Opening', speakers: [1, 2] }],
  project: 7,
}

describe('nonLocalizedChanges', () => {
  it('allows any change to localized fields, inside groups and array rows too', () => {
    const data = {
      title: 'Форум',
      venue: { city: 'Душанбе', country: 'TJ' },
      programme: [{ id: 'a', title: 'Открытие', speakers: [1, 2] }],
    }
    expect(nonLocalizedChanges(fields, data, original)).toEqual([])
  })
  it('treats the same value in another form as unchanged, as the admin panel resubmits it', () => {
    const data = {
      ...original,
      startDate: '2016-05-31T04:00:00Z',
      project: { id: 7, title: 'Populated' },
      programme: [{ id: 'a', speakers: [{ id: 1 }, { id: 2 }] }],
    }
    expect(nonLocalizedChanges(fields, data, original)).toEqual([])
  })
  it('names every non-localized field that would change', () => {
    const data = { startDate: '2016-06-01T04:00:00.000Z', status: 'cancelled', venue: { country: 'KZ' }, project: 8 }
    expect(nonLocalizedChanges(fields, data, original)).toEqual(['startDate', 'status', 'venue.country', 'project'])
  })
  it('reports changed relationships inside rows and added or removed rows', () => {
    expect(nonLocalizedChanges(fields, { programme: [{ id: 'a', speakers: [1] }] }, original)).toEqual([
      'programme.0.speakers',
    ])
    expect(nonLocalizedChanges(fields, { programme: [...original.programme, { title: 'New' }] }, original)).toEqual([
      'programme',
    ])
    expect(nonLocalizedChanges(fields, { programme: [] }, original)).toEqual(['programme'])
  })
  it('counts clearing a value as a change, and empty forms as equal', () => {
    expect(nonLocalizedChanges(fields, { project: null }, original)).toEqual(['project'])
    expect(nonLocalizedChanges(fields, { project: '' }, { project: null })).toEqual([])
  })

  it('ignores a virtual field sent back from a read: it is never stored', () => {
    expect(
      nonLocalizedChanges(fields, { ...original, openGraph: { title: 'Forum' } }, { ...original, openGraph: null }),
    ).toEqual([])
  })
})
