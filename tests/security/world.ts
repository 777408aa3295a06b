import sharp from 'sharp'

import { PASSWORD, type RestClient, restClient, staffClients } from '../helpers/rest'
import { type RunningServer, startServer } from '../helpers/server'

/** Everyone who can ask: the roles, the public and the two kinds of API key. */
export const principals = ['anonymous', 'frontend-key', 'preview-key', 'translator', 'editor', 'admin'] as const
export type Principal = (typeof principals)[number]

/** Strings that exist only in private places: none may ever reach a reader outside the staff. */
export const SECRETS = {
  internalName: 'Zarina Secretname-Internal',
  internalEmail: 'zarina.internal@pressroom.test',
  consentNote: 'Consent-note: shelter address withheld',
  noConsentName: 'Farrukh Noconsent-Person',
  draftEventTitle: 'Draft event DRAFTSECRET',
  draftOfPublishedTitle: 'Unpublished edit DRAFTEDIT',
  embargoedTitle: 'Embargoed findings EMBARGOSECRET',
  draftReleaseTitle: 'Draft release DRAFTRELEASE',
  staffName: 'Staff Person STAFFNAME',
} as const

export type World = {
  server: RunningServer
  clients: Record<Principal, RestClient>
  /** The Authorization header of each principal ('' for anonymous). */
  authorization: Record<Principal, string>
  /** The session token of each staff member, for cookie spellings. */
  tokens: Record<'admin' | 'editor' | 'translator', string>
  ids: {
    publicSpeaker: number
    internalSpeaker: number
    noConsentSpeaker: number
    publishedEvent: number
    draftEvent: number
    embargoedRelease: number
    draftRelease: number
    publicRelease: number
    publicPhoto: number
    internalPhoto: number
    embargoedImage: number
    unusedImage: number
    markedPublicImage: number
    project: number
  }
  media: Record<
    'publicPhoto' | 'internalPhoto' | 'embargoedImage' | 'unusedImage' | 'markedPublicImage',
    { url: string; filename: string }
  >
}

const png = async (color: string) =>
  new Blob(
    [
      new Uint8Array(
        await sharp({ create: { width: 64, height: 48, channels: 3, background: color } })
          .png()
          .toBuffer(),
      ),
    ],
    { type: 'image/png' },
  )

const expectOk = <T extends { status: number; body: any }>(reply: T, what: string): T => {
  if (reply.status >= 300) throw new Error(`${what}: ${reply.status} ${JSON.stringify(reply.body)}`)
  return reply
}

/**
 * Boots the production server with a world of private things in it: an internal speaker with an
 * e-mail and a consent note, one who never consented, their photos, a draft event, a published
 * event with a newer unpublished draft, an embargoed release with its own image, a draft release.
 */
