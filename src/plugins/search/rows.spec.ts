import { describe, expect, it } from '@jest/globals'

import { parseSearchParams } from './query'
import { searchRowOf, textsAt } from './rows'

const locales = ['en', 'ru', 'kk']
const declaration = { title: 'title', summary: ['summary'], text: ['venue.city', 'dateline.places'], date: 'startDate' }
const doc = {
  id: 7,
  title: { en: 'Regional conference', ru: 'Региональная конференция' },
  summary: { en: 'Three days in Dushanbe.' },
  venue: { city: { en: 'Dushanbe', ru: 'Душанбе' } },
  dateline: { places: { en: ['Bishkek', 'Almaty'], ru: ['Бишкек', 'Алматы'] } },
  slug: { en: 'regional-conference', ru: 'regionalnaya-konferentsiya' },
  startDate: '2016-05-31T04:00:00.000Z',
}

describe('search rows', () => {
  it('reads a locale, else the fallback, at a dotted path, hasMany texts included', () => {
    expect(textsAt(doc, 'dateline.places', 'ru', 'en', locales)).toEqual(['Бишкек', 'Алматы'])
    expect(textsAt(doc, 'summary', 'ru', 'en', locales)).toEqual(['Three days in Dushanbe.'])
    expect(textsAt(doc, 'venue.missing', 'ru', 'en', locales)).toEqual([])
  })

  it('keeps the title, the summary and the slug of the locale, and the text in search form', () => {
    const row = searchRowOf('events', declaration, doc, 'ru', 'en', locales)!
    expect(row).toMatchObject({
      document: '7',
      locale: 'ru',
      title: 'Региональная конференция',
      summary: 'Three days in Dushanbe.',
      slug: 'regionalnaya-konferentsiya',
      slugLocale: 'ru',
      date: doc.startDate,
    })
    expect(row.titleTerms).toBe(' regionalnaya konferentsiya ')
    expect(row.terms).toContain(' bishkek almaty')
    expect(row.terms).toContain('dushanbe')
  })

  it('points a locale without a page of its own at the fallback page', () => {
    expect(searchRowOf('events', declaration, doc, 'kk', 'en', locales)).toMatchObject({
      title: 'Regional conference',
      slug: 'regional-conference',
      slugLocale: 'en',
    })
    expect(searchRowOf('events', declaration, { id: 8, title: {} }, 'kk', 'en', locales)).toBeUndefined()
  })
})

describe('search parameters', () => {
  const context = { searchable: ['events', 'speakers'], locales, defaultLocale: 'en' }
  const parse = (query: string) => parseSearchParams(new URLSearchParams(query), context)
  it('defaults to every searchable collection, the default locale, ten results from page 1', () => {
    expect(parse('q=  Бишкек  ')).toEqual({
      params: {
        q: 'Бишкек',
        words: ['bishkek'],
        locale: 'en',
        collections: ['events', 'speakers'],
        limit: 10,
        page: 1,
      },
    })
  })

  it('names every bad parameter', () => {
    const parsed = parse('locale=all&collections=events,users&limit=0&page=x') as { problems: { path: string }[] }
    expect(parsed.problems.map((problem) => problem.path)).toEqual(['q', 'locale', 'collections', 'limit', 'page'])
  })
})
