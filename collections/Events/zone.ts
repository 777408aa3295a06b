import type { DateField, Field } from 'payload'

import { componentPath } from '@/plugin/components'

/**
 * Payload's time zone for one of an event's dates, with day and time: the date is entered and shown in the event's
 * zone, whatever the editor's browser says. Payload keeps a `<date>_tz` companion for the picker;
 * here it is virtual (`virtual: 'timezone'`), read from the event's one stored `timezone`, so the
 * database and the API keep a single zone per event and the instants stay in UTC.
 *
 * @param picker - true for the start: its picker is where the editor chooses the event's zone
 *   (followEventZone copies it into `timezone`). The other dates show no picker and follow it.
 */
export const inEventZone = ({ picker = false } = {}): Pick<DateField, 'admin' | 'timezone'> => ({
  timezone: {
    // Text, not Payload's select of zones: the picker takes its options from the date field, and a
    // select would put an enum of 400 zones per date into GraphQL. The stored `timezone` carries the
    // validation (it also accepts aliases such as Europe/Kiev). No default: a new event's editor
    // chooses the zone; API clients send `timezone` instead.
    override: ({ baseField }): Field => ({
      name: baseField.name,
      type: 'text',
      virtual: 'timezone',
      admin: { hidden: true },
    }),
  },
  admin: {
    date: { pickerAppearance: 'dayAndTime' },
    ...(picker ? {} : { components: { Field: componentPath('EventZoneDateField') } }),
  },
})
