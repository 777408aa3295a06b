import { getPayload } from 'payload'

import { loadEnvironment } from '../loadEnvironment'

// `npm run seed`: loads the demo content into the configured database, then exits.
loadEnvironment()
const { default: config } = await import('../../payload.config')
const { seed } = await import('./index')

const payload = await getPayload({ config })
try {
  const { created, existing } = await seed(payload)
  payload.logger.info(`Seed finished: ${created} created, ${existing} already present.`)
} finally {
  await payload.destroy()
}
process.exit(0)
