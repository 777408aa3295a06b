import { DateTime, type Duration } from 'luxon'
import * as rruleModule from 'rrule'

// rrule ships CommonJS to Node (its namespace is under `default`) and ES modules to bundlers.
const { RRule } = ((rruleModule as unknown as { default?: typeof rruleModule }).default ??
  rruleModule) as typeof rruleModule
type Options = ConstructorParameters<typeof RRule>[0]

export const frequencies = ['daily', 'weekly', 'monthly', 'yearly'] as const
export const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const
/** Each RRULE day's English name: the admin's labels, and schema.org's DayOfWeek members. */
export const weekdayNames = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
} as const satisfies Record<(typeof weekdays)[number], string>
export type Frequency = (typeof frequencies)[number]
export type Weekday = (typeof weekdays)[number]

/** The most occurrences one series may have: a daily series for two years. */
export const MAX_OCCURRENCES = 730

/** The recurrence form as editors fill it (the `recurrence` group of an event). */
export type RecurrenceForm = {
  frequency?: Frequency | null
  interval?: number | null
  weekdays?: Weekday[] | null
  until?: string | null
  count?: number | null
}

export type OccurrenceChange = {
  occurrenceStart?: string | null
  cancelled?: boolean | null
  start?: string | null
  end?: string | null
  venue?: string | null
  id?: string | null
}

/** What the expansion needs of an event. */
export type Series = {
  startDate: string
  endDate: string
  timezone?: string | null
  recurrence?: RecurrenceForm | null
  excludedDates?: { date?: string | null }[] | null
  occurrenceChanges?: OccurrenceChange[] | null
}

export type Problem = { path: string; message: string }

export type Occurrence = {
  /** The occurrence as the series places it: its RECURRENCE-ID, and what changes name. */
  originalStart: string
  start: string
  end: string
  cancelled: boolean
  /** Another venue for this occurrence, if the editor gave one. */
  venue?: string
  changed: boolean
}

const freqOf: Record<Frequency, number> = {
  daily: RRule.DAILY,
  weekly: RRule.WEEKLY,
  monthly: RRule.MONTHLY,
  yearly: RRule.YEARLY,
}
const dayOf: Record<Weekday, number> = { MO: 0, TU: 1, WE: 2, TH: 3, FR: 4, SA: 5, SU: 6 }

const zoneOf = (series: Pick<Series, 'timezone'>) => series.timezone || 'UTC'
// Hooks may see a date as a Date as well as an ISO string.
const instant = (at: string | Date) =>
  at instanceof Date ? DateTime.fromJSDate(at, { zone: 'utc' }) : DateTime.fromISO(at, { zone: 'utc' })

/**
 * rrule works on "floating" dates: a Date whose UTC fields are the wall-clock time. Expanding in
 * the event's local time and converting each result with luxon keeps 09:00 at 09:00 across a
 * daylight-saving change, which expanding UTC instants would not.
 */
const toFloating = (iso: string, zone: string): Date => {
  const local = instant(iso).setZone(zone)
  return new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second))
}
const fromFloating = (date: Date, zone: string): DateTime =>
  DateTime.fromObject(
    {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
      second: date.getUTCSeconds(),
    },
    { zone },
  ).toUTC()

/** The local date (YYYY-MM-DD, in the event's zone) an instant falls on: how exclusions and changes name an occurrence. */
export const localDay = (iso: string, zone: string): string => instant(iso).setZone(zone).toISODate() ?? ''

export const isRecurring = (series: Pick<Series, 'recurrence'>): boolean => Boolean(series.recurrence?.frequency)

const optionsOf = (series: Series, { floating }: { floating: boolean }): Options | undefined => {
  const form = series.recurrence
  if (!form?.frequency) return undefined
  const zone = zoneOf(series)
  const until = form.until ? (floating ? toFloating(form.until, zone) : instant(form.until).toJSDate()) : null
  return {
    freq: freqOf[form.frequency],
    interval: form.interval ?? 1,
    byweekday: form.weekdays?.length ? form.weekdays.map((day) => dayOf[day]) : null,
    count: form.count ?? null,
    until,
    ...(floating ? { dtstart: toFloating(series.startDate, zone) } : {}),
  }
}

/**
 * The RFC 5545 RRULE value of the form (without `RRULE:`), or null for an event that does not
 * recur. UNTIL is in UTC, as RFC 5545 requires beside a DTSTART with a TZID.
 */
export function buildRRule(series: Series): string | null {
  const options = optionsOf(series, { floating: false })
  if (!options) return null
  const text = RRule.optionsToString({ ...options, interval: options.interval === 1 ? undefined : options.interval })
  return text.replace(/^RRULE:/, '')
}

