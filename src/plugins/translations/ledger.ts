import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import type { TranslationLedger } from './status'

const RECORDS = 'translation-records'

type Key = { collection: string; document: number | string }

/** The ledgers of many documents of one collection, in one query. */
export async function readLedgers(
  req: PayloadRequest,
  collection: string,
  ids: (number | string)[],
): Promise<Map<string, TranslationLedger>> {
  if (!ids.length) return new Map()
  const { docs } = await req.payload.find({
    collection: RECORDS,
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    req,
    where: { and: [{ collection: { equals: collection } }, { document: { in: ids.map(String) } }] },
  })
  return new Map(docs.map((doc) => [doc.document, (doc.ledger ?? {}) as TranslationLedger]))
}

export async function readLedger(req: PayloadRequest, key: Key): Promise<TranslationLedger> {
  return (await readLedgers(req, key.collection, [key.document])).get(String(key.document)) ?? {}
}

export async function writeLedger(req: PayloadRequest, key: Key, ledger: TranslationLedger): Promise<void> {
  const where: Where = {
    and: [{ collection: { equals: key.collection } }, { document: { equals: String(key.document) } }],
  }
  const { docs } = await req.payload.find({
    collection: RECORDS,
    depth: 0,
    limit: 1,
    overrideAccess: true,
    req,
    where,
    select: {},
  })
  if (docs[0]) {
    await req.payload.update({
      collection: RECORDS,
      id: docs[0].id,
      data: { ledger },
      depth: 0,
      overrideAccess: true,
      req,
    })
  } else {
    await req.payload.create({
      collection: RECORDS,
      data: { collection: key.collection, document: String(key.document), ledger },
      depth: 0,
      overrideAccess: true,
      req,
    })
  }
}

export async function deleteLedger(req: PayloadRequest, key: Key): Promise<void> {
  await req.payload.delete({
    collection: RECORDS,
    overrideAccess: true,
    req,
    where: { and: [{ collection: { equals: key.collection } }, { document: { equals: String(key.document) } }] },
  })
}

/** A document of a collection read in every locale, latest draft included, without population. */
export const readAllLocales = (req: PayloadRequest, collection: CollectionSlug, id: number | string) =>
  req.payload.findByID({ collection, id, depth: 0, draft: true, locale: 'all', overrideAccess: true, req })
