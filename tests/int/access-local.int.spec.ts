import { type CollectionSlug, type Payload } from 'payload'

import {
  type Actor,
  actors,
  cellsOf,
  type Executor,
  isAllowed,
  isRefusal,
  type Outcome,
  rules,
  runCell,
  tinyPng,
} from '../helpers/matrix'
import { createUser, startPayload, stopPayload } from '../helpers/payload'

/** The Local API with `overrideAccess: false` and a real principal for every actor. */
function localExecutor(payload: Payload, principals: Partial<Record<Actor, any>>, png: Buffer): Executor {
  const attempt = async (call: () => Promise<any>): Promise<Outcome> => {
    try {
      return { allowed: true, doc: await call() }
    } catch (error) {
      const status = (error as { status?: number }).status ?? 500
      if (isRefusal(status)) return { allowed: false }
      throw error
    }
  }
  const as = (actor: Actor) => ({ overrideAccess: false as const, user: principals[actor], depth: 0 })
  return {
    create: (collection, data, actor, upload) =>
      attempt(() =>
        payload.create({
          collection: collection as CollectionSlug,
          data: data as never,
          ...(upload
            ? { file: { data: png, mimetype: 'image/png', name: `${Date.now()}.png`, size: png.length } }
            : {}),
          ...as(actor),
        }),
      ),
    read: (collection, id, actor, { draft, locale } = {}) =>
      attempt(() =>
        payload.findByID({ collection: collection as CollectionSlug, id, draft, locale: locale as 'en', ...as(actor) }),
      ),
    update: (collection, id, data, actor, { locale, draft } = {}) =>
      attempt(() =>
        payload.update({
          collection: collection as CollectionSlug,
          id,
          data: data as never,
          locale: locale as 'en',
          draft,
          ...as(actor),
        }),
      ),
    delete: (collection, id, actor) =>
      attempt(() => payload.delete({ collection: collection as CollectionSlug, id, ...as(actor) })),
  }
}

describe('access matrix through the Local API (overrideAccess: false)', () => {
  let payload: Payload
  let run: Executor
  let table: ReturnType<typeof rules>

  beforeAll(async () => {
    payload = await startPayload()
    const admin = await createUser(payload, 'admin')
    const editor = await createUser(payload, 'editor')
    const translator = await createUser(payload, 'translator', { locales: ['ru'] })
    const key = async (kind: 'frontend' | 'preview') => ({
      ...(await payload.create({ collection: 'api-keys', data: { name: kind, kind } })),
      collection: 'api-keys',
    })
    const principals = {
      admin,
      editor,
      translator,
      'frontend-key': await key('frontend'),
      'preview-key': await key('preview'),
    }
    run = localExecutor(payload, principals, await tinyPng())
    const organisationId = (
      await payload.create({ collection: 'organisations', data: { name: 'EU', organisationType: 'donor' } })
    ).id
    const pressReleaseId = (
      await payload.create({
        collection: 'press-releases',
        data: { title: 'Fixture', releaseDate: '2026-05-31T00:00:00.000Z' },
      })
    ).id
    table = rules({ organisationId, pressReleaseId })
  })
  afterAll(() => stopPayload(payload))

  const cells = Object.entries(rules({ organisationId: 0, pressReleaseId: 0 })).flatMap(([collection, rule]) =>
    cellsOf(rule).flatMap((operation) =>
      actors.map((actor) => ({ collection, operation, actor, expected: isAllowed(rule, operation, actor) })),
    ),
  )

  it.each(cells)(
    '$collection · $operation · $actor → allowed: $expected',
    async ({ collection, operation, actor, expected }) => {
      expect(await runCell(run, table[collection], collection, operation, actor)).toBe(expected)
    },
  )
})
