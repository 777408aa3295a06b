import { buildSchema, parse } from 'graphql'

import { analyzeDocument } from './analyze'
import { graphqlLimits } from './limits'

/** The shape of Payload's schema for two linked collections: list queries, a join, a hasMany relationship, an array. */
const schema = buildSchema(`
  type Query {
    Events(limit: Int, page: Int, pagination: Boolean): Events
    Event(id: Int!): Event
    PressReleases(limit: Int, pagination: Boolean): PressReleases
  }
  type Mutation {
    loginUser(email: String, password: String): LoginResult
    forgotPasswordUser(email: String!): Boolean
    unlockUser(email: String!): Boolean
    logoutUser: String
  }
  type LoginResult { token: String user: User }
  type User { id: Int name: String }
  type Users { docs: [User!]! }
  extend type Query { Users(limit: Int): Users }
  type Events { docs: [Event!]! totalDocs: Int }
  type PressReleases { docs: [PressRelease!]! totalDocs: Int }
  type Event_PressReleases { docs: [PressRelease!]! hasNextPage: Boolean }
  type Event_Speakers { name: String }
  type Event {
    id: Int
    title: String
    description(depth: Int): String
    speakers: [Event_Speakers!]
    pressReleases(limit: Int, page: Int): Event_PressReleases
  }
  type PressRelease { id: Int title: String events: [Event!] }
`)
const limits = graphqlLimits({})
const analyze = (query: string, variables: Record<string, unknown> = {}, custom = limits) =>
  analyzeDocument(parse(query), schema, custom, variables)
const messages = (query: string, variables: Record<string, unknown> = {}, custom = limits) =>
  analyze(query, variables, custom).problems.map((problem) => problem.message)

/** `Events → pressReleases → events → …`, `levels` joins deep: the query that took the server down. */
const nested = (levels: number, limit = 5) => {
  let inner = 'id'
  for (let i = 0; i < levels; i++) inner = `pressReleases(limit: ${limit}) { docs { events { ${inner} } } }`
  return `{ Events(limit: ${limit}) { docs { ${inner} } } }`
}

/** Fragments F0 … Fn, each spreading the next twice (under two aliases of a field). */
const doubling = (levels: number) => {
  const fragments = Array.from(
    { length: levels },
    (_, i) =>
      `fragment F${i} on Event { a: pressReleases { docs { events { ...F${i + 1} } } } b: pressReleases { docs { events { ...F${i + 1} } } } }`,
  )
  return `{ Event(id: 1) { ...F0 } } ${fragments.join(' ')} fragment F${levels} on Event { id }`
}

