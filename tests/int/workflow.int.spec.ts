import { APIError, type Payload } from 'payload'

import type { User } from '@/payload-types'

import { createUser, startPayload, stopPayload } from '../helpers/payload'

type Principal = User & { collection: 'users' }

async function refusal(write: Promise<unknown>): Promise<{ status: number; message: string }> {
  const error = await write.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(APIError)
  return { status: (error as APIError).status, message: (error as APIError).message }
}

describe('the editorial workflow', () => {
  let payload: Payload
  let admin: Principal
  let editor: Principal
  let translator: Principal
  let eventId: number

  const as = (user: Principal) => ({ user, overrideAccess: false as const })
  const published = async () =>
    payload.create({
      collection: 'events',
      data: {
        title: 'Legal aid forum',
        summary: 'About legal aid.',
        startDate: '2026-06-01T05:00:00.000Z',
        endDate: '2026-06-02T12:00:00.000Z',
        timezone: 'Asia/Bishkek',
        eventType: 'conference',
        status: 'scheduled',
        attendanceMode: 'offline',
        venue: { city: 'Bishkek', country: 'KG' },
        programme: [{ title: 'Opening' }],
        _status: 'published',
      },
      ...as(editor),
    })

  beforeAll(async () => {
    payload = await startPayload()
    admin = await createUser(payload, 'admin')
    editor = await createUser(payload, 'editor')
    translator = await createUser(payload, 'translator', { locales: ['ru', 'ky'] })
    eventId = (await published()).id
  })
  afterAll(() => stopPayload(payload))

  describe('translators', () => {
    it('save translations of localized fields in their locales, as drafts', async () => {
      const draft = await payload.update({
        collection: 'events',
        id: eventId,
        locale: 'ru',
        draft: true,
        data: {
          title: 'Форум по правовой помощи',
          venue: { city: 'Бишкек' },
          programme: [
            { id: (await payload.findByID({ collection: 'events', id: eventId })).programme![0].id, title: 'Открытие' },
          ],
        },
        ...as(translator),
      })
      expect(draft).toMatchObject({
        title: 'Форум по правовой помощи',
        _status: 'draft',
        venue: { city: 'Бишкек', country: 'KG' },
      })
      // The published Russian text is untouched until an editor publishes.
      const publicRu = await payload.findByID({
        collection: 'events',
        id: eventId,
        locale: 'ru',
        overrideAccess: false,
      })
      expect(publicRu.title).toBe('Legal aid forum')
    })

    it('get 403 for a non-localized field, and nothing changes', async () => {
      const before = await payload.findByID({ collection: 'events', id: eventId, draft: true, locale: 'ru' })
      const { status, message } = await refusal(
        payload.update({
          collection: 'events',
          id: eventId,
          locale: 'ru',
          draft: true,
          data: { title: 'Новое', startDate: '2027-01-01T00:00:00.000Z', venue: { country: 'KZ' } },
          ...as(translator),
        }),
      )
      expect(status).toBe(403)
      expect(message).toBe(
        'Translators cannot change fields that are the same in every language: startDate, venue.country.',
      )
      expect(await payload.findByID({ collection: 'events', id: eventId, draft: true, locale: 'ru' })).toEqual(before)
    })

    it('get 403 for adding or removing programme rows', async () => {
      const { status } = await refusal(
        payload.update({
          collection: 'events',
          id: eventId,
          locale: 'ru',
          draft: true,
          data: { programme: [] },
          ...as(translator),
        }),
      )
      expect(status).toBe(403)
    })

    it('get 403 in a locale that is not theirs, and nothing changes', async () => {
      const before = await payload.findByID({ collection: 'events', id: eventId, draft: true, locale: 'kk' })
      const { status, message } = await refusal(
        payload.update({
          collection: 'events',
          id: eventId,
          locale: 'kk',
          draft: true,
          data: { title: 'Құқықтық көмек форумы' },
          ...as(translator),
        }),
      )
      expect(status).toBe(403)
      expect(message).toBe('You translate into ru, ky; this change is to "kk".')
      await expect(
        refusal(
          payload.update({
            collection: 'events',
            id: eventId,
            locale: 'en',
            draft: true,
            data: { title: 'Changed' },
            ...as(translator),
          }),
        ),
      ).resolves.toMatchObject({ status: 403 })
      expect(await payload.findByID({ collection: 'events', id: eventId, draft: true, locale: 'kk' })).toEqual(before)
    })

    it('cannot publish, create or delete', async () => {
      await expect(
        refusal(
          payload.update({
            collection: 'events',
            id: eventId,
            locale: 'ru',
            data: { _status: 'published' },
            ...as(translator),
          }),
        ),
      ).resolves.toMatchObject({ status: 403 })
      await expect(payload.delete({ collection: 'events', id: eventId, ...as(translator) })).rejects.toMatchObject({
        status: 403,
      })
      await expect(
        payload.create({
          collection: 'organisations',
          data: { name: 'X', organisationType: 'ngo' },
          ...as(translator),
        }),
      ).rejects.toMatchObject({ status: 403 })
    })
  })

  describe('roles', () => {
    it('cannot be given to oneself; only an admin changes them', async () => {
      const self = await payload.update({
        collection: 'users',
        id: editor.id,
        data: { name: 'Still editor', roles: ['admin'] },
        ...as(editor),
      })
      expect(self).toMatchObject({ name: 'Still editor', roles: ['editor'] })
      const promoted = await payload.update({
        collection: 'users',
        id: translator.id,
        data: { locales: ['ru', 'ky', 'tg'] },
        ...as(admin),
      })
      expect(promoted.locales).toEqual(['ru', 'ky', 'tg'])
    })
  })

  describe('the audit trail', () => {
    it('records who created and who last changed a document, whatever the client sends', async () => {
      const created = await payload.create({
        collection: 'organisations',
        data: { name: 'IPHR', organisationType: 'ngo', createdBy: admin.id, updatedBy: admin.id } as never,
        ...as(editor),
      })
      const read = (id: number) => payload.findByID({ collection: 'organisations', id, depth: 0, ...as(admin) })
      expect(await read(created.id)).toMatchObject({ createdBy: editor.id, updatedBy: editor.id })
      await payload.update({
        collection: 'organisations',
        id: created.id,
        locale: 'ru',
        data: { name: 'МПЧП', updatedBy: editor.id } as never,
        ...as(translator),
      })
      expect(await read(created.id)).toMatchObject({ createdBy: editor.id, updatedBy: translator.id })
    })

    it('keeps the author of each version', async () => {
      const { docs } = await payload.findVersions({
        collection: 'events',
        where: { parent: { equals: eventId } },
        sort: 'createdAt',
        depth: 0,
      })
      expect(docs.map((version) => version.version.updatedBy)).toEqual([editor.id, translator.id])
    })

    it('is hidden from the public', async () => {
      const read = await payload.findByID({ collection: 'events', id: eventId, overrideAccess: false })
      expect(read.createdBy).toBeUndefined()
      expect(read.updatedBy).toBeUndefined()
    })
  })
})
