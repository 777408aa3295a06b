import { chooseDatabase, databaseAdapter, mongoOptions } from './db'

describe('chooseDatabase', () => {
  it('defaults to an embedded SQLite file under data/, with schema push in development', () => {
    expect(chooseDatabase({}, '/srv/pressroom')).toEqual({
      kind: 'sqlite',
      url: 'file:/srv/pressroom/data/pressroom.db',
      push: true,
    })
  })
  it('keeps the production file apart from the development one, and never pushes in production', () => {
    expect(chooseDatabase({ NODE_ENV: 'production' }, '/srv/pressroom')).toEqual({
      kind: 'sqlite',
      url: 'file:/srv/pressroom/data/pressroom.production.db',
      push: false,
    })
  })
  it('lets the worker push no schema, in development too', () => {
    expect(chooseDatabase({ PRESSROOM_ROLE: 'worker' }, '/srv/pressroom')).toMatchObject({
      kind: 'sqlite',
      push: false,
    })
  })
  it('uses a file: URI as given', () => {
    expect(chooseDatabase({ DATABASE_URI: 'file:/tmp/x.db' })).toMatchObject({ kind: 'sqlite', url: 'file:/tmp/x.db' })
  })
  it('selects MongoDB for mongodb:// and mongodb+srv:// URIs', () => {
    expect(chooseDatabase({ DATABASE_URI: 'mongodb://db:27017/pressroom?replicaSet=rs0' })).toEqual({
      kind: 'mongodb',
      url: 'mongodb://db:27017/pressroom?replicaSet=rs0',
    })
    expect(chooseDatabase({ DATABASE_URI: 'mongodb+srv://cluster.example.org/pressroom' }).kind).toBe('mongodb')
  })
  it('refuses other schemes instead of guessing', () => {
    expect(() => chooseDatabase({ DATABASE_URI: 'postgres://localhost/pressroom' })).toThrow(
      /must start with file:, mongodb:\/\//,
    )
  })
})

describe('databaseAdapter', () => {
  it('builds the MongoDB adapter for a MongoDB choice, with the options production needs', () => {
    const adapter = databaseAdapter({ kind: 'mongodb', url: 'mongodb://db:27017/pressroom?replicaSet=rs0' })
    expect(adapter.name).toBe('mongoose')
    expect(adapter.defaultIDType).toBe('text')
    expect(mongoOptions('mongodb://db/p')).toMatchObject({
      url: 'mongodb://db/p',
      ensureIndexes: true,
      transactionOptions: {
        readConcern: { level: 'majority' },
        writeConcern: { w: 'majority' },
        readPreference: 'primary',
      },
    })
  })
  it('builds the SQLite adapter otherwise', () => {
    const adapter = databaseAdapter({ kind: 'sqlite', url: 'file::memory:', push: true })
    expect(adapter.name).toBe('sqlite')
    expect(adapter.defaultIDType).toBe('number')
  })
})
