import { describe, expect, it } from '@jest/globals'

import { blockingGaps, languageOf, type NoticeFacts, visibilityGaps } from './gaps'

const eu = (overrides: Partial<NoticeFacts> = {}): NoticeFacts => ({
  id: 1,
  name: 'EU',
  statement: { en: 'This project is funded by the European Union', ru: 'Этот проект финансируется Европейским союзом' },
  disclaimer: {},
  emblem: null,
  visibility: {},
  ...overrides,
})

describe('visibilityGaps', () => {
  it('names the language a required statement is missing in', () => {
    const gaps = visibilityGaps(
      { locales: ['en', 'ru', 'tg'], noticeIds: [1] },
      [eu({ visibility: { statementRequired: true } })],
      [],
    )
    expect(gaps.map((gap) => gap.message)).toEqual(['The statement of donor notice “EU” is missing in Tajik (tg).'])
    expect(gaps[0]).toMatchObject({ notice: 1, rule: 'statement', locale: 'tg', enforced: false })
  })

  it('counts a blank statement as missing, and asks only for the item’s own locales', () => {
    const notice = eu({
      statement: { en: 'Funded by the EU', ru: '  ', kk: '' },
      visibility: { statementRequired: true },
    })
    expect(visibilityGaps({ locales: ['en', 'ru'], noticeIds: [1] }, [notice], []).map((gap) => gap.locale)).toEqual([
      'ru',
    ])
  })

  it('asks for the emblem and the disclaimer only when the rules say so', () => {
    expect(visibilityGaps({ locales: ['en'], noticeIds: [1] }, [eu()], [])).toEqual([])
    const gaps = visibilityGaps(
      { locales: ['en', 'ru'], noticeIds: [1] },
      [
        eu({
          disclaimer: { en: 'Sole responsibility…' },
          visibility: { emblemRequired: true, disclaimerRequired: true, enforce: true },
        }),
      ],
      [],
    )
    expect(gaps.map((gap) => [gap.rule, gap.locale, gap.enforced])).toEqual([
      ['emblem', undefined, true],
      ['disclaimer', 'ru', true],
    ])
    expect(gaps[0].message).toBe('The emblem of donor notice “EU” is missing.')
    expect(gaps[1].message).toBe('The disclaimer of donor notice “EU” is missing in Russian (ru).')
  })

  it('measures the emblem against the minimum size', () => {
    const rules = { emblemRequired: true, minEmblemHeight: 100 }
    expect(
      visibilityGaps(
        { locales: ['en'], noticeIds: [1] },
        [eu({ emblem: { width: 300, height: 200 }, visibility: rules })],
        [],
      ),
    ).toEqual([])
    const small = visibilityGaps(
      { locales: ['en'], noticeIds: [1] },
      [eu({ emblem: { width: 60, height: 40 }, visibility: rules })],
      [],
    )
    expect(small.map((gap) => gap.message)).toEqual([
      'The emblem of donor notice “EU” is 60×40 px; the donor’s rules ask for at least 100 px high.',
    ])
    const narrow = visibilityGaps(
      { locales: ['en'], noticeIds: [1] },
      [eu({ emblem: { width: 60, height: 400 }, visibility: { minEmblemWidth: 120 } })],
      [],
    )
    expect(narrow.map((gap) => gap.rule)).toEqual(['emblemSize'])
  })

  it('wants every notice of the project carried by the item, whatever its rules', () => {
    const gaps = visibilityGaps({ locales: ['en'], noticeIds: [] }, [eu()], [])
    expect(gaps).toEqual([
      expect.objectContaining({
        rule: 'notice',
        message: 'The donor notice “EU” of the project is not attached to this item.',
      }),
    ])
  })

  it('checks the item’s own notices too, once each', () => {
    const osf = eu({ id: 2, name: 'OSF', visibility: { emblemRequired: true } })
    const gaps = visibilityGaps({ locales: ['en'], noticeIds: [1, 2] }, [eu(), osf], [osf])
    expect(gaps.map((gap) => gap.noticeName)).toEqual(['OSF'])
  })

  it('blocks only on the gaps of enforcing notices', () => {
    const gaps = visibilityGaps(
      { locales: ['en'], noticeIds: [] },
      [eu({ visibility: { emblemRequired: true } }), eu({ id: 2, name: 'OSF', visibility: { enforce: true } })],
      [],
    )
    expect(blockingGaps(gaps).map((gap) => [gap.noticeName, gap.rule])).toEqual([['OSF', 'notice']])
  })
})

describe('languageOf', () => {
  it('says the language in English with its code', () => {
    expect(['en', 'ru', 'tg', 'kk', 'ky'].map(languageOf)).toEqual([
      'English (en)',
      'Russian (ru)',
      'Tajik (tg)',
      'Kazakh (kk)',
      'Kyrgyz (ky)',
    ])
  })
})
