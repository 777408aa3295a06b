import type { CollectionBeforeChangeHook } from 'payload'

/** The iCalendar SEQUENCE after a write: it grows with each published change, so calendars take the update. */
export function nextSequence(
  previous: number | null | undefined,
  operation: 'create' | 'update',
  status?: string,
): number {
  const current = previous ?? 0
  if (operation === 'create') return 0
  return status === 'draft' ? current : current + 1
}

export const bumpSequence: CollectionBeforeChangeHook = ({ data, operation, originalDoc }) => ({
  ...data,
  icalSequence: nextSequence(originalDoc?.icalSequence, operation, data._status ?? originalDoc?._status),
})
