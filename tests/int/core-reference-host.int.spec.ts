import { startPayload, stopPayload } from '../helpers/payload'
import { describeCoreSuite } from '../hosts/core'

// The reference host: this repository's payload.config.ts, every collection and feature.
describeCoreSuite('the reference host', {
  start: () => startPayload(),
  stop: stopPayload,
  source: 'en',
  target: 'ru',
  hostCollections: ['users'],
})