describe('analyzeDocument', () => {
  it('accepts ordinary queries and estimates their answer by the lists they read', () => {
    expect(analyze('{ Event(id: 1) { title } }')).toEqual({ problems: [], cost: 2, guarded: 0, readOnly: true })
    // 1 (Events) + 1 (totalDocs) + 5 docs × (1 + title 1 + speakers 10 × (1 + name 1))
    expect(analyze('{ Events(limit: 5) { totalDocs docs { title speakers { name } } } }').cost).toBe(
      2 + 5 * (2 + 10 * 2),
    )
    // Without a limit, Payload's page size.
    expect(analyze('{ Events { docs { title } } }').cost).toBe(1 + 10 * 2)
    // A limit given as a variable, or as a variable's default.
    expect(analyze('query ($n: Int) { Events(limit: $n) { docs { id } } }', { n: 3 }).cost).toBe(1 + 3 * 2)
    expect(analyze('query ($n: Int = 4) { Events(limit: $n) { docs { id } } }').cost).toBe(1 + 4 * 2)
  })

  it('multiplies through joins and relationships, so the nested query that killed the server is refused', () => {
    const one = analyze(nested(1))
    expect(one.problems).toEqual([])
    expect(one.cost).toBe(1 + 5 * (1 + 1 + 5 * (1 + 10 * 2)))
    const attack = messages(nested(3))
    expect(attack.join(' ')).toMatch(/estimated answer is \d+ values .* at most 20000/)
  })

  it('bounds depth, relationships followed and fields per selection set', () => {
    const deep = messages(nested(6, 1), {}, { ...limits, maxCost: 1e12 })
    expect(deep).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/nests fields 21 deep.*at most 15/),
        expect.stringMatching(/follows relationships and joins 12 levels deep; at most 5/),
      ]),
    )
    const wide = `{ Event(id: 1) { ${Array.from({ length: 201 }, (_, i) => `a${i}: title`).join(' ')} } }`
    expect(messages(wide)).toEqual([
      'Event selects 201 fields in one selection set, fragments and aliases counted; at most 200.',
    ])
    // Inline fragments nest without fields, and still cannot run the analysis deeper than the limits.
    expect(messages(`{ Event(id: 1) { ${'... on Event { '.repeat(100)} id ${'}'.repeat(100)} } }`)[0]).toMatch(
      /nests fields too deep/,
    )
  })

  it('caps limit and depth arguments as REST does, with the field path', () => {
    expect(analyze('{ Events(limit: 501) { docs { id } } }').problems).toEqual([
      {
        message: 'Events: limit must be a whole number from 1 to 500, got 501; use page to read further.',
        path: ['Events'],
      },
    ])
    expect(messages('{ Events { docs { pressReleases(limit: 0) { docs { id } } } } }')).toEqual([
      'Events.docs.pressReleases: limit must be a whole number from 1 to 500, got 0; use page to read further.',
    ])
    expect(messages('query ($n: Int) { Events(limit: $n) { docs { id } } }', { n: 100000 })[0]).toMatch(
      /^Events: limit must be/,
    )
    expect(messages('{ Events { docs { description(depth: 6) } } }')).toEqual([
      'Events.docs.description: depth must be a whole number from 0 to 5, got 6.',
    ])
    expect(messages('{ Events(pagination: false) { docs { id } } }')[0]).toMatch(
      /pagination: false reads every document/,
    )
    expect(messages('{ Events(pagination: false, limit: 20) { docs { id } } }')).toEqual([])
  })

  it('expands each fragment once, so a doubling chain costs linear time and is refused by its size', () => {
    analyze(doubling(20))
    const started = process.cpuUsage()
    const result = analyze(doubling(200))
    const { user, system } = process.cpuUsage(started)
    // Expanding each spread would take 2^200 steps and never end; a linear walk takes a few ms. The
    // bound is wide so that a loaded CI machine (other workers, garbage collection) cannot trip it.
    expect((user + system) / 1000).toBeLessThan(3000)
    expect(result.problems.map((problem) => problem.message).join(' ')).toMatch(
      /estimated answer is too many values to count/,
    )
    // A fragment's `docs` counts the limit of the field it is spread in.
    expect(analyze('{ Events(limit: 3) { ...Page } } fragment Page on Events { docs { id } }').cost).toBe(1 + 3 * 2)
  })

  it('refuses fragment cycles and unknown fragments before expanding anything', () => {
    expect(
      analyze(
        '{ Event(id: 1) { ...A } } fragment A on Event { ...B } fragment B on Event { pressReleases { docs { events { ...A } } } }',
      ).problems,
    ).toEqual([
      { message: 'Fragments "A", "B" spread each other in a cycle, or spread one that does.', path: ['...A', '...B'] },
    ])
    expect(messages('{ Event(id: 1) { ...Self } } fragment Self on Event { ...Self }')[0]).toMatch(
      /"Self" spread each other in a cycle/,
    )
    expect(messages('{ Event(id: 1) { ...Missing } }')).toEqual(['Unknown fragment "Missing".'])
  })

  it('counts guarded mutations through aliases, fragments and inline fragments, across operations', () => {
    expect(analyze('mutation { loginUser(email: "a", password: "b") { token } }').guarded).toBe(1)
    expect(analyze('mutation { logoutUser }').guarded).toBe(0)
    expect(
      analyze(
        'mutation { a: loginUser(email: "a", password: "b") { token } b: loginUser(email: "a", password: "c") { token } }',
      ).guarded,
    ).toBe(2)
    expect(analyze('mutation { ... on Mutation { loginUser(email: "a", password: "b") { token } } }').guarded).toBe(1)
    const tenInFragments = `mutation { ...G ...G } fragment G on Mutation { ...F } fragment F on Mutation { ${Array.from({ length: 5 }, (_, i) => `g${i}: loginUser(email: "a", password: "${i}") { token }`).join(' ')} }`
    expect(analyze(tenInFragments).guarded).toBe(10)
    expect(analyze('mutation A { forgotPasswordUser(email: "a") } mutation B { unlockUser(email: "a") }').guarded).toBe(
      2,
    )
    expect(analyze('mutation A { forgotPasswordUser(email: "a") }').readOnly).toBe(false)
  })
})
