import { checkRole, useRoleResolver } from './checkRole'

describe('checkRole', () => {
  afterEach(() => useRoleResolver(undefined))

  it('reads the roles field by default, and API keys hold none', () => {
    expect(checkRole(['editor'], { collection: 'users', roles: ['editor'] })).toBe(true)
    expect(checkRole(['admin'], { collection: 'users', roles: ['editor'] })).toBe(false)
    expect(checkRole(['editor'], { collection: 'api-keys', roles: ['editor'] } as never)).toBe(false)
    expect(checkRole(['editor'], null)).toBe(false)
  })

  it('asks the host’s own mapping when the host keeps its roles elsewhere', () => {
    useRoleResolver((user) => (user.isBoss ? ['admin'] : user.team === 'words' ? ['translator'] : []))
    expect(checkRole(['admin'], { collection: 'users', isBoss: true } as never)).toBe(true)
    expect(checkRole(['translator'], { collection: 'users', team: 'words' } as never)).toBe(true)
    expect(checkRole(['editor'], { collection: 'users', roles: ['editor'] })).toBe(false)
    // Whatever the mapping says, an API key is not a person.
    expect(checkRole(['admin'], { collection: 'api-keys', isBoss: true } as never)).toBe(false)
  })
})
