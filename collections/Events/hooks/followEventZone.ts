import type { CollectionBeforeValidateHook } from 'payload'

import type { Event } from '@/payload-types'

type Zoned = Partial<Event> & { startDate_tz?: unknown; endDate_tz?: unknown }

/**
 * The zone an event is saved in: the admin's picker beside the start (`startDate_tz`) when it
 * chose another zone than the event had, else `timezone` as an API client sends it, else the zone
 * the event had. (Payload hands an update the stored document's fields too, so an unchanged
 * companion must not outvote a new `timezone`.)
 */
export function eventZone(data: Zoned, previous?: string | null): string | undefined {
  if (typeof data.startDate_tz === 'string' && data.startDate_tz && data.startDate_tz !== previous)
    return data.startDate_tz
  if (typeof data.timezone === 'string' && data.timezone) return data.timezone
  return previous ?? undefined
}

/**
 * Keeps one zone per event: the picker's choice goes into the stored `timezone`, and the required
 * dates' companions are filled so that Payload's date validation finds the zone it asks for.
 */
export const followEventZone: CollectionBeforeValidateHook<Event> = ({ data, originalDoc }) => {
  if (!data) return data
  const zoned = data as Zoned
  const zone = eventZone(zoned, originalDoc?.timezone)
  if (!zone) return data
  return { ...data, timezone: zone, startDate_tz: zone, endDate_tz: zone }
}
