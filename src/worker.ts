import { getPayload } from 'payload'

import { checkEnvironment } from './checkEnvironment'
import { ConfigurationError, resolveSecret } from './env'
import { stopJobs } from './jobs/lifecycle'
import { loadEnvironment } from './loadEnvironment'

/**
 * `npm run worker`: the jobs queue alone (scheduled publishing, webhook deliveries, queued
 * translation imports, the read model's renders), no HTTP. Run exactly one beside app instances
 * started with JOBS_AUTORUN=false; each job is claimed in the database, so a second worker would
 * not run a job twice, only poll twice as often.
 */
async function main(): Promise<void> {
  loadEnvironment()
  resolveSecret()
  checkEnvironment()
  // Whatever the shared environment says, this process is the one that runs jobs, and it leaves
  // the schema to the app instances (src/db.ts).
  process.env.JOBS_AUTORUN = 'true'
  process.env.PRESSROOM_ROLE = 'worker'
  const { default: config } = await import('../payload.config')
  const payload = await getPayload({ config, cron: true })
  payload.logger.info(`Pressroom worker running the jobs queue (${process.env.JOBS_CRON || '*/10 * * * * *'})`)

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    payload.logger.info(`Pressroom worker stopping (${signal})`)
    // The run under way ends first: closing the database under it would leave its jobs marked as processing.
    const cut = setTimeout(() => process.exit(1), 10_000)
    cut.unref()
    void stopJobs(payload)
      .then(() => payload.destroy())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          payload.logger.error({ err: error }, 'Closing the worker failed')
          process.exit(1)
        },
      )
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? `[pressroom] ${error.message}` : error)
  process.exit(1)
})
