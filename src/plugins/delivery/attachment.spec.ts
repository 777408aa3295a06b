import { parse } from 'content-disposition'

import { attachmentHeader, downloadName } from './attachment'

describe('downloadName', () => {
  it('is the slug with its extension', () => {
    expect(downloadName('regional-conference', 'ics', 'event-1')).toBe('regional-conference.ics')
  })
  it('drops controls and path separators, and falls back when nothing is left', () => {
    expect(downloadName('a\r\nb/c\\d', 'ics', 'event-1')).toBe('abcd.ics')
    expect(downloadName('\r\n', 'ics', 'event-1')).toBe('event-1.ics')
    expect(downloadName(null, 'ics', 'event-7')).toBe('event-7.ics')
  })
})

describe('attachmentHeader', () => {
  const roundTrip = (name: string) => parse(attachmentHeader(name))

  it('keeps a hostile slug inside the filename parameter', () => {
    const name = `report.html"; filename*=UTF-8''evil.html; x=".ics`
    const header = attachmentHeader(name)
    expect(roundTrip(name)).toEqual({ type: 'attachment', parameters: { filename: name } })
    expect(header).not.toMatch(/[\r\n]/)
  })
  it('gives Cyrillic and non-BMP names an RFC 8187 filename*', () => {
    for (const name of ['Роль-гражданского-общества.ics', 'концерт-😀.ics']) {
      const header = attachmentHeader(name)
      expect(header).toMatch(/^[\x20-\x7e]+$/)
      expect(header).toContain("filename*=UTF-8''")
      expect(roundTrip(name).parameters.filename).toBe(name)
    }
  })
  it('never writes a line break into the header, even for a name that has one', () => {
    expect(attachmentHeader('a\r\nSet-Cookie: x=1.ics')).not.toMatch(/[\r\n]/)
  })
  it('handles very long names', () => {
    const name = `${'x'.repeat(3000)}.ics`
    expect(roundTrip(name).parameters.filename).toBe(name)
  })
})
