import type { CollectionConfig } from 'payload'

import { countryField } from '@/fields/country'
import { editorialTabs } from '@/fields/editorialTabs'
import { choiceField, organisationsWithRoles } from '@/fields/select'
import { timezoneField } from '@/fields/timezone'
import { urlField } from '@/fields/url'
import { alongsidePayload, requiredText, wholeNumber } from '@/fields/validate'
import { validateDateOrder } from '@/fields/validators'
import { hidePrivateSpeakers } from '@/hooks/hidePrivateSpeakers'
import { eventJsonLd } from '@/plugins/delivery/jsonld'
import { jsonLdEndpoint } from '@/plugins/delivery/jsonLdEndpoint'
import { previewUrl } from '@/plugins/delivery/previewUrl'

import { eventICalendar, upcomingEvents } from './endpoints'
import { eventTypes } from './eventTypes'
import { applyRecurrence } from './hooks/applyRecurrence'
import { bumpSequence } from './hooks/bumpSequence'
import { followEventZone } from './hooks/followEventZone'
import { eventOccurrences } from './occurrences'
import { recurrenceFields } from './recurrence'
import { inEventZone } from './zone'

export { eventTypes }
export const eventStatuses = ['scheduled', 'postponed', 'rescheduled', 'cancelled', 'moved-online'] as const
export const organisationRoles = [
  'organiser',
  'co-organiser',
  'partner',
  'host',
  'sponsor',
  'co-sponsor',
  'funder',
] as const
export const speakerRoles = ['keynote', 'speaker', 'moderator', 'panellist', 'facilitator', 'discussant'] as const

type WithStart = Partial<{ startDate: unknown; startTime: unknown }>

