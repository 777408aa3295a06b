/** An event's types, in a module of its own so that feeds and the OpenAPI description name them without loading the collection. */
export const eventTypes = [
  'conference',
  'roundtable',
  'workshop',
  'training',
  'seminar',
  'webinar',
  'press-conference',
  'other',
] as const
