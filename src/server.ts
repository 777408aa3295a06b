import next from 'next'
import { getPayload } from 'payload'

import { checkEnvironment } from './checkEnvironment'
import { emailWarning } from './email'
import { ConfigurationError, isProduction, listenAddress, metricsToken, resolveSecret } from './env'
import { trustProxy } from './http/trustProxy'
import { stopJobs } from './jobs/lifecycle'
import { loadEnvironment } from './loadEnvironment'
import { createApp, handleShutdown } from './plugin/express'
import { seedOnFirstStart } from './seed'
import { projectRoot } from './utilities/projectRoot'

// These machines, and some users' networks, are offline: no telemetry calls.
process.env.NEXT_TELEMETRY_DISABLED ??= '1'

async function main(): Promise<void> {
  loadEnvironment()
  const production = isProduction()
  // Checked before the config is imported, so a missing secret is one clear line, not a stack trace.
  resolveSecret()
  const trusted = trustProxy()
  const scrapeToken = metricsToken()
  checkEnvironment()
  const { host, port } = listenAddress()

  const { default: config } = await import('../payload.config')
  // cron: this process runs the jobs queue (scheduled publishing); Next's handlers share the instance.
  const payload = await getPayload({ config, cron: true })
  const mailProblem = emailWarning()
  if (mailProblem) payload.logger.warn(mailProblem)
  await seedOnFirstStart(payload)

  const nextApp = next({ dev: !production, dir: projectRoot, hostname: host, port })
  await nextApp.prepare()
  const handle = nextApp.getRequestHandler()

  const app = createApp({
    payload,
    handle: (req, res) => handle(req, res),
    production,
    trustProxy: trusted,
    metricsToken: scrapeToken,
  })
  const server = app.listen(port, host, () => {
    const address = server.address()
    const actualPort = typeof address === 'object' && address ? address.port : port
    payload.logger.info(
      `Pressroom listening on http://${host}:${actualPort} (${production ? 'production' : 'development'})`,
    )
  })
  handleShutdown(
    server,
    async () => {
      await nextApp.close?.()
      await stopJobs(payload)
      await payload.destroy()
    },
    payload.logger,
  )
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError) {
    console.error(`[pressroom] ${error.message}`)
  } else {
    console.error(error)
  }
  process.exit(1)
})
