import type { Payload } from 'payload'

/** The soonest embargo still ahead: anything cached for the public must not outlive it. */
export async function nextEmbargoLift(payload: Payload): Promise<number | undefined> {
  const now = new Date().toISOString()
  const { docs } = await payload.find({
    collection: 'press-releases',
    where: { embargoUntil: { greater_than: now } },
    sort: 'embargoUntil',
    limit: 1,
    depth: 0,
    pagination: false,
    // Only the date is read and only its time is used: no release is returned to anyone.
    overrideAccess: true,
    select: { embargoUntil: true },
  })
  return docs[0]?.embargoUntil ? Date.parse(docs[0].embargoUntil) : undefined
}
