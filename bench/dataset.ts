import { randomBytes } from 'node:crypto'

import { commitTransaction, createLocalReq, initTransaction, type Payload, type PayloadRequest } from 'payload'

import { toSlug } from '@/fields/slug'
import { localeCodes } from '@/i18n/localization'
import { paragraphs } from '@/utilities/lexical'

export type Scale = { events: number; speakers: number; organisations: number; pressReleases: number; versions: number }

export const scales: Record<string, Scale> = {
  tiny: { events: 20, speakers: 10, organisations: 10, pressReleases: 10, versions: 3 },
  default: { events: 2_000, speakers: 200, organisations: 300, pressReleases: 1_000, versions: 3 },
  medium: { events: 20_000, speakers: 200, organisations: 300, pressReleases: 1_000, versions: 3 },
  large: { events: 100_000, speakers: 200, organisations: 300, pressReleases: 1_000, versions: 3 },
  // The site search's 10,000 documents (bench/search.mjs): one version each, history is not searched.
  search: { events: 8_500, speakers: 200, organisations: 300, pressReleases: 1_000, versions: 1 },
}

type Id = number | string
type Progress = (step: string, done: number, total: number) => void

// The same words in each content language, so every locale is filled with text of its own.
const words: Record<
  string,
  { conference: string; forum: string; on: string; session: string; release: string; city: string; topic: string }
> = {
  en: {
    conference: 'Regional conference',
    forum: 'Forum',
    on: 'on',
    session: 'Session',
    release: 'Press release',
    city: 'Dushanbe',
    topic: 'torture prevention',
  },
  ru: {
    conference: 'Региональная конференция',
    forum: 'Форум',
    on: 'о',
    session: 'Сессия',
    release: 'Пресс-релиз',
    city: 'Душанбе',
    topic: 'предупреждении пыток',
  },
  tg: {
    conference: 'Конфронси минтақавӣ',
    forum: 'Форум',
    on: 'дар бораи',
    session: 'Ҷаласа',
    release: 'Пресс-релиз',
    city: 'Душанбе',
    topic: 'пешгирии шиканҷа',
  },
  kk: {
    conference: 'Аймақтық конференция',
    forum: 'Форум',
    on: 'туралы',
    session: 'Сессия',
    release: 'Баспасөз релизі',
    city: 'Душанбе',
    topic: 'азаптаудың алдын алу',
  },
  ky: {
    conference: 'Аймактык конференция',
    forum: 'Форум',
    on: 'жөнүндө',
    session: 'Сессия',
    release: 'Пресс-релиз',
    city: 'Душанбе',
    topic: 'кыйноолордун алдын алуу',
  },
}

/** A localized value: the same text in every locale, each in its own words. */
const inAll = <T>(make: (locale: string) => T): Record<string, T> =>
  Object.fromEntries(localeCodes.map((locale) => [locale, make(locale)]))
const rowId = () => randomBytes(12).toString('hex')
// Each version stores its own copy of the array rows.
const withNewRowIds = (data: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(data).map(([key, value]) => [
      key,
      Array.isArray(value) && value.every((row) => row && typeof row === 'object' && 'id' in row)
        ? value.map((row) => ({ ...row, id: rowId() }))
        : value,
    ]),
  )
const pick = <T>(list: T[], n: number, seed: number): T[] =>
  Array.from({ length: n }, (_, k) => list[(seed * 7 + k * 13) % list.length])
const day = 86_400_000

/**
 * Writes the benchmark's dataset through the database adapter of Payload (`payload.db`), the
 * layer Payload's own operations write with, in batches of a few hundred documents (one
 * transaction each where the adapter has transactions; Payload's SQLite adapter has none by default): every
 * locale filled, drafts with `versions` versions per document (the last one published, and one
 * document in ten with a newer draft on top). Hooks and validation are skipped on purpose: this
 * is bulk loading, and the data is valid by construction.
 */
