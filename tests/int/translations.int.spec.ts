import { copyDataFromLocale } from '@payloadcms/ui/utilities/copyDataFromLocale'
import { createLocalReq, type Payload } from 'payload'

import type { User } from '@/payload-types'
import { exportExchange } from '@/plugins/translations/exchange'
import { importTranslations } from '@/plugins/translations/importTranslations'
import { buildPo } from '@/plugins/translations/po'
import { parseImportText } from '@/plugins/translations/readImport'
import { translationStatus } from '@/plugins/translations/report'
import type { TranslationLedger } from '@/plugins/translations/status'
import { seed } from '@/seed'

import { createUser, startPayload, stopPayload } from '../helpers/payload'

type Principal = User & { collection: 'users' }

describe('translation status through the Local API, with real users', () => {
  let payload: Payload
  let editor: Principal
  let translator: Principal

  const as = (user: Principal) => ({ user, overrideAccess: false as const })
  const ledgerOf = async (collection: string, id: number | string) =>
    (
      await payload.find({
        collection: 'translation-records',
        where: { and: [{ collection: { equals: collection } }, { document: { equals: String(id) } }] },
        overrideAccess: true,
      })
    ).docs[0]
  const statusOf = async (user: Principal, collection: string, id: number | string, locale = 'ru') => {
    const req = await createLocalReq({ user }, payload)
    const report = await translationStatus(req, {
      collections: [collection],
      locales: [locale],
      id: String(id),
      limit: 10,
      page: 1,
    })
    return report.documents[0]?.locales[locale]
  }
  const organisation = (name: string) =>
    payload.create({
      collection: 'organisations',
      data: { name, city: 'Bishkek', organisationType: 'ngo' },
      ...as(editor),
    })

  beforeAll(async () => {
    payload = await startPayload()
    editor = await createUser(payload, 'editor')
    translator = await createUser(payload, 'translator', { locales: ['ru'] })
  })
  afterAll(() => stopPayload(payload))

  it('records, per field, the source a translator translated from', async () => {
    const org = await organisation('Legal Aid Network')
    expect(await ledgerOf('organisations', org.id)).toBeUndefined()
    expect((await statusOf(editor, 'organisations', org.id))?.status).toBe('missing')

    await payload.update({
      collection: 'organisations',
      id: org.id,
      locale: 'ru',
      data: { name: 'Сеть правовой помощи' },
      ...as(translator),
    })
    const record = await ledgerOf('organisations', org.id)
    const ledger = record?.ledger as TranslationLedger
    expect(Object.keys(ledger.ru)).toEqual(['name'])
    expect(ledger.ru.name).toMatchObject({ by: translator.id, source: expect.any(String), target: expect.any(String) })
    const cell = await statusOf(translator, 'organisations', org.id)
    expect(cell?.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'name', status: 'translated' }),
        expect.objectContaining({ path: 'city', status: 'missing' }),
      ]),
    )
    expect(cell?.status).toBe('missing')

    await payload.update({
      collection: 'organisations',
      id: org.id,
      locale: 'en',
      data: { name: 'Legal Aid Network of Central Asia' },
      ...as(editor),
    })
    expect((await statusOf(editor, 'organisations', org.id))?.fields.find((f) => f.path === 'name')?.status).toBe(
      'stale',
    )
    // A save in English records nothing: the translation is still the one made from the old text.
    expect((await ledgerOf('organisations', org.id))?.ledger).toEqual(record?.ledger)

    await payload.delete({ collection: 'organisations', id: org.id, ...as(editor) })
    expect(await ledgerOf('organisations', org.id)).toBeUndefined()
  })

  it('supports Payload’s copy-to-locale as a starting point, flagged as the same as the source', async () => {
    const org = await organisation('Public Foundation Nota Bene')
    const req = await createLocalReq({ user: translator }, payload)
    await copyDataFromLocale({
      collectionSlug: 'organisations',
      docID: org.id,
      fromLocale: 'en',
      toLocale: 'ru',
      req,
    } as never)
    const russian = await payload.findByID({
      collection: 'organisations',
      id: org.id,
      locale: 'ru',
      fallbackLocale: false,
      ...as(editor),
    })
    expect(russian).toMatchObject({ name: 'Public Foundation Nota Bene', city: 'Bishkek' })
    const cell = await statusOf(editor, 'organisations', org.id)
    expect(cell?.status).toBe('translated')
    expect(cell?.fields.every((field) => field.sameAsSource)).toBe(true)

    // Not into a locale the translator does not translate.
    const kk = await createLocalReq({ user: translator }, payload)
    await expect(
      copyDataFromLocale({
        collectionSlug: 'organisations',
        docID: org.id,
        fromLocale: 'en',
        toLocale: 'kk',
        req: kk,
      } as never),
    ).rejects.toMatchObject({ status: 403 })
    expect(
      (
        await payload.findByID({
          collection: 'organisations',
          id: org.id,
          locale: 'kk',
          fallbackLocale: false,
          ...as(editor),
        })
      ).name,
    ).toBeFalsy()
  })

  it('imports a PO file through the Local API with the translator’s own access, into their languages only', async () => {
    const org = await organisation('Human Rights Centre')
    const req = await createLocalReq({ user: translator }, payload)
    const exchange = await exportExchange(req, {
      collection: 'organisations',
      ids: [String(org.id)],
      source: 'en',
      target: 'ru',
    })
    const filled = buildPo(exchange).replace(/msgid "([^"\n]+)"\nmsgstr ""/g, 'msgid "$1"\nmsgstr "[ru] $1"')
    const report = await importTranslations(req, await parseImportText('po', filled))
    expect(report.summary).toMatchObject({ applied: 2, rejected: 0 })
    const russian = await payload.findByID({
      collection: 'organisations',
      id: org.id,
      locale: 'ru',
      fallbackLocale: false,
      draft: true,
      ...as(editor),
    })
    expect(russian).toMatchObject({ name: '[ru] Human Rights Centre', city: '[ru] Bishkek' })
    expect((await statusOf(editor, 'organisations', org.id))?.status).toBe('translated')

    const kazakh = await importTranslations(
      req,
      await parseImportText('po', filled.replace('Language: ru', 'Language: kk')),
    )
    expect(kazakh.summary).toMatchObject({ applied: 0, rejected: 2 })
    expect(kazakh.units[0].reason).toMatch(/^Not saved: /)
    expect(
      (
        await payload.findByID({
          collection: 'organisations',
          id: org.id,
          locale: 'kk',
          fallbackLocale: false,
          ...as(editor),
        })
      ).name,
    ).toBeFalsy()
  })

  it('gives the seeded Russian titles a ledger, so the demo starts with true statuses', async () => {
    await seed(payload)
    const { docs } = await payload.find({ collection: 'press-releases', limit: 1, ...as(editor) })
    const cell = await statusOf(editor, 'press-releases', docs[0].id)
    expect(cell?.fields.find((field) => field.path === 'title')?.status).toBe('translated')
    expect(cell?.fields.find((field) => field.path === 'body')?.status).toBe('missing')
    expect(cell?.published).toBe(true)
    const kazakh = await statusOf(editor, 'press-releases', docs[0].id, 'kk')
    expect(kazakh).toMatchObject({ status: 'missing', published: false })
  })
})
