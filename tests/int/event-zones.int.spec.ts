import { type Payload, ValidationError } from 'payload'

import type { Event, User } from '@/payload-types'

import { createUser, startPayload, stopPayload } from '../helpers/payload'

type Editor = User & { collection: 'users' }
/** An event as a client writes it; bad zones are written on purpose, hence the loose input. */
type EventData = Omit<Event, 'id' | 'createdAt' | 'updatedAt'>

describe('an event’s times in its own zone', () => {
  let payload: Payload
  let editor: Editor
  const as = { overrideAccess: false as const }
  const event = (extra: Record<string, unknown> = {}): EventData =>
    ({
      title: `Roundtable ${Math.random().toString(36).slice(2, 8)}`,
      startDate: '2030-06-01T04:00:00.000Z',
      endDate: '2030-06-01T12:00:00.000Z',
      timezone: 'Asia/Dushanbe',
      eventType: 'roundtable' as const,
      programme: [{ title: 'Opening', startTime: '2030-06-01T04:30:00.000Z', endTime: '2030-06-01T05:00:00.000Z' }],
      registration: { deadline: '2030-05-20T13:00:00.000Z' },
      ...extra,
    }) as EventData
  const read = (id: number) => payload.findByID({ collection: 'events', id, user: editor, ...as })

  beforeAll(async () => {
    payload = await startPayload()
    editor = await createUser(payload, 'editor')
  })
  afterAll(() => stopPayload(payload))

  it('keeps an API client’s instants and zone, and shows every date in that zone', async () => {
    const { id } = await payload.create({ collection: 'events', data: event(), user: editor, ...as })
    const doc = await read(id)
    expect(doc).toMatchObject({
      startDate: '2030-06-01T04:00:00.000Z',
      endDate: '2030-06-01T12:00:00.000Z',
      timezone: 'Asia/Dushanbe',
    })
    expect(doc.programme?.[0]).toMatchObject({
      startTime: '2030-06-01T04:30:00.000Z',
      endTime: '2030-06-01T05:00:00.000Z',
    })
    expect(doc.registration?.deadline).toBe('2030-05-20T13:00:00.000Z')
    // Payload's date fields take their zone from these companions; all of them are the event's.
    expect([
      doc.startDate_tz,
      doc.endDate_tz,
      doc.programme?.[0].startTime_tz,
      doc.programme?.[0].endTime_tz,
      doc.registration?.deadline_tz,
    ]).toEqual(Array(5).fill('Asia/Dushanbe'))
  })

  it('takes the zone chosen with the admin’s picker beside the start, and `timezone` from an API client', async () => {
    // The admin form sends the stored `timezone` as it was, and the picker's new choice beside it.
    const { id } = await payload.create({
      collection: 'events',
      data: event({ timezone: 'UTC', startDate_tz: 'Asia/Bishkek' }),
      user: editor,
      ...as,
    })
    expect((await read(id)).timezone).toBe('Asia/Bishkek')
    await payload.update({ collection: 'events', id, data: { timezone: 'Asia/Almaty' }, user: editor, ...as })
    expect(await read(id)).toMatchObject({
      timezone: 'Asia/Almaty',
      startDate_tz: 'Asia/Almaty',
      startDate: '2030-06-01T04:00:00.000Z',
    })
    // A write that says nothing of the zone leaves it alone.
    await payload.update({ collection: 'events', id, data: { title: 'Renamed' }, user: editor, ...as })
    expect((await read(id)).timezone).toBe('Asia/Almaty')
  })

  it('rejects a zone that is not an IANA name, from the picker or the API, under `timezone`', async () => {
    for (const data of [event({ timezone: 'Central Asia' }), event({ startDate_tz: 'Mars/Olympus' })]) {
      const error = await payload
        .create({ collection: 'events', data, user: editor, ...as })
        .catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(ValidationError)
      expect((error as ValidationError).data.errors.map(({ path }) => path)).toEqual(['timezone'])
    }
  })

  it('derives a series’ RRULE in the event’s zone, and refuses a bad one with the field’s path (recurrence)', async () => {
    const { id } = await payload.create({
      collection: 'events',
      data: event({
        recurrence: { frequency: 'monthly', interval: 1, until: '2030-12-31T18:00:00.000Z', rrule: 'FREQ=DAILY' },
      }),
      user: editor,
      ...as,
    })
    expect((await read(id)).recurrence).toMatchObject({
      until_tz: 'Asia/Dushanbe',
      rrule: 'FREQ=MONTHLY;UNTIL=20301231T180000Z',
    })
    const error = await payload
      .update({
        collection: 'events',
        id,
        data: {
          recurrence: { count: 4 },
          occurrenceChanges: [{ occurrenceStart: '2030-06-02T04:00:00.000Z', cancelled: true }],
        },
        user: editor,
        ...as,
      })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).data.errors.map(({ path }) => path)).toEqual(['recurrence.count'])
  })
})
