import { routeLabel } from './routeLabel'

describe('routeLabel', () => {
  it.each([
    ['/', '/'],
    ['/api/events?where[email][equals]=olga@example.org', '/api/events'],
    ['/api/events/12', '/api/events/:id'],
    ['/api/events/66f0c1e2a3b4c5d6e7f80912/ics', '/api/events/:id/ics'],
    ['/api/press-releases/versions/3', '/api/press-releases/versions/:id'],
    ['/api/users/reset-password', '/api/users/reset-password'],
    ['/admin/reset/4f1c2e9a8b7d6c5e4f3a2b1c0d9e8f7a6b5c4d3e', '/admin/*'],
    ['/admin', '/admin'],
    ['/_next/static/chunks/app-1234.js', '/_next/*'],
    ['/feeds/events.ics', '/feeds/events.ics'],
    ['/api/users/olga@example.org', '/api/users/:id'],
    ['/a/b/c/d/e/f', '/a/b/c/d/…'],
  ])('%s is %s', (url, label) => {
    expect(routeLabel(url)).toBe(label)
  })
})
