import sharp from 'sharp'

/** Who asks: the three roles, the public, and the two kinds of API key. */
export const actors = ['admin', 'editor', 'translator', 'public', 'frontend-key', 'preview-key'] as const
export type Actor = (typeof actors)[number]
export const operations = ['create', 'read', 'readDrafts', 'update', 'publish', 'delete'] as const
export type Operation = (typeof operations)[number]

const staff: Actor[] = ['admin', 'editor', 'translator']
const everyone: Actor[] = [...actors]
const writers: Actor[] = ['admin', 'editor']

export type Fixtures = { organisationId: number | string; pressReleaseId: number | string }

export type CollectionRules = {
  /** A valid document to create. */
  sample: () => Record<string, unknown>
  /** The field the update cell writes: localized ones in the translator's locale. */
  updateField: string
  versioned: boolean
  upload?: boolean
  allowed: Partial<Record<Operation, Actor[]>>
}

const unique = () => Math.random().toString(36).slice(2, 8)
const event = () => ({
  title: `Event ${unique()}`,
  startDate: '2026-06-01T05:00:00.000Z',
  endDate: '2026-06-01T12:00:00.000Z',
  timezone: 'UTC',
  eventType: 'seminar',
  status: 'scheduled',
  attendanceMode: 'online',
})

/** Expected answers, cell by cell: an actor not listed is refused. */
export const rules = ({ organisationId, pressReleaseId }: Fixtures): Record<string, CollectionRules> => ({
  events: {
    sample: event,
    updateField: 'title',
    versioned: true,
    allowed: {
      create: writers,
      read: everyone,
      readDrafts: [...staff, 'preview-key'],
      update: staff,
      publish: writers,
      delete: writers,
    },
  },
  'press-releases': {
    sample: () => ({ title: `Release ${unique()}`, releaseDate: '2026-05-31T00:00:00.000Z' }),
    updateField: 'title',
    versioned: true,
    allowed: {
      create: writers,
      read: everyone,
      readDrafts: [...staff, 'preview-key'],
      update: staff,
      publish: writers,
      delete: writers,
    },
  },
  projects: {
    sample: () => ({ title: `Project ${unique()}` }),
    updateField: 'title',
    versioned: true,
    allowed: {
      create: writers,
      read: everyone,
      readDrafts: [...staff, 'preview-key'],
      update: staff,
      publish: writers,
      delete: writers,
    },
  },
  'donor-notices': {
    sample: () => ({
      name: `Notice ${unique()}`,
      donor: organisationId,
      statement: 'Funded by the European Union',
      fundingType: 'funded',
    }),
    updateField: 'statement',
    versioned: true,
    allowed: {
      create: writers,
      read: everyone,
      readDrafts: [...staff, 'preview-key'],
      update: staff,
      publish: writers,
      delete: writers,
    },
  },
  organisations: {
    sample: () => ({ name: `Organisation ${unique()}`, organisationType: 'ngo' }),
    updateField: 'name',
    versioned: false,
    allowed: { create: writers, read: everyone, update: staff, delete: writers },
  },
  speakers: {
    sample: () => ({ name: `Speaker ${unique()}`, visibility: 'public', consent: { given: true } }),
    updateField: 'name',
    versioned: false,
    allowed: { create: writers, read: everyone, update: staff, delete: writers },
  },
  media: {
    // Marked public: a file nobody public uses is the staff's alone (tests/security/hidden-traces.spec.ts).
    sample: () => ({ alt: `Image ${unique()}`, public: true }),
    updateField: 'alt',
    versioned: false,
    upload: true,
    allowed: { create: writers, read: everyone, update: staff, delete: writers },
  },
  'preview-links': {
    sample: () => ({ sharedWith: `Desk ${unique()}`, pressRelease: pressReleaseId }),
    updateField: 'sharedWith',
    versioned: false,
    allowed: { create: writers, read: writers, update: writers, delete: writers },
  },
  'api-keys': {
    sample: () => ({ name: `Key ${unique()}`, kind: 'frontend' }),
    updateField: 'name',
    versioned: false,
    allowed: { create: ['admin'], read: ['admin'], update: ['admin'], delete: ['admin'] },
  },
  users: {
    sample: () => ({
      name: `User ${unique()}`,
      email: `${unique()}@pressroom.test`,
      password: 'correct horse battery staple',
      roles: ['editor'],
    }),
    updateField: 'name',
    versioned: false,
    // Reading, changing or deleting another person's account; one's own is tested apart. Staff read
    // each other's names, not their e-mail addresses (tests/int/staff-names.int.spec.ts).
    allowed: { create: ['admin'], read: ['admin', 'editor', 'translator'], update: ['admin'], delete: ['admin'] },
  },
})

