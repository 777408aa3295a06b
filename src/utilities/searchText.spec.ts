import { describe, expect, it } from '@jest/globals'

import { foldText, searchForm, searchWords } from './searchText'

describe('search text', () => {
  it('folds case and ё to е', () => {
    expect(foldText('Трёхдневная ЁЛКА')).toBe('трехдневная елка')
  })

  it('folds the Kazakh, Kyrgyz and Tajik letters to their base letters', () => {
    expect(foldText('қ ғ ң ө ұ ү һ і ӣ ӯ ҳ ҷ')).toBe('к г н о у у х и и у х ч')
    expect(foldText('Аймақтық Ҷаласа')).toBe(foldText('аймактык чаласа'))
  })

  it('writes Cyrillic in Latin letters, so both spellings of a city are one word', () => {
    expect(searchForm('Бишкек')).toBe(searchForm('Bishkek'))
    expect(searchForm('Душанбе')).toBe(searchForm('DUSHANBE'))
    expect(searchForm('Алматы')).toBe('almaty')
    expect(searchForm('Таджикистан')).toBe('tajikistan')
    expect(searchForm('Казахстан')).toBe('kazakhstan')
  })

  it('strips Latin diacritics and punctuation, and splits words', () => {
    expect(searchForm('Chargé d’affaires, a.i.')).toBe('charge d affaires a i')
    expect(searchWords('  Бишкек bishkek  Dushanbe ')).toEqual(['bishkek', 'dushanbe'])
  })
})
