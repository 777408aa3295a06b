import { paragraphs } from './lexical'
import {
  DESCRIPTION_MAX,
  filledMeta,
  fitLength,
  generatedDescription,
  generatedImage,
  generatedTitle,
  openGraphOf,
  type SeoSources,
  TITLE_MAX,
} from './seo'

const event: SeoSources = { title: 'title', description: ['summary', 'description'], image: 'heroImage' }

describe('SEO generation', () => {
  it('cuts at a word within the hint, with an ellipsis, and leaves short text alone', () => {
    const title = 'Regional Conference: The Role of civil society in the prevention of torture'
    const fitted = fitLength(title, TITLE_MAX)
    expect(fitted).toBe('Regional Conference: The Role of civil society in the…')
    expect(fitted.length).toBeLessThanOrEqual(TITLE_MAX)
    expect(fitLength('  Short   title ', TITLE_MAX)).toBe('Short title')
    expect(fitLength('x'.repeat(200), DESCRIPTION_MAX)).toHaveLength(DESCRIPTION_MAX)
  })

  it('takes the title, the summary, else the text of the rich text, and the image id', () => {
    const doc = {
      title: 'Torture prevention',
      summary: '',
      description: paragraphs('First paragraph.', 'Second.'),
      heroImage: { id: 7, url: '/x.png' },
    }
    expect(generatedTitle(doc, event)).toBe('Torture prevention')
    expect(generatedDescription(doc, event)).toBe('First paragraph. Second.')
    expect(generatedDescription({ ...doc, summary: 'The summary.' }, event)).toBe('The summary.')
    expect(generatedImage(doc, event)).toBe(7)
    expect(generatedImage({ heroImage: 12 }, event)).toBe(12)
    expect(generatedImage({}, { title: 'title' })).toBeUndefined()
  })

  it('fills only what is empty, and says when nothing changes', () => {
    const doc = { title: 'T', summary: 'S', heroImage: 3, meta: { title: 'Mine', description: ' ', image: null } }
    expect(filledMeta(doc, event)).toEqual({ title: 'Mine', description: 'S', image: 3 })
    expect(filledMeta({ ...doc, meta: { title: 'Mine', description: 'Mine too', image: 5 } }, event)).toBeUndefined()
    expect(filledMeta({ title: '', summary: '' }, event)).toBeUndefined()
  })

  it('builds the Open Graph block from the meta, with the 1200×630 rendition and the frontend page', () => {
    const image = {
      id: 3,
      url: '/api/media/file/a.png',
      alt: 'Hall',
      mimeType: 'image/png',
      width: 1600,
      height: 1000,
      sizes: { social: { url: '/api/media/file/a-1200x630.png', width: 1200, height: 630, mimeType: 'image/png' } },
    }
    const og = openGraphOf(
      'events',
      { title: 'T', slug: 'the-event', summary: 'S', meta: { title: 'Meta T', description: null, image } },
      'ru',
      event,
      'https://cms.example.org',
    )
    expect(og).toEqual({
      title: 'Meta T',
      description: 'S',
      url: 'http://localhost:3001/ru/events/the-event',
      locale: 'ru',
      type: 'website',
      image: {
        url: 'https://cms.example.org/api/media/file/a-1200x630.png',
        width: 1200,
        height: 630,
        alt: 'Hall',
        type: 'image/png',
      },
    })
    // Known only by id (depth 0): no guessed address.
    expect(
      openGraphOf('events', { title: 'T', meta: { image: 3 } }, 'en', event, 'https://cms.example.org').image,
    ).toBeNull()
  })
})
