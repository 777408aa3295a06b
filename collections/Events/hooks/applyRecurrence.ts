import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

import { buildRRule, recurrenceProblems, type Series } from '@/utilities/recurrence'

/**
 * Checks an event's recurrence and derives its RRULE from the form, on every save, drafts too (a
 * series that cannot be expanded must not wait for publishing to be refused). An update carries
 * only what changed: the stored document fills in the rest.
 */
export const applyRecurrence: CollectionBeforeChangeHook = ({ data, originalDoc, req, collection }) => {
  const recurrence = { ...originalDoc?.recurrence, ...data.recurrence }
  const series = { ...originalDoc, ...data, recurrence } as Series
  const problems = recurrenceProblems(series)
  if (problems.length) throw new ValidationError({ collection: collection.slug, errors: problems }, req.t)
  return { ...data, recurrence: { ...recurrence, rrule: buildRRule(series) } }
}
