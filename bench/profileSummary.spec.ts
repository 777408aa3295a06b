import { packageOf, summariseProfile } from './profileSummary.mjs'

const frame = (functionName: string, url = '', lineNumber = 0) => ({
  functionName,
  url,
  lineNumber,
  scriptId: '0',
  columnNumber: 0,
})

describe('summariseProfile', () => {
  // Self time is the time of the samples taken in a node, not in its children.
  const profile = {
    nodes: [
      { id: 1, callFrame: frame('(root)'), children: [2, 3, 5] },
      {
        id: 2,
        callFrame: frame(
          'traverseFields',
          'file:///app/node_modules/@payloadcms/drizzle/dist/transform/read/traverseFields.js',
          430,
        ),
        children: [4],
      },
      { id: 3, callFrame: frame('(idle)') },
      { id: 4, callFrame: frame('all', 'file:///app/node_modules/@libsql/client/lib-esm/sqlite3.js', 9) },
      { id: 5, callFrame: frame('(garbage collector)') },
    ],
    samples: [2, 2, 4, 3, 3, 3, 5],
    timeDeltas: [1000, 3000, 2000, 10000, 10000, 10000, 500],
  }

  it('adds the time of the samples taken in each function to it, idle apart', () => {
    const summary = summariseProfile(profile, { root: '/app' })
    expect(summary.busyMs).toBe(7) // 4 ms in traverseFields, 2 ms in libsql, 0.5 ms of GC, rounded
    expect(summary.idleMs).toBe(30)
    expect(summary.byPackage).toEqual([
      { name: '@payloadcms/drizzle', ms: 4 },
      { name: '@libsql/client', ms: 2 },
      { name: '(garbage collector)', ms: 0.5 },
    ])
    expect(summary.byFunction[0]).toEqual({
      name: 'traverseFields',
      where: '@payloadcms/drizzle/dist/transform/read/traverseFields.js:431',
      ms: 4,
    })
  })

  it('names the package of a script, scoped or not, and the app and Node apart', () => {
    expect(packageOf('file:///app/node_modules/payload/dist/index.js', '/app')).toBe('payload')
    expect(packageOf('file:///app/node_modules/a/node_modules/@scope/b/x.js', '/app')).toBe('@scope/b')
    expect(packageOf('node:internal/http', '/app')).toBe('node (core)')
    expect(packageOf('file:///app/dist/server.js', '/app')).toBe('pressroom')
    expect(packageOf('', '/app')).toBe('native')
  })
})
