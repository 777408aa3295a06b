import { previewUrl } from './previewUrl'

describe('previewUrl', () => {
  it('points at the first frontend with the document, locale and preview secret', () => {
    const url = new URL(
      previewUrl('events', { slug: 'legal-aid-forum', id: 7 }, 'ru', {
        FRONTEND_URL: 'https://www.example.org, https://staging.example.org',
        PREVIEW_SECRET: 's3cret',
      }),
    )
    expect(url.origin + url.pathname).toBe('https://www.example.org/api/preview')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      collection: 'events',
      slug: 'legal-aid-forum',
      id: '7',
      locale: 'ru',
      secret: 's3cret',
    })
  })
})
