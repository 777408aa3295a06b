import type { Payload } from 'payload'

import type { User } from '@/payload-types'

import { createUser, startPayload, stopPayload } from '../helpers/payload'

type Staff = User & { collection: 'users' }

describe('staff names in the audit fields, without e-mail addresses', () => {
  let payload: Payload
  let admin: Staff
  let editor: Staff
  let translator: Staff
  const as = { overrideAccess: false as const }

  beforeAll(async () => {
    payload = await startPayload()
    admin = await createUser(payload, 'admin')
    editor = await createUser(payload, 'editor', { name: 'Dilnoza Editor' })
    translator = await createUser(payload, 'translator', { locales: ['ru'] })
  })
  afterAll(() => stopPayload(payload))

  it('shows a translator who created the event by name, and nothing else of that account', async () => {
    const event = await payload.create({
      collection: 'events',
      data: {
        title: 'Audit',
        startDate: '2030-06-01T04:00:00.000Z',
        endDate: '2030-06-01T12:00:00.000Z',
        timezone: 'Asia/Dushanbe',
        eventType: 'conference',
        status: 'scheduled',
        attendanceMode: 'offline',
      },
      user: editor,
      ...as,
    })
    const read = await payload.findByID({ collection: 'events', id: event.id, depth: 1, user: translator, ...as })
    expect(read.createdBy).toMatchObject({ id: editor.id, name: 'Dilnoza Editor' })
    const account = await payload.findByID({ collection: 'users', id: editor.id, user: translator, ...as })
    expect(account.name).toBe('Dilnoza Editor')
    expect(account).not.toHaveProperty('email')
    expect(account).not.toHaveProperty('locales')
    expect(JSON.stringify(await payload.find({ collection: 'users', user: translator, ...as }))).not.toContain(
      editor.email,
    )
  })

  it('still shows people their own address, and admins everyone’s', async () => {
    expect((await payload.findByID({ collection: 'users', id: translator.id, user: translator, ...as })).email).toBe(
      translator.email,
    )
    expect((await payload.findByID({ collection: 'users', id: editor.id, user: admin, ...as })).email).toBe(
      editor.email,
    )
  })
})
