import type { Field } from 'payload'

import { frequencies, MAX_OCCURRENCES, weekdayNames, weekdays } from '@/utilities/recurrence'

import { inEventZone } from './zone'

/**
 * A recurring event: the form editors fill (the RRULE is derived from it by applyRecurrence, never
 * typed), the days left out, and what changes for one occurrence. Occurrences are named by their
 * date in the event's zone. Checked as a whole by recurrenceProblems (src/utilities/recurrence.ts).
 */
export const recurrenceFields: Field[] = [
  {
    name: 'recurrence',
    type: 'group',
    admin: {
      description:
        'For a series (a monthly training, a weekly legal-aid day): leave “Repeats” empty for a one-off event.',
    },
    fields: [
      {
        type: 'row',
        fields: [
          {
            name: 'frequency',
            label: 'Repeats',
            type: 'select',
            options: frequencies.map((value) => ({ label: value, value })),
          },
          {
            name: 'interval',
            label: 'Every',
            type: 'number',
            defaultValue: 1,
            min: 1,
            admin: { step: 1, description: '1: every time; 2: every other week, month…' },
          },
          {
            name: 'weekdays',
            label: 'On',
            type: 'select',
            hasMany: true,
            options: weekdays.map((value) => ({ label: weekdayNames[value], value })),
            admin: { description: 'Days of the week; empty: the start’s day.' },
          },
        ],
      },
      {
        type: 'row',
        fields: [
          {
            name: 'until',
            label: 'Until',
            type: 'date',
            ...inEventZone(),
            admin: { ...inEventZone().admin, description: 'The last day the series may take place. Or give a count.' },
          },
          {
            name: 'count',
            label: 'Occurrences',
            type: 'number',
            min: 1,
            max: MAX_OCCURRENCES,
            admin: { step: 1, description: 'How many times in all. Or give an end date.' },
          },
        ],
      },
      {
        name: 'rrule',
        label: 'RRULE',
        type: 'text',
        // Derived from the fields above on every save: what a client sends here is replaced.
        admin: { readOnly: true, description: 'RFC 5545 rule calendars receive, derived from the fields above.' },
      },
    ],
  },
  {
    name: 'excludedDates',
    type: 'array',
    admin: { description: 'Days the series does not take place (holidays…).', initCollapsed: true },
    // Not `required` in Payload's sense, which would ask API clients for the zone companion: recurrenceProblems asks for the dates.
    fields: [{ name: 'date', type: 'date', ...inEventZone() }],
  },
  {
    name: 'occurrenceChanges',
    type: 'array',
    admin: { description: 'One occurrence cancelled, moved or somewhere else.', initCollapsed: true },
    fields: [
      {
        name: 'occurrenceStart',
        label: 'Occurrence',
        type: 'date',
        ...inEventZone(),
        admin: { ...inEventZone().admin, description: 'The occurrence as the series has it.' },
      },
      { name: 'cancelled', type: 'checkbox', defaultValue: false },
      {
        type: 'row',
        fields: [
          { name: 'start', label: 'New start', type: 'date', ...inEventZone() },
          { name: 'end', label: 'New end', type: 'date', ...inEventZone() },
        ],
      },
      { name: 'venue', label: 'Other venue', type: 'text', localized: true },
    ],
  },
]
