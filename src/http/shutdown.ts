import type { Server } from 'node:http'

type Logger = { info: (message: string) => void; error: (message: string) => void }

/**
 * On SIGTERM or SIGINT: stop accepting connections, let in-flight requests finish, release
 * resources, exit 0. Connections still open after `graceMs` are cut so the process always
 * exits within the orchestrator's window.
 */
export function handleShutdown(server: Server, release: () => Promise<void>, logger: Logger, graceMs = 8000): void {
  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    logger.info(`${signal} received: finishing in-flight requests.`)
    const force = setTimeout(() => server.closeAllConnections(), graceMs)
    force.unref()
    server.close(async () => {
      clearTimeout(force)
      try {
        await release()
        logger.info('Stopped.')
        process.exit(0)
      } catch (error) {
        logger.error(`Error while stopping: ${String(error)}`)
        process.exit(1)
      }
    })
    server.closeIdleConnections()
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}
