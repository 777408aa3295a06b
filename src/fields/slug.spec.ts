import { toSlug, validateSlugCharacters } from './slug'

describe('toSlug', () => {
  it('slugs English titles', () => {
    expect(toSlug('Regional Conference: The Role of Civil Society')).toBe(
      'regional-conference-the-role-of-civil-society',
    )
  })
  it('transliterates Russian, Kazakh, Kyrgyz and Tajik letters instead of dropping them', () => {
    expect(toSlug('Роль гражданского общества')).toBe('rol-grazhdanskogo-obschestva')
    expect(toSlug('Қазақстан')).toBe('qazaqstan')
    expect(toSlug('Кыргыз Республикасы: үй')).toBe('kyrgyz-respublikasy-uy')
    expect(toSlug('Ҷумҳурии Тоҷикистон')).toBe('jumhurii-tojikiston')
  })
})

describe('validateSlugCharacters', () => {
  it('accepts ordinary slugs, even odd ones', () => {
    expect(validateSlugCharacters('regional-conference')).toBe(true)
    expect(validateSlugCharacters('report.html')).toBe(true)
    expect(validateSlugCharacters(undefined)).toBe(true)
  })
  it('refuses line breaks, tabs and other control characters', () => {
    for (const slug of ['a\r\nb', 'a\rb', 'a\nb', 'a\tb', 'a\u0000b', 'a\u007fb', 'a\u0085b'])
      expect(validateSlugCharacters(slug)).toMatch(/control characters/)
  })
})