export async function buildWorld(env: Record<string, string> = {}): Promise<World> {
  const server = await startServer({ SEED_ON_START: 'false', LOGIN_RATE_LIMIT: '1000', ...env })
  const staff = await staffClients(server)
  const login = async (email: string) =>
    `JWT ${(await staff.anonymous.post('/api/users/login', { email, password: PASSWORD })).body.token}`
  const authorization = {
    anonymous: '',
    admin: await login('admin@pressroom.test'),
    editor: await login('editor@pressroom.test'),
    translator: await login('translator@pressroom.test'),
  } as Record<Principal, string>
  const key = async (kind: string) =>
    `api-keys API-Key ${expectOk(await staff.admin.post('/api/api-keys', { name: kind, kind }), 'api key').body.doc.key}`
  authorization['frontend-key'] = await key('frontend')
  authorization['preview-key'] = await key('preview')
  const clients = Object.fromEntries(
    principals.map((who) => [who, restClient(server, authorization[who] || undefined)]),
  ) as Record<Principal, RestClient>
  // The editor writes everything below, so `createdBy` of every document names this person.
  const editorId = (await staff.editor.get('/api/users/me')).body.user.id
  expectOk(await staff.admin.patch(`/api/users/${editorId}`, { name: SECRETS.staffName }), 'rename editor')

  const upload = async (color: string, name: string, data: Record<string, unknown> = {}) => {
    const form = new FormData()
    form.append('file', await png(color), name)
    form.append('_payload', JSON.stringify({ alt: `Picture ${name}`, ...data }))
    const reply = expectOk(await staff.admin.send('POST', '/api/media', { body: form }), `upload ${name}`)
    return reply.body.doc as { id: number; url: string; filename: string }
  }
  const publicPhoto = await upload('#284', 'public-photo.png')
  const internalPhoto = await upload('#c33', 'internal-photo.png')
  const embargoedImage = await upload('#33c', 'embargoed-image.png')
  const unusedImage = await upload('#999', 'unused-image.png')
  const markedPublicImage = await upload('#ccc', 'marked-public.png', { public: true })

  const create = async (collection: string, data: Record<string, unknown>) =>
    expectOk(await staff.editor.post(`/api/${collection}?depth=0`, data), collection).body.doc.id as number
  const publicSpeaker = await create('speakers', {
    name: 'Public Speaker',
    visibility: 'public',
    consent: { given: true },
    photo: publicPhoto.id,
  })
  const internalSpeaker = await create('speakers', {
    name: SECRETS.internalName,
    visibility: 'internal',
    consent: { given: true, note: SECRETS.consentNote },
    email: SECRETS.internalEmail,
    photo: internalPhoto.id,
  })
  const noConsentSpeaker = await create('speakers', {
    name: SECRETS.noConsentName,
    visibility: 'public',
    consent: { given: false },
  })
  const project = await create('projects', {
    title: 'A public project',
    coordinator: internalSpeaker,
    _status: 'published',
  })
  const event = (title: string, extra: Record<string, unknown> = {}) => ({
    title,
    startDate: '2030-06-01T05:00:00.000Z',
    endDate: '2030-06-01T12:00:00.000Z',
    timezone: 'Asia/Dushanbe',
    ...extra,
  })
  const speakers = [publicSpeaker, internalSpeaker, noConsentSpeaker].map((speaker) => ({
    speaker,
    role: 'speaker',
    topic: `Topic of ${speaker}`,
  }))
  const publishedEvent = await create(
    'events',
    event('Published conference', {
      speakers,
      programme: [{ title: 'Opening', speakers: [publicSpeaker, internalSpeaker] }],
      project,
      _status: 'published',
    }),
  )
  expectOk(
    await staff.editor.patch(`/api/events/${publishedEvent}?draft=true`, { title: SECRETS.draftOfPublishedTitle }),
    'draft edit',
  )
  const draftEvent = await create('events', event(SECRETS.draftEventTitle, { speakers, _status: 'draft' }))
  const release = (title: string, extra: Record<string, unknown>) => ({
    title,
    releaseDate: '2030-05-31T00:00:00.000Z',
    ...extra,
  })
  const embargoedRelease = await create(
    'press-releases',
    release(SECRETS.embargoedTitle, {
      embargoUntil: '2099-01-01T00:00:00.000Z',
      featuredImage: embargoedImage.id,
      events: [draftEvent, publishedEvent],
      _status: 'published',
    }),
  )
  const draftRelease = await create('press-releases', release(SECRETS.draftReleaseTitle, { _status: 'draft' }))
  const publicRelease = await create(
    'press-releases',
    release('Public release', {
      quotes: [
        { speaker: internalSpeaker, text: 'A quote by a hidden person' },
        { speaker: publicSpeaker, text: 'A public quote' },
      ],
      events: [publishedEvent],
      _status: 'published',
    }),
  )
  const tokens = {
    admin: authorization.admin.slice(4),
    editor: authorization.editor.slice(4),
    translator: authorization.translator.slice(4),
  }
  const media = { publicPhoto, internalPhoto, embargoedImage, unusedImage, markedPublicImage }
  return {
    server,
    clients,
    authorization,
    tokens,
    ids: {
      publicSpeaker,
      internalSpeaker,
      noConsentSpeaker,
      publishedEvent,
      draftEvent,
      embargoedRelease,
      draftRelease,
      publicRelease,
      project,
      publicPhoto: publicPhoto.id,
      internalPhoto: internalPhoto.id,
      embargoedImage: embargoedImage.id,
      unusedImage: unusedImage.id,
      markedPublicImage: markedPublicImage.id,
    },
    media,
  }
}

/** Which of the secrets a text contains. */
export const leakedIn = (text: string, secrets: readonly string[] = Object.values(SECRETS)): string[] =>
  secrets.filter((secret) => text.includes(secret))

/** Secrets the public and frontend keys must never see; preview keys may read drafts and embargoed text. */
export const secretsFor = (who: Principal): string[] => {
  const people = [
    SECRETS.internalName,
    SECRETS.internalEmail,
    SECRETS.consentNote,
    SECRETS.noConsentName,
    SECRETS.staffName,
  ]
  if (who === 'preview-key') return people
  if (who === 'anonymous' || who === 'frontend-key')
    return [
      ...people,
      SECRETS.draftEventTitle,
      SECRETS.draftOfPublishedTitle,
      SECRETS.embargoedTitle,
      SECRETS.draftReleaseTitle,
    ]
  return []
}