/** The series' own starts (before exclusions and changes), up to `max` of them, from `after` if given. */
function seriesStarts(
  series: Series,
  { before, after, max }: { before?: string; after?: string; max: number },
): DateTime[] {
  const zone = zoneOf(series)
  const options = optionsOf(series, { floating: true })
  if (!options) return [instant(series.startDate)]
  const rule = new RRule(options)
  // A day's margin each side in floating time; the exact range is applied to the real instants.
  const dayMs = 86_400_000
  const from = after ? new Date(toFloating(after, zone).getTime() - dayMs) : options.dtstart!
  const to = before ? new Date(toFloating(before, zone).getTime() + dayMs) : undefined
  const found: Date[] = []
  const keep = (date: Date) => {
    found.push(date)
    return found.length < max
  }
  if (to) rule.between(from, to, true, (date) => keep(date))
  else rule.all((date) => keep(date))
  return found.map((date) => fromFloating(date, zone))
}

/**
 * Everything wrong with an event's recurrence, each with the field's path and a sentence for the
 * editor. Pure: the collection's hook turns the list into Payload's 400.
 */
export function recurrenceProblems(series: Series): Problem[] {
  const problems: Problem[] = []
  const form = series.recurrence ?? {}
  const zone = zoneOf(series)
  if (!form.frequency) {
    if (form.count != null || form.until || form.weekdays?.length) {
      problems.push({
        path: 'recurrence.frequency',
        message: 'Choose how often the event repeats, or clear the other recurrence fields.',
      })
    }
    if (series.excludedDates?.length)
      problems.push({ path: 'excludedDates', message: 'Only a recurring event has dates to exclude.' })
    if (series.occurrenceChanges?.length)
      problems.push({ path: 'occurrenceChanges', message: 'Only a recurring event has occurrences to change.' })
    return problems
  }
  if (!frequencies.includes(form.frequency))
    problems.push({ path: 'recurrence.frequency', message: `Unknown frequency: use one of ${frequencies.join(', ')}.` })
  if (form.interval != null && (!Number.isInteger(form.interval) || form.interval < 1 || form.interval > 1000)) {
    problems.push({
      path: 'recurrence.interval',
      message: 'The interval is a whole number from 1 (every time) to 1000.',
    })
  }
  for (const day of form.weekdays ?? []) {
    if (!weekdays.includes(day))
      problems.push({ path: 'recurrence.weekdays', message: `Unknown weekday "${day}": use ${weekdays.join(', ')}.` })
  }
  if (form.count != null && form.until) {
    problems.push({
      path: 'recurrence.count',
      message: 'Give either a number of occurrences or an end date, not both.',
    })
  }
  if (form.count != null && (!Number.isInteger(form.count) || form.count < 1 || form.count > MAX_OCCURRENCES)) {
    problems.push({
      path: 'recurrence.count',
      message: `The number of occurrences is a whole number from 1 to ${MAX_OCCURRENCES}.`,
    })
  }
  if (form.until && series.startDate && instant(form.until) < instant(series.startDate)) {
    problems.push({ path: 'recurrence.until', message: 'The series must end after its first occurrence starts.' })
  }
  // A draft without its dates yet: nothing to expand until it has them.
  if (problems.length || !series.startDate || !instant(series.startDate).isValid) return problems

  if (form.until && seriesStarts(series, { max: MAX_OCCURRENCES + 1 }).length > MAX_OCCURRENCES) {
    problems.push({
      path: 'recurrence.until',
      message: `The series would have more than ${MAX_OCCURRENCES} occurrences: end it sooner or repeat less often.`,
    })
    return problems
  }
  // Exclusions and changes must name a day the series has: anything else would silently do nothing.
  const named = [
    ...(series.excludedDates ?? []).map((row, index) => ({ at: row.date, path: `excludedDates.${index}.date` })),
    ...(series.occurrenceChanges ?? []).map((row, index) => ({
      at: row.occurrenceStart,
      path: `occurrenceChanges.${index}.occurrenceStart`,
    })),
  ]
  const last = named.reduce<string | undefined>(
    (latest, { at }) => (at && (!latest || at > latest) ? at : latest),
    undefined,
  )
  const days = last
    ? new Set(
        seriesStarts(series, { before: last, max: MAX_OCCURRENCES * 10 }).map((start) =>
          localDay(start.toISO()!, zone),
        ),
      )
    : new Set<string>()
  for (const { at, path } of named) {
    if (!at) problems.push({ path, message: 'Choose the date of the occurrence.' })
    else if (!days.has(localDay(at, zone)))
      problems.push({ path, message: `The series has no occurrence on ${localDay(at, zone)}.` })
  }
  ;(series.occurrenceChanges ?? []).forEach((change, index) => {
    if (change.start && change.end && instant(change.end) <= instant(change.start)) {
      problems.push({
        path: `occurrenceChanges.${index}.end`,
        message: 'The moved occurrence must end after it starts.',
      })
    }
  })
  return problems
}

