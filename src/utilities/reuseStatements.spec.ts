import Database from 'libsql'

import { reusePreparedStatements } from './reuseStatements'

describe('reusePreparedStatements', () => {
  it('hands back the same statement for the same SQL, with correct results each time, and bounds the cache', () => {
    reusePreparedStatements(3)
    const db = new Database(':memory:')
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)')
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)')
    expect(db.prepare('INSERT INTO t (v) VALUES (?)')).toBe(insert)
    for (const v of ['a', 'b', 'c']) db.prepare('INSERT INTO t (v) VALUES (?)').run([v])
    const select = () => db.prepare('SELECT v FROM t WHERE id >= ? ORDER BY id').raw(true).all([2])
    expect(select()).toEqual([['b'], ['c']])
    expect(select()).toEqual([['b'], ['c']])
    // Beyond the limit the least recently used statement is prepared anew.
    for (const n of [1, 2, 3]) db.prepare(`SELECT ${n}`)
    expect(db.prepare('INSERT INTO t (v) VALUES (?)')).not.toBe(insert)
    // A second connection has statements of its own.
    const other = new Database(':memory:')
    expect(other.prepare('SELECT 1')).not.toBe(db.prepare('SELECT 1'))
  })
})
