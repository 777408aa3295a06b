import type { FlattenedField, Where } from 'payload'

import { conditionsOf, idsOf, mapConditions, reachOf, sortPaths } from './queryPaths'

const fields = [
  { name: 'title', type: 'text' },
  {
    name: 'speakers',
    type: 'array',
    flattenedFields: [
      { name: 'speaker', type: 'relationship', relationTo: 'speakers' },
      { name: 'topic', type: 'text' },
    ],
  },
  {
    name: 'programme',
    type: 'array',
    flattenedFields: [{ name: 'speakers', type: 'relationship', relationTo: 'speakers', hasMany: true }],
  },
  { name: 'project', type: 'relationship', relationTo: 'projects' },
  { name: 'pressReleases', type: 'join', collection: 'press-releases', on: 'events' },
] as unknown as FlattenedField[]

describe('reachOf', () => {
  it.each([
    ['title', { hop: false }],
    [
      'speakers.speaker',
      { relation: { path: 'speakers.speaker', relationTo: 'speakers', hasMany: false }, hop: false, rowOf: 'speakers' },
    ],
    [
      'speakers__speaker',
      { relation: { path: 'speakers.speaker', relationTo: 'speakers', hasMany: false }, hop: false, rowOf: 'speakers' },
    ],
    [
      'speakers.speaker.name',
      { relation: { path: 'speakers.speaker', relationTo: 'speakers', hasMany: false }, hop: true, rowOf: 'speakers' },
    ],
    ['speakers.topic', { hop: false, rowOf: 'speakers' }],
    ['speakers', { hop: false, rowOf: 'speakers' }],
    [
      'programme.speakers',
      { relation: { path: 'programme.speakers', relationTo: 'speakers', hasMany: true }, hop: false },
    ],
    ['project.id', { relation: { path: 'project', relationTo: 'projects', hasMany: false }, hop: false }],
    ['project.title', { relation: { path: 'project', relationTo: 'projects', hasMany: false }, hop: true }],
    ['pressReleases.title', { hop: true, join: true }],
    ['pressReleases', { hop: false, join: true }],
  ])('%s', (path, expected) => {
    expect(reachOf(fields, path)).toEqual({ rowOf: undefined, ...expected })
  })
})

describe('where walking', () => {
  const where: Where = {
    and: [
      { title: { equals: 'a' } },
      { or: [{ 'speakers.speaker': { in: '1,2' } }, { project: { equals: 3, exists: true } }] },
    ],
  }
  it('finds every condition, however nested', () => {
    expect(conditionsOf(where).map(({ path, operator }) => `${path} ${operator}`)).toEqual([
      'title equals',
      'speakers.speaker in',
      'project equals',
      'project exists',
    ])
  })
  it('rebuilds the same structure with conditions replaced', async () => {
    const rebuilt = await mapConditions(where, (condition) =>
      condition.path === 'title'
        ? { id: { exists: false } }
        : { [condition.path]: { [condition.operator]: condition.value } },
    )
    expect(rebuilt).toEqual({
      and: [
        { id: { exists: false } },
        {
          or: [
            { 'speakers.speaker': { in: '1,2' } },
            { and: [{ project: { equals: 3 } }, { project: { exists: true } }] },
          ],
        },
      ],
    })
  })
  it('reads ids and sort paths in every spelling', () => {
    expect(idsOf('1,2')).toEqual(['1', '2'])
    expect(idsOf([3, 4])).toEqual(['3', '4'])
    expect(idsOf(5)).toEqual(['5'])
    expect(sortPaths('-startDate,title')).toEqual(['startDate', 'title'])
    expect(sortPaths(['-a', 'b'])).toEqual(['a', 'b'])
  })
})