export const isAllowed = (rule: CollectionRules, operation: Operation, actor: Actor): boolean =>
  (rule.allowed[operation] ?? []).includes(actor)

/** The cells that exist: publish and draft reads only for collections with drafts; updates only where something is updatable. */
export const cellsOf = (rule: CollectionRules): Operation[] =>
  operations.filter((operation) => (operation === 'publish' || operation === 'readDrafts' ? rule.versioned : true))

export const tinyPng = (): Promise<Buffer> =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } })
    .png()
    .toBuffer()

export type Outcome = { allowed: boolean; doc?: Record<string, any> }
export type ReadOptions = { draft?: boolean; locale?: string }
export type WriteOptions = { locale?: string; draft?: boolean }

/** One way of calling Pressroom (the Local API or HTTP) as a given actor. */
export interface Executor {
  create(collection: string, data: Record<string, unknown>, actor: Actor, upload?: boolean): Promise<Outcome>
  read(collection: string, id: number | string, actor: Actor, options?: ReadOptions): Promise<Outcome>
  update(
    collection: string,
    id: number | string,
    data: Record<string, unknown>,
    actor: Actor,
    options?: WriteOptions,
  ): Promise<Outcome>
  delete(collection: string, id: number | string, actor: Actor): Promise<Outcome>
}

/** A refusal is 401, 403 or 404; anything else that is not a success is a bug, not a denial. */
export const isRefusal = (status: number): boolean => status === 401 || status === 403 || status === 404

/**
 * Runs one cell: prepares what it needs as admin, performs the operation as the actor, and says
 * whether the operation went through (checking that an allowed write really wrote).
 */
export async function runCell(
  run: Executor,
  rule: CollectionRules,
  collection: string,
  operation: Operation,
  actor: Actor,
): Promise<boolean> {
  const prepare = async (status?: 'draft' | 'published') => {
    const data = { ...rule.sample(), ...(status ? { _status: status } : {}) }
    const created = await run.create(collection, data, 'admin', rule.upload)
    if (!created.allowed || !created.doc) throw new Error(`admin could not prepare a ${collection} document`)
    return created.doc
  }
  const writeOptions = rule.versioned ? { locale: 'ru', draft: true } : { locale: 'ru' }
  switch (operation) {
    case 'create':
      return (await run.create(collection, rule.sample(), actor, rule.upload)).allowed
    case 'read': {
      const doc = await prepare(rule.versioned ? 'published' : undefined)
      const outcome = await run.read(collection, doc.id, actor)
      return outcome.allowed && String(outcome.doc?.id) === String(doc.id)
    }
    case 'readDrafts': {
      const doc = await prepare('draft')
      const outcome = await run.read(collection, doc.id, actor, { draft: true })
      return outcome.allowed && outcome.doc?.[rule.updateField] === doc[rule.updateField]
    }
    case 'update': {
      const doc = await prepare(rule.versioned ? 'published' : undefined)
      const value = `Перевод ${Math.random().toString(36).slice(2, 6)}`
      const outcome = await run.update(collection, doc.id, { [rule.updateField]: value }, actor, writeOptions)
      if (!outcome.allowed) return false
      const check = await run.read(collection, doc.id, 'admin', { draft: rule.versioned, locale: 'ru' })
      return check.doc?.[rule.updateField] === value
    }
    case 'publish': {
      const doc = await prepare('draft')
      const outcome = await run.update(collection, doc.id, { _status: 'published' }, actor, { locale: 'ru' })
      return outcome.allowed && outcome.doc?._status === 'published'
    }
    case 'delete': {
      const doc = await prepare(rule.versioned ? 'published' : undefined)
      const outcome = await run.delete(collection, doc.id, actor)
      return outcome.allowed && !(await run.read(collection, doc.id, 'admin')).allowed
    }
  }
}