export const Events: CollectionConfig<'events'> = {
  slug: 'events',
  // The editorial policy (src/policy/editorial.ts) reads this: access, audit, translator rules, versions.
  custom: {
    pressroom: {
      public: true,
      drafts: { schedulePublish: true },
      search: { title: 'title', summary: ['summary'], text: ['venue.name', 'venue.city'], date: 'startDate' },
      seo: { title: 'title', description: ['summary', 'description'], image: 'heroImage' },
    },
  },
  admin: {
    defaultColumns: ['title', 'startDate', 'status', 'eventType', '_status'],
    group: 'Events',
    listSearchableFields: ['title', 'summary'],
    livePreview: { url: ({ data, locale }) => previewUrl('events', data, locale?.code) },
    preview: (doc, { locale }) => previewUrl('events', doc, locale),
    useAsTitle: 'title',
  },
  endpoints: [upcomingEvents, eventOccurrences, eventICalendar, jsonLdEndpoint('events', eventJsonLd, 2)],
  defaultPopulate: {
    title: true,
    slug: true,
    startDate: true,
    endDate: true,
    timezone: true,
    status: true,
    venue: true,
  },
  fields: [
    ...editorialTabs(
      [
        { name: 'summary', type: 'textarea', localized: true },
        { name: 'description', type: 'richText', localized: true },
        {
          type: 'row',
          fields: [
            choiceField('eventType', eventTypes, 'conference', { index: true }),
            choiceField('status', eventStatuses, 'scheduled', {
              index: true,
              admin: { description: 'Tell calendars when an event is postponed, cancelled or moved online.' },
            }),
            choiceField('attendanceMode', ['offline', 'online', 'mixed'], 'offline'),
          ],
        },
        {
          name: 'audience',
          type: 'textarea',
          localized: true,
          admin: {
            description: 'Who attends, e.g. “Sixty NGO representatives from the Coalitions against Torture…”.',
          },
        },
        { name: 'topics', type: 'text', hasMany: true, localized: true },
        {
          name: 'languages',
          type: 'select',
          hasMany: true,
          admin: { description: 'Languages of the proceedings.' },
          options: [
            { label: 'English', value: 'en' },
            { label: 'Russian', value: 'ru' },
            { label: 'Tajik', value: 'tg' },
            { label: 'Kazakh', value: 'kk' },
            { label: 'Kyrgyz', value: 'ky' },
            { label: 'Uzbek', value: 'uz' },
            { label: 'Other', value: 'other' },
          ],
        },
      ],
      {
        label: 'When and where',
        fields: [
          {
            type: 'row',
            fields: [
              { name: 'startDate', type: 'date', required: true, index: true, ...inEventZone({ picker: true }) },
              {
                name: 'endDate',
                type: 'date',
                required: true,
                index: true,
                ...inEventZone(),
                validate: alongsidePayload('date', (value: unknown, { siblingData }: { siblingData: WithStart }) =>
                  value ? validateDateOrder(siblingData?.startDate, value) : 'This field is required.',
                ),
              },
              // The API's zone of the event; editors set it with the picker beside the start.
              timezoneField({ defaultValue: 'UTC', overrides: { admin: { hidden: true } } }),
            ],
          },
          ...recurrenceFields,
          {
            name: 'venue',
            type: 'group',
            fields: [
              { name: 'name', type: 'text', localized: true },
              { name: 'address', type: 'textarea', localized: true },
              { name: 'city', type: 'text', localized: true },
              countryField(),
              { name: 'coordinates', type: 'point', admin: { description: 'Longitude and latitude, for maps.' } },
            ],
          },
          urlField({ name: 'onlineUrl', description: 'Where online participants join.' }),
        ],
      },
      {
        label: 'People',
        fields: [
          organisationsWithRoles('organisations', {
            roles: organisationRoles,
            defaultRole: 'organiser',
            description: 'Organisers, partners and sponsors, each with their role.',
          }),
          {
            name: 'speakers',
            type: 'array',
            fields: [
              { name: 'speaker', type: 'relationship', relationTo: 'speakers', required: true },
              choiceField('role', speakerRoles, 'speaker'),
              { name: 'topic', type: 'text', localized: true },
            ],
          },
        ],
      },
      {
        label: 'Programme',
        fields: [
          {
            name: 'programme',
            type: 'array',
            admin: { description: 'Sessions in the order they take place.' },
            fields: [
              { name: 'title', type: 'text', localized: true, required: true, validate: requiredText },
              {
                type: 'row',
                fields: [
                  { name: 'startTime', type: 'date', ...inEventZone() },
                  {
                    name: 'endTime',
                    type: 'date',
                    ...inEventZone(),
                    validate: alongsidePayload('date', (value: unknown, { siblingData }: { siblingData: WithStart }) =>
                      validateDateOrder(siblingData?.startTime, value, 'the session’s start'),
                    ),
                  },
                  { name: 'room', type: 'text', localized: true },
                ],
              },
              { name: 'description', type: 'richText', localized: true },
              { name: 'speakers', type: 'relationship', relationTo: 'speakers', hasMany: true },
            ],
          },
        ],
      },
      {
        label: 'Registration',
        fields: [
          {
            name: 'registration',
            type: 'group',
            fields: [
              urlField(),
              { name: 'deadline', type: 'date', ...inEventZone() },
              { name: 'isOpen', type: 'checkbox', defaultValue: false },
            ],
          },
          { name: 'expectedParticipants', type: 'number', min: 0, admin: { step: 1 }, validate: wholeNumber },
        ],
      },
      {
        label: 'Links and media',
        fields: [
          { name: 'heroImage', type: 'upload', relationTo: 'media' },
          { name: 'pressReleases', type: 'join', collection: 'press-releases', on: 'events' },
        ],
      },
    ),
    { name: 'project', type: 'relationship', relationTo: 'projects', index: true, admin: { position: 'sidebar' } },
    {
      name: 'donorNotices',
      type: 'relationship',
      relationTo: 'donor-notices',
      hasMany: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'icalSequence',
      type: 'number',
      // Kept by the bumpSequence hook for calendar feeds; nobody sets it by hand.
      access: { create: () => false, update: () => false },
      admin: { hidden: true },
      defaultValue: 0,
    },
  ],
  hooks: {
    beforeValidate: [followEventZone],
    beforeChange: [applyRecurrence, bumpSequence],
    afterRead: [
      hidePrivateSpeakers([
        { array: 'speakers', field: 'speaker' },
        { array: 'programme', field: 'speakers', many: true },
      ]),
    ],
  },
  // Public lists filter on the status and a date range, sorted by that date: one range scan,
  // for the page and for its count, however many events there are.
  // (_status, createdAt) serves Payload's default order: without it SQLite sorted every published
  // event, with its press-releases join evaluated per row, to return the first page.
  indexes: [
    { fields: ['_status', 'startDate'] },
    { fields: ['_status', 'endDate'] },
    { fields: ['_status', 'createdAt'] },
  ],
}