export async function generateDataset(
  payload: Payload,
  scale: Scale,
  progress: Progress = () => undefined,
  /** Adds events numbered from `offset` to a dataset that has its organisations and speakers already. */
  { offset = 0 }: { offset?: number } = {},
): Promise<Record<string, number>> {
  const batch = async <T>(
    step: string,
    total: number,
    make: (index: number, req: PayloadRequest) => Promise<T>,
  ): Promise<T[]> => {
    const results: T[] = []
    for (let start = 0; start < total; start += 250) {
      const req = await createLocalReq({}, payload)
      await initTransaction(req)
      for (let index = start; index < Math.min(total, start + 250); index += 1) results.push(await make(index, req))
      await commitTransaction(req)
      progress(step, Math.min(total, start + 250), total)
    }
    return results
  }
  const versioned = async (
    collection: 'events' | 'press-releases',
    data: Record<string, unknown>,
    index: number,
    req: PayloadRequest,
  ): Promise<Id> => {
    const now = Date.now() - scale.versions * 60_000
    const doc = await payload.db.create({
      collection,
      data: {
        ...data,
        _status: 'published',
        createdAt: new Date(now).toISOString(),
        updatedAt: new Date(now).toISOString(),
      },
      req,
    })
    const versions = scale.versions + (index % 10 === 0 ? 1 : 0)
    for (let v = 1; v <= versions; v += 1) {
      const final = v === scale.versions
      const at = new Date(now + v * 60_000).toISOString()
      const title = final
        ? data.title
        : inAll(
            (locale) => `${(data.title as Record<string, string>)[locale]} (${v > scale.versions ? 'draft' : `v${v}`})`,
          )
      await payload.db.createVersion({
        autosave: false,
        collectionSlug: collection,
        createdAt: at,
        parent: doc.id,
        req,
        returning: false,
        updatedAt: at,
        versionData: {
          ...withNewRowIds(data),
          title,
          _status: final ? 'published' : 'draft',
          createdAt: doc.createdAt,
          updatedAt: at,
        },
      })
    }
    return doc.id as Id
  }

  const existing = async (collection: 'organisations' | 'speakers') =>
    (await payload.find({ collection, depth: 0, limit: 0, pagination: false, select: {}, sort: 'createdAt' })).docs.map(
      (doc) => doc.id as Id,
    )
  const organisations = offset
    ? await existing('organisations')
    : await batch('organisations', scale.organisations, async (i, req) => {
        const name = inAll((locale) => `${words[locale].forum} ${i + 1}`)
        const doc = await payload.db.create({
          collection: 'organisations',
          data: {
            name,
            slug: inAll((l) => toSlug(`${name[l]} ${l}`)),
            organisationType: 'ngo',
            city: inAll((l) => words[l].city),
          },
          req,
        })
        return doc.id as Id
      })
  const speakers = offset
    ? await existing('speakers')
    : await batch('speakers', scale.speakers, async (i, req) => {
        const doc = await payload.db.create({
          collection: 'speakers',
          data: {
            name: inAll(() => `Speaker ${i + 1}`),
            slug: inAll((l) => `speaker-${i + 1}-${l}`),
            position: inAll((l) => `${words[l].session} ${i + 1}`),
            organisation: organisations[i % organisations.length],
            visibility: 'public',
            consent: { given: true },
          },
          req,
        })
        return doc.id as Id
      })
  const start = Date.UTC(2026, 0, 1)
  const events = await batch('events', scale.events, async (n, req) => {
    const i = n + offset
    const title = inAll((l) => `${words[l].conference} ${i + 1} ${words[l].on} ${words[l].topic}`)
    const startDate = new Date(start + (i % 1_460) * day + (i % 24) * 3_600_000)
    const chosen = pick(speakers, 3 + (i % 4), i)
    return versioned(
      'events',
      {
        title,
        slug: inAll((l) => toSlug(`${title[l]} ${l}`)),
        summary: inAll((l) => `${title[l]}. ${words[l].city}.`),
        description: inAll((l) => paragraphs(`${title[l]}.`, `${words[l].topic} — ${words[l].city}.`)),
        eventType: 'conference',
        status: 'scheduled',
        attendanceMode: 'offline',
        startDate: startDate.toISOString(),
        endDate: new Date(startDate.getTime() + 2 * day).toISOString(),
        timezone: 'Asia/Dushanbe',
        venue: { name: inAll((l) => `${words[l].city} ${i % 10}`), city: inAll((l) => words[l].city), country: 'TJ' },
        organisations: pick(organisations, 2, i).map((organisation, k) => ({
          id: rowId(),
          organisation,
          role: k ? 'partner' : 'organiser',
        })),
        speakers: chosen.map((speaker) => ({
          id: rowId(),
          speaker,
          role: 'speaker',
          topic: inAll((l) => words[l].topic),
        })),
        programme: [0, 1, 2].map((k) => ({
          id: rowId(),
          title: inAll((l) => `${words[l].session} ${k + 1}`),
          startTime: new Date(startDate.getTime() + k * 3_600_000).toISOString(),
          speakers: chosen.slice(k, k + 2),
        })),
        expectedParticipants: 60,
        icalSequence: 0,
      },
      i,
      req,
    )
  })
  await batch('press releases', offset ? 0 : scale.pressReleases, async (i, req) => {
    const title = inAll((l) => `${words[l].release} ${i + 1}: ${words[l].topic}`)
    return versioned(
      'press-releases',
      {
        title,
        slug: inAll((l) => toSlug(`${title[l]} ${l}`)),
        summary: inAll((l) => `${title[l]}.`),
        body: inAll((l) => paragraphs(`${title[l]}.`, words[l].city)),
        releaseDate: new Date(start + (i % 1_000) * day).toISOString(),
        dateline: { places: inAll((l) => [words[l].city]), date: new Date(start + (i % 1_000) * day).toISOString() },
        quotes: [{ id: rowId(), text: inAll((l) => `«${words[l].topic}»`), speaker: speakers[i % speakers.length] }],
        events: [events[i % events.length]],
        organisations: pick(organisations, 2, i),
      },
      i,
      req,
    )
  })
  return {
    organisations: organisations.length,
    speakers: speakers.length,
    events: events.length,
    pressReleases: offset ? 0 : scale.pressReleases,
  }
}
