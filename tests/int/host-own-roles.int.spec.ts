import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig, getPayload, type Payload } from 'payload'

import { pressroomPlugin } from '@/plugin'

import { stopPayload, useThrowawayDatabase } from '../helpers/payload'

// This repository's node_modules hold @payloadcms/storage-s3 3.90.1 beside payload 3.90.2 for the
// reference application: Payload's version check would refuse this host too (see src/storage.ts).
process.env.PAYLOAD_DISABLE_DEPENDENCY_CHECKER ??= 'true'

/**
 * A host that keeps its own roles: `users.addFields: false`, and `access.roles` and
 * `access.translatorLocales` map its `job` and `languages` fields onto Pressroom's rules.
 */
describe('a host that maps its own roles', () => {
  let payload: Payload
  type Person = { id: number; collection: 'users' }
  const people = {} as Record<'editor' | 'translator', Person>

  beforeAll(async () => {
    const { uri } = useThrowawayDatabase()
    const config = buildConfig({
      admin: { user: 'users' },
      collections: [
        {
          slug: 'users',
          auth: true,
          access: { create: () => true, delete: () => false, read: () => true, update: () => false },
          fields: [
            { name: 'job', type: 'select', options: ['chief', 'writer', 'interpreter'], required: true },
            { name: 'languages', type: 'text', hasMany: true },
          ],
        },
      ],
      db: sqliteAdapter({ client: { url: uri } }),
      editor: lexicalEditor(),
      localization: { defaultLocale: 'en', locales: ['en', 'de'], fallback: true },
      plugins: [
        pressroomPlugin({
          users: { addFields: false },
          access: {
            roles: (user) =>
              user.job === 'chief'
                ? ['admin']
                : user.job === 'writer'
                  ? ['editor']
                  : user.job === 'interpreter'
                    ? ['translator']
                    : [],
            translatorLocales: (user) => (user.languages as string[] | undefined) ?? [],
          },
          features: { webhooks: false, translations: false },
        }),
      ],
      secret: 'own-roles-host-secret-0123456789-abcdef',
      telemetry: false,
    })
    payload = await getPayload({ config })
    const person = async (job: string, languages: string[] = []) =>
      ({
        ...(await payload.create({
          collection: 'users',
          data: { email: `${job}@own.test`, password: 'correct horse battery staple', job, languages } as never,
          overrideAccess: true,
        })),
        collection: 'users',
      }) as unknown as Person
    people.editor = await person('writer')
    people.translator = await person('interpreter', ['de'])
  })
  afterAll(() => stopPayload(payload))

  it('adds no role fields of its own to the host’s users', () => {
    const names = payload.collections.users.config.fields.map((field) => ('name' in field ? field.name : undefined))
    expect(names).not.toContain('roles')
    expect(names).not.toContain('locales')
  })

  it('applies the editorial policy through the host’s mapping', async () => {
    const release = await payload.create({
      collection: 'press-releases',
      data: { title: 'Mapped roles', releaseDate: '2030-01-01T00:00:00.000Z', _status: 'published' } as never,
      overrideAccess: false,
      user: people.editor as never,
    })
    // The interpreter translates into German, as their `languages` say, and nothing else.
    await payload.update({
      collection: 'press-releases',
      id: release.id,
      data: { title: 'Zugeordnete Rollen' } as never,
      locale: 'de' as never,
      overrideAccess: false,
      user: people.translator as never,
    })
    await expect(
      payload.update({
        collection: 'press-releases',
        id: release.id,
        data: { title: 'Changed' } as never,
        locale: 'en',
        overrideAccess: false,
        user: people.translator as never,
      }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      payload.create({
        collection: 'press-releases',
        data: { title: 'Not mine', releaseDate: '2030-01-01T00:00:00.000Z' } as never,
        overrideAccess: false,
        user: people.translator as never,
      }),
    ).rejects.toMatchObject({ status: 403 })
    // Drafts are for staff only, and staff is what the mapping says.
    const draft = await payload.create({
      collection: 'press-releases',
      data: { title: 'Still a draft', releaseDate: '2030-01-02T00:00:00.000Z' } as never,
      overrideAccess: false,
      user: people.editor as never,
    })
    const titles = async (draft: boolean, user?: Person) =>
      (
        await payload.find({
          collection: 'press-releases',
          draft,
          locale: 'en',
          overrideAccess: false,
          user: user as never,
        })
      ).docs.map((doc) => doc.title)
    expect(await titles(false)).toEqual(['Mapped roles'])
    expect(await titles(true, people.translator)).toEqual(expect.arrayContaining(['Mapped roles', draft.title]))
  })
})
