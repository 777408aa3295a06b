import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import { seed } from '@/seed'
import { plainText } from '@/utilities/lexical'

import { startPayload, stopPayload } from '../helpers/payload'

const seedText = fs.readFileSync(
  path.resolve(import.meta.dirname, '../../src/seed/press-release-2016-05-31.txt'),
  'utf8',
)
/** The document as one line, with words hyphenated across lines joined again ("co-\nsponsor"). */
const source = seedText.replace(/-\s*\n\s*/g, '-').replace(/\s+/g, ' ')

const people = ['Margus Solnson', 'Markus Mueller', 'Parviz Mullodzhanov', 'Elena Volochay', 'Lenur Kerymov']
const organisations = [
  'Helsinki Foundation for Human Rights',
  'International Partnership for Human Rights',
  'Kazakhstan International Bureau for Human Rights and Rule of Law',
  'Nota Bene',
  'Open Society Foundations',
  'NGO Coalition against Torture in Tajikistan',
  'OSCE Office in Tajikistan',
  'European Union',
]
const cities = ['Almaty', 'Bishkek', 'Brussels', 'Dushanbe', 'Warsaw']

describe('the demo content', () => {
  let payload: Payload

  beforeAll(async () => {
    payload = await startPayload()
    await seed(payload)
  })
  afterAll(() => stopPayload(payload))

  it('names only what the seed document names', () => {
    for (const name of [...people, ...organisations, ...cities]) expect(source).toContain(name)
    expect(source).toContain('Coalitions against Torture in Kazakhstan, Kyrgyzstan and Tajikistan')
    expect(source).toContain('31 May - 2 June 2016')
  })

  it('has every person of the document as a speaker, with the position it gives', async () => {
    const { docs } = await payload.find({ collection: 'speakers', limit: 100, depth: 1 })
    expect(docs.map((doc) => doc.name).sort()).toEqual([...people].sort())
    const byName = Object.fromEntries(docs.map((doc) => [doc.name, doc]))
    expect(byName['Margus Solnson'].position).toBe('EU Chargé d’affaires a.i. in Tajikistan')
    expect(byName['Markus Mueller']).toMatchObject({
      honorific: 'Ambassador',
      position: 'Head of the OSCE Office in Tajikistan',
    })
    expect(byName['Lenur Kerymov'].organisation).toMatchObject({ acronym: 'HFHR' })
  })

  it('has every organisation of the document, with acronyms and the EU Delegation under the EU', async () => {
    const { docs } = await payload.find({ collection: 'organisations', limit: 100, depth: 1 })
    const names = docs.map((doc) => doc.name)
    for (const name of organisations) expect(names).toContain(name)
    expect(names).toEqual(
      expect.arrayContaining(['Coalition against Torture in Kazakhstan', 'Coalition against Torture in Kyrgyzstan']),
    )
    expect(
      docs
        .map((doc) => doc.acronym)
        .filter(Boolean)
        .sort(),
    ).toEqual(['EU', 'HFHR', 'IPHR', 'KIBHR', 'OSCE', 'OSF'])
    const delegation = docs.find((doc) => doc.name === 'Delegation of the European Union to the Republic of Tajikistan')
    expect(delegation?.parent).toMatchObject({ name: 'European Union' })
  })

  it('has the conference in Dushanbe from 31 May to 2 June 2016, Dushanbe time', async () => {
    const { docs } = await payload.find({ collection: 'events', depth: 1 })
    expect(docs).toHaveLength(1)
    const [event] = docs
    const local = (iso: string) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: event.timezone, dateStyle: 'long' }).format(new Date(iso))
    expect(event.timezone).toBe('Asia/Dushanbe')
    expect(local(event.startDate)).toBe('31 May 2016')
    expect(local(event.endDate)).toBe('2 June 2016')
    expect(event.venue?.city).toBe('Dushanbe')
    expect(event.venue?.country).toBe('TJ')
    expect(event.expectedParticipants).toBe(60)
    expect(event.speakers?.map((row) => typeof row.speaker === 'object' && row.speaker.name)).toEqual(
      people.slice(0, 4),
    )
  })

  it('has the press release with its dateline places, quote and press contact', async () => {
    const { docs } = await payload.find({ collection: 'press-releases', depth: 1 })
    const [release] = docs
    expect(release.dateline?.places).toEqual(['Almaty', 'Bishkek', 'Brussels', 'Dushanbe', 'Bishkek', 'Warsaw'])
    expect(release.releaseDate.slice(0, 10)).toBe('2016-05-31')
    expect(release.quotes?.[0]).toMatchObject({ attribution: 'Project co-ordinator Lenur Kerymov' })
    expect(source).toContain(release.quotes?.[0].text)
    expect(release.contacts?.[0]).toMatchObject({
      name: 'Lenur Kerymov',
      phone: '+48504080257',
      email: 'L.Kerymov@hfhrpol.waw.pl',
    })
    for (const paragraph of plainText(release.body).split('\n\n')) {
      // The body is the document's text, typography aside.
      expect(source.replace(/[“”]/g, '"').replace(/'/g, '’')).toContain(
        paragraph.replace(/[“”]/g, '"').replace(/'/g, '’'),
      )
    }
  })

  it('has the project, its partners and the EU donor notice with its about-the-donor text', async () => {
    const { docs: projects } = await payload.find({ collection: 'projects', depth: 1 })
    expect(projects[0].title).toBe('Action for Freedom from Torture in Kazakhstan and Tajikistan')
    expect(
      projects[0].partners?.map((row) => typeof row.organisation === 'object' && row.organisation.acronym),
    ).toEqual(expect.arrayContaining(['HFHR', 'IPHR', 'KIBHR', 'OSF', 'EU']))
    const { docs: notices } = await payload.find({ collection: 'donor-notices', depth: 1 })
    expect(notices[0].statement).toBe('This project is funded by the European Union')
    expect(notices[0].link).toBe('http://eeas.europa.eu/delegations/tajikistan/index_en.htm')
    expect(source).toContain(plainText(notices[0].aboutDonor).split('\n\n')[1])
  })

  it('has Russian titles and falls back to English where nothing was translated', async () => {
    const [event] = (await payload.find({ collection: 'events', locale: 'ru', depth: 0 })).docs
    expect(event.title).toBe('Региональная конференция: роль гражданского общества в предупреждении пыток')
    expect(event.audience).toMatch(/^Sixty NGO representatives/)
    expect(event.slug).toBe('regionalnaya-konferentsiya-rol-grazhdanskogo-obschestva-v-preduprezhdenii-pytok')
  })

  it('changes nothing when run again', async () => {
    const collections = ['organisations', 'speakers', 'projects', 'donor-notices', 'events', 'press-releases'] as const
    const snapshot = async () =>
      Promise.all(
        collections.map(async (collection) =>
          (await payload.find({ collection, limit: 100, depth: 0, sort: 'id' })).docs.map((doc) => [
            doc.id,
            doc.updatedAt,
          ]),
        ),
      )
    const before = await snapshot()
    const { created, existing } = await seed(payload)
    expect(created).toBe(0)
    expect(existing).toBe(20)
    expect(await snapshot()).toEqual(before)
  })
})
