import {
  requiredInDefaultLocale,
  validateCountry,
  validateDateOrder,
  validateEditorState,
  validatePhone,
  validateTimeZone,
  validateUrl,
} from './validators'

describe('validateTimeZone', () => {
  it('accepts IANA zones, including aliases', () => {
    expect(validateTimeZone('Asia/Dushanbe')).toBe(true)
    expect(validateTimeZone('UTC')).toBe(true)
    expect(validateTimeZone('Europe/Kiev')).toBe(true)
  })
  it('rejects offsets, abbreviations and made-up names with a message naming the value', () => {
    expect(validateTimeZone('Mars/Olympus')).toMatch(/"Mars\/Olympus" is not an IANA time zone/)
    expect(validateTimeZone('GMT+5:30')).not.toBe(true)
    expect(validateTimeZone(42)).not.toBe(true)
  })
  it('requires a value only when told to', () => {
    expect(validateTimeZone(undefined)).toBe(true)
    expect(validateTimeZone('', true)).toBe('This field is required.')
  })
})

describe('validateUrl', () => {
  it('accepts http and https addresses', () => {
    expect(validateUrl('http://eeas.europa.eu/delegations/tajikistan/index_en.htm')).toBe(true)
    expect(validateUrl('https://www.hfhr.pl')).toBe(true)
  })
  it('rejects other schemes, bare words and hosts without a domain', () => {
    expect(validateUrl('javascript:alert(1)')).toMatch(/must start with https:\/\//)
    expect(validateUrl('ftp://example.org')).not.toBe(true)
    expect(validateUrl('hfhr.pl')).toMatch(/not a valid web address/)
    expect(validateUrl('https://intranet')).toMatch(/no valid host name/)
  })
  it('rejects control characters and spaces that the URL parser would silently drop', () => {
    expect(validateUrl('https://example.org/\r\nx')).toMatch(/control characters/)
    expect(validateUrl('https://exa\tmple.org')).toMatch(/control characters/)
    expect(validateUrl(' javascript:alert(1)')).not.toBe(true)
  })
})

describe('validatePhone', () => {
  it('accepts the press contact’s number as printed', () => {
    expect(validatePhone('+48504080257')).toBe(true)
    expect(validatePhone('+992 37 221 74 84')).toBe(true)
  })
  it('rejects numbers without a country code or of the wrong length', () => {
    expect(validatePhone('504080257')).toMatch(/international form/)
    expect(validatePhone('+48 12')).not.toBe(true)
    expect(validatePhone('call me')).not.toBe(true)
  })
})

describe('validateCountry', () => {
  it('accepts ISO 3166-1 alpha-2 codes, one or many', () => {
    expect(validateCountry('TJ')).toBe(true)
    expect(validateCountry(['KZ', 'KG', 'TJ'])).toBe(true)
  })
  it('names every unknown code', () => {
    expect(validateCountry(['TJ', 'XX', 'tj'])).toBe(
      '"XX", "tj" are not ISO 3166-1 alpha-2 country codes (e.g. TJ, KZ, KG).',
    )
    expect(validateCountry('TJK')).toMatch(/"TJK" is not an ISO 3166-1 alpha-2 country code/)
  })
})

describe('validateDateOrder', () => {
  it('accepts an end on or after the start', () => {
    expect(validateDateOrder('2016-05-31T04:00:00Z', '2016-06-02T13:00:00Z')).toBe(true)
    expect(validateDateOrder('2016-05-31T04:00:00Z', '2016-05-31T04:00:00Z')).toBe(true)
  })
  it('rejects an end before the start, and dates that are not dates', () => {
    expect(validateDateOrder('2016-06-02T00:00:00Z', '2016-05-31T00:00:00Z')).toBe(
      'The end must not be before the start date.',
    )
    expect(validateDateOrder('2016-06-02T00:00:00Z', 'soon')).toMatch(/not a valid date/)
  })
})

describe('requiredInDefaultLocale', () => {
  it('requires the English text and lets other locales fall back to it', () => {
    expect(requiredInDefaultLocale('', { req: { locale: 'en' } })).toBe('This field is required.')
    expect(requiredInDefaultLocale('  ', { req: { locale: 'en' } })).toBe('This field is required.')
    expect(requiredInDefaultLocale('Title', { req: { locale: 'en' } })).toBe(true)
    expect(requiredInDefaultLocale(undefined, { req: { locale: 'ru' } })).toBe(true)
  })
})

describe('validateEditorState', () => {
  it('accepts an editor state or nothing, and refuses strings and other shapes', () => {
    expect(validateEditorState(undefined)).toBe(true)
    expect(validateEditorState(null)).toBe(true)
    expect(validateEditorState({ root: { type: 'root', children: [] } })).toBe(true)
    expect(validateEditorState('text')).toMatch(/not a plain string/)
    expect(validateEditorState({ root: 'x' })).toMatch(/editor state/)
    expect(validateEditorState([{ root: { type: 'root', children: [] } }])).toMatch(/editor state/)
  })
})
