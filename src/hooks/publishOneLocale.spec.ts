import { localeToPublish } from './publishOneLocale'

const rest = (locale: string | null) => ({ locale, payloadAPI: 'REST' })

describe('localeToPublish', () => {
  it('limits a publish over REST or GraphQL to the locale of the request', () => {
    expect(localeToPublish({ data: { _status: 'published' }, req: rest('en') })).toBe('en')
    expect(localeToPublish({ data: { _status: 'published' }, req: { locale: 'ru', payloadAPI: 'GraphQL' } })).toBe('ru')
  })
  it('leaves drafts, explicit choices, locale=all and the Local API alone', () => {
    expect(localeToPublish({ data: { _status: 'draft' }, req: rest('en') })).toBeUndefined()
    expect(localeToPublish({ data: {}, req: rest('en') })).toBeUndefined()
    expect(
      localeToPublish({ data: { _status: 'published' }, publishAllLocales: true, req: rest('en') }),
    ).toBeUndefined()
    expect(
      localeToPublish({ data: { _status: 'published' }, publishSpecificLocale: 'kk', req: rest('en') }),
    ).toBeUndefined()
    expect(localeToPublish({ data: { _status: 'published' }, req: rest('all') })).toBeUndefined()
    expect(
      localeToPublish({ data: { _status: 'published' }, req: { locale: 'en', payloadAPI: 'local' } }),
    ).toBeUndefined()
  })
})