/** One occurrence the series starts at `start`, after its change if it has one. */
function occurrenceOf(start: DateTime, change: OccurrenceChange | undefined, duration: Duration): Occurrence {
  const movedStart = change?.start ? instant(change.start) : start
  const movedEnd = change?.end ? instant(change.end) : movedStart.plus(duration)
  return {
    originalStart: start.toUTC().toISO()!,
    start: movedStart.toUTC().toISO()!,
    end: movedEnd.toUTC().toISO()!,
    cancelled: Boolean(change?.cancelled),
    ...(change?.venue ? { venue: change.venue } : {}),
    changed: Boolean(change && (change.cancelled || change.start || change.end || change.venue)),
  }
}

const durationOf = (series: Series) => instant(series.endDate).diff(instant(series.startDate))
const changesByDay = (series: Series, zone: string) =>
  new Map(
    (series.occurrenceChanges ?? []).flatMap((row) =>
      row.occurrenceStart ? [[localDay(row.occurrenceStart, zone), row] as const] : [],
    ),
  )

/**
 * The occurrences of an event that overlap [from, to), sorted by start: one for an event that does
 * not recur; exclusions left out; each change applied (cancelled ones kept, marked, so calendars
 * can say so). At most `max`.
 */
export function expandOccurrences(
  series: Series,
  { from, to, max = MAX_OCCURRENCES }: { from: string; to: string; max?: number },
): Occurrence[] {
  const zone = zoneOf(series)
  const duration = durationOf(series)
  const excluded = new Set((series.excludedDates ?? []).flatMap((row) => (row.date ? [localDay(row.date, zone)] : [])))
  const changes = changesByDay(series, zone)
  // A moved occurrence may land in the range from outside it: widen the scan by the largest move each way.
  const shifts = [...changes.values()].flatMap((row) =>
    row.start && row.occurrenceStart ? [instant(row.start).diff(instant(row.occurrenceStart)).as('milliseconds')] : [],
  )
  const later = Math.max(0, ...shifts)
  const earlier = Math.max(0, ...shifts.map((shift) => -shift))
  const scanFrom = instant(from).minus(duration).minus({ milliseconds: later })
  const scanTo = instant(to).plus({ milliseconds: earlier })
  const starts = isRecurring(series)
    ? seriesStarts(series, { after: scanFrom.toISO()!, before: scanTo.toISO()!, max: MAX_OCCURRENCES * 2 })
    : [instant(series.startDate)]
  const occurrences: Occurrence[] = []
  for (const start of starts) {
    const originalStart = start.toISO()!
    const day = localDay(originalStart, zone)
    if (isRecurring(series) && excluded.has(day)) continue
    const change = isRecurring(series) ? changes.get(day) : undefined
    const occurrence = occurrenceOf(start, change, duration)
    if (instant(occurrence.end) <= instant(from) || instant(occurrence.start) >= instant(to)) continue
    occurrences.push(occurrence)
  }
  return occurrences.sort((a, b) => a.start.localeCompare(b.start)).slice(0, max)
}

/** The series' starts that are excluded, as the instants they would have had (for EXDATE). */
export function excludedStarts(series: Series): string[] {
  if (!isRecurring(series) || !series.excludedDates?.length) return []
  const zone = zoneOf(series)
  const days = new Set(series.excludedDates.flatMap((row) => (row.date ? [localDay(row.date, zone)] : [])))
  const last = series.excludedDates.reduce(
    (latest, row) => (row.date && row.date > latest ? row.date : latest),
    series.startDate,
  )
  return seriesStarts(series, { before: last, max: MAX_OCCURRENCES * 10 })
    .map((start) => start.toUTC().toISO()!)
    .filter((start) => days.has(localDay(start, zone)))
}

/**
 * Each occurrence an editor changed (cancelled, moved, another venue), with the start the series
 * gives it (its RECURRENCE-ID) and its times after the change; changes naming no occurrence are left out.
 */
export function changedOccurrences(series: Series): Occurrence[] {
  if (!isRecurring(series) || !series.occurrenceChanges?.length) return []
  const zone = zoneOf(series)
  const changes = changesByDay(series, zone)
  const last = series.occurrenceChanges.reduce(
    (latest, row) => (row.occurrenceStart && row.occurrenceStart > latest ? row.occurrenceStart : latest),
    series.startDate,
  )
  return seriesStarts(series, { before: last, max: MAX_OCCURRENCES * 10 })
    .flatMap((start) => {
      const change = changes.get(localDay(start.toISO()!, zone))
      return change ? [occurrenceOf(start, change, durationOf(series))] : []
    })
    .filter((occurrence) => occurrence.changed)
}
