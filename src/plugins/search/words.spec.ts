import { searchForm } from '@/utilities/searchText'

import { prefixRange, wordsOf } from './words'

describe('the words of a search row', () => {
  it('lists each word once, marked when the title has it', () => {
    const row = {
      titleTerms: ` ${searchForm('Regional conference in Dushanbe')} `,
      terms: ` ${searchForm('Regional conference in Dushanbe. A conference on water, in Душанбе')} `,
    }
    expect(wordsOf(row)).toEqual([
      { word: 'regional', inTitle: true },
      { word: 'conference', inTitle: true },
      { word: 'in', inTitle: true },
      { word: 'dushanbe', inTitle: true },
      { word: 'a', inTitle: false },
      { word: 'on', inTitle: false },
      { word: 'water', inTitle: false },
    ])
  })
})

describe('the words a query word finds', () => {
  const finds = (query: string, word: string) => {
    const { from, to } = prefixRange(query)
    return word >= from && word < to
  }

  it('finds the words that start with it, and no other', () => {
    expect(['conference', 'conf', 'confess', 'con'].filter((word) => finds('conf', word))).toEqual([
      'conference',
      'conf',
      'confess',
    ])
    expect(
      ['bishkek', 'ishkek', 'cong', 'cone'].filter((word) => finds('conf', word) || finds('ishkek', word)),
    ).toEqual(['ishkek'])
  })

  it('bounds a word ending in a digit, a z or a letter beyond Latin', () => {
    expect(prefixRange('2026')).toEqual({ from: '2026', to: '2027' })
    expect(prefixRange('zz')).toEqual({ from: 'zz', to: 'z{' })
    expect(finds('αθ', 'αθήνα')).toBe(true)
    expect(finds('αθ', 'αι')).toBe(false)
  })
})
