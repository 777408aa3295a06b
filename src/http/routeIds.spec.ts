import type { Payload } from 'payload'

import { matchPath, routeIdProblems } from './routeIds'

const endpoint = (method: string, path: string) => ({ method, path, handler: () => new Response() })
const endpoints = [
  endpoint('get', '/upcoming'),
  endpoint('get', '/:id/ics'),
  endpoint('post', '/verify/:id'),
  endpoint('get', '/access/:id?'),
  endpoint('get', '/count'),
  endpoint('get', '/versions'),
  endpoint('get', '/versions/:id'),
  endpoint('get', '/:id'),
  endpoint('patch', '/:id'),
  endpoint('delete', '/:id'),
]
const payloadOn = (defaultIDType: 'number' | 'text', name: string, customIDType?: 'text') =>
  ({
    db: { defaultIDType, name },
    collections: {
      events: { customIDType, config: { endpoints } },
      users: { config: { endpoints, auth: { verify: true } } },
    },
  }) as unknown as Payload

describe('matchPath', () => {
  it('matches Payload endpoint paths, optional last parameter included', () => {
    expect(matchPath('/:id', '/12')).toEqual({ id: '12' })
    expect(matchPath('/:id', '/12/')).toEqual({ id: '12' })
    expect(matchPath('/:id/ics', '/x/ics')).toEqual({ id: 'x' })
    expect(matchPath('/access/:id?', '/access')).toEqual({})
    expect(matchPath('/access/:id?', '/access/3')).toEqual({ id: '3' })
    expect(matchPath('/', '/')).toEqual({})
    expect(matchPath('/:id', '/')).toBeUndefined()
    expect(matchPath('/:id', '/a/b')).toBeUndefined()
    expect(matchPath('/count', '/counts')).toBeUndefined()
  })
})

describe('routeIdProblems', () => {
  const sqlite = payloadOn('number', 'sqlite')
  it('lets whole numbers and routes without ids through on SQL databases', () => {
    expect(routeIdProblems(sqlite, 'GET', '/events/12')).toEqual([])
    expect(routeIdProblems(sqlite, 'GET', '/events/upcoming')).toEqual([])
    expect(routeIdProblems(sqlite, 'GET', '/events/count')).toEqual([])
    expect(routeIdProblems(sqlite, 'POST', '/users/verify/abc')).toEqual([])
    expect(routeIdProblems(sqlite, 'GET', '/globals/x/abc')).toEqual([])
  })
  it.each([
    ['GET', '/events/not-a-number', 'not-a-number'],
    ['PATCH', '/events/1e999', '1e999'],
    ['DELETE', '/events/%00', '\u0000'],
    ['GET', '/events/x/ics', 'x'],
    ['GET', '/events/versions/x', 'x'],
    ['GET', '/events/99999999999999999999', '99999999999999999999'],
  ])('refuses %s %s, naming the id', (method, path, id) => {
    expect(routeIdProblems(sqlite, method, path)).toEqual([
      { path: 'id', message: `The id in the path must be a document id (a whole number), got "${id}".` },
    ])
  })
  it('refuses e-mail verification where the collection verifies none (Payload fails on the missing token column)', () => {
    expect(routeIdProblems(sqlite, 'POST', '/events/verify/abc')).toEqual([
      { path: 'id', message: 'events do not verify e-mail addresses: there is no verification token to check.' },
    ])
  })
  it('refuses a path that is not valid percent-encoding', () => {
    expect(routeIdProblems(sqlite, 'GET', '/events/%E0%A4%A')[0].message).toMatch(/not valid percent-encoding/)
  })
  it('checks ObjectIds on MongoDB, and leaves text ids of collections that declare them', () => {
    const mongo = payloadOn('text', 'mongoose')
    expect(routeIdProblems(mongo, 'GET', '/events/65a1b2c3d4e5f60718293a4b')).toEqual([])
    expect(routeIdProblems(mongo, 'GET', '/events/12')[0].message).toBe(
      'The id in the path must be a document id (24 hexadecimal characters), got "12".',
    )
    expect(routeIdProblems(payloadOn('number', 'sqlite', 'text'), 'GET', '/events/some-slug')).toEqual([])
  })
})
