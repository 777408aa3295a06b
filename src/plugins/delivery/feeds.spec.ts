import { XMLValidator } from 'fast-xml-parser'

import { paragraphs } from '@/utilities/lexical'

import { cdataText as cdata, feedXml as parser, hostileStrings } from '../../../tests/helpers/hostile'
import { atomWithLanguage, buildReleaseFeed, type FeedRelease, feedText } from './feeds'
import { cleanText } from './text'

const release = (overrides: Partial<FeedRelease> = {}): FeedRelease => ({
  id: 1,
  title: 'Press release',
  subtitle: null,
  slug: 'press-release',
  summary: null,
  body: null,
  releaseDate: '2016-05-31T08:00:00.000Z',
  updatedAt: '2016-05-31T08:00:00.000Z',
  dateline: undefined,
  ...overrides,
})

const options = { locale: 'en', selfUrl: 'https://cms.example.org/feeds/press-releases.xml', host: 'cms.example.org' }
describe('feedText', () => {
  it('escapes markup and cleans controls, so no "]]>" is left', () => {
    expect(feedText('a ]]> b ]]> \u0001<i>')).toBe('a ]]&gt; b ]]&gt; &lt;i&gt;')
  })
})

describe('buildReleaseFeed with hostile text', () => {
  it.each(hostileStrings.map((value) => [JSON.stringify(value).slice(0, 40), value]))(
    '%s stays the text of one item',
    (_, value) => {
      const feed = buildReleaseFeed(
        [release({ title: value, summary: value, body: paragraphs(value), dateline: { places: [value] } })],
        options,
      )
      const expected = cleanText(value)
      for (const [xml, items] of [
        [feed.rss2(), (doc: any) => doc.rss.channel.item],
        [feed.atom1(), (doc: any) => doc.feed.entry],
      ] as const) {
        expect(XMLValidator.validate(xml)).toBe(true)
        const [item, ...more] = items(parser.parse(xml))
        expect(more).toHaveLength(0)
        expect(cdata(item.title)).toBe(expected)
        expect(cdata(item.description ?? item.summary)).toBe(expected)
        expect(cdata(item['content:encoded'] ?? item.content)).toBe(cleanText(`${value} — ${value.trim()}`.trim()))
      }
    },
  )

  it('writes no control character into the XML', () => {
    const xml = buildReleaseFeed([release({ title: 'a\u0001b\u001bc', summary: '\u0000' })], options).rss2()
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/)
  })
})

describe('the language of a feed', () => {
  it('is in RSS as <language> and in Atom as xml:lang on the root', () => {
    const feed = buildReleaseFeed([release({ title: 'Пресс-релиз' })], { ...options, locale: 'ru' })
    expect(parser.parse(feed.rss2()).rss.channel.language).toBe('ru')
    const atom = atomWithLanguage(feed, 'ru')
    expect(XMLValidator.validate(atom)).toBe(true)
    expect(parser.parse(atom).feed['@_xml:lang']).toBe('ru')
  })
})
