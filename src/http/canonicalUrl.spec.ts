import { canonicalUrl } from './canonicalUrl'

describe('canonicalUrl', () => {
  it.each([
    ['/api/users/%6Cogin', '/api/users/login'],
    ['/api/users/%6c%6F%67%69%6E', '/api/users/login'],
    ['/api//users///login', '/api/users/login'],
    ['/api/users/./login', '/api/users/login'],
    ['/api/events/../users/login', '/api/users/login'],
    ['/api/users/%2e%2e/users/login', '/api/users/login'],
    ['/../../api/users/login', '/api/users/login'],
    ['/api/%67raphql?x=1', '/api/graphql?x=1'],
    ['/api/users/login?next=%6C', '/api/users/login?next=%6C'],
    ['/api/media/file/a%20b.png', '/api/media/file/a%20b.png'],
    ['/api/media/file/a%2fb.png', '/api/media/file/a%2Fb.png'],
    ['/api/events/', '/api/events/'],
    ['/api/events/.', '/api/events/'],
    ['/', '/'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalUrl(input)).toBe(expected)
  })

  it('is idempotent', () => {
    for (const input of ['/a/%2e/b/%2E%2E/c//d/%7e', '/x/%41%2F%42'])
      expect(canonicalUrl(canonicalUrl(input))).toBe(canonicalUrl(input))
  })
})
