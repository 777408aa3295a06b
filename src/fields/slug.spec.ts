import { toSlug } from './slug'

describe('toSlug', () => {
  it('slugs English titles', () => {
    expect(toSlug('Regional Conference: The Role of Civil Society')).toBe('regional-conference-the-role-of-civil-society')
  })
  it('transliterates Russian, Kazakh, Kyrgyz and Tajik letters instead of dropping them', () => {
    expect(toSlug('Роль гражданского общества')).toBe('rol-grazhdanskogo-obschestva')
    expect(toSlug('Қазақстан')).toBe('qazaqstan')
    expect(toSlug('Кыргыз Республикасы: үй')).toBe('kyrgyz-respublikasy-uy')
    expect(toSlug('Ҷумҳурии Тоҷикистон')).toBe('jumhurii-tojikiston')
  })
})
