import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { handleShutdown } from './shutdown'

describe('handleShutdown', () => {
  it('marks answers Connection: close after the signal, even one the application sent at once', async () => {
    // Answered synchronously, as /healthz is: its headers are sent before later listeners run.
    const server = http.createServer((_req, res) => res.end('ok'))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const before = new Set(process.listeners('SIGTERM'))
    const uncaught: unknown[] = []
    const onUncaught = (error: unknown) => uncaught.push(error)
    process.on('uncaughtException', onUncaught)
    const logger = { info: () => undefined, error: () => undefined }
    // Never released: the process must not exit under Jest.
    handleShutdown(server, () => new Promise(() => undefined), logger, { acceptMs: 500, sweepMs: 50, graceMs: 1000 })
    try {
      process.emit('SIGTERM', 'SIGTERM')
      const { port } = server.address() as AddressInfo
      const answer = await new Promise<{ status?: number; connection?: string; error?: string }>((resolve) => {
        http
          .get({ host: '127.0.0.1', port, path: '/', agent: false }, (response) => {
            response.resume()
            resolve({ status: response.statusCode, connection: response.headers.connection })
          })
          .on('error', (error) => resolve({ error: error.message }))
      })
      expect(answer).toEqual({ status: 200, connection: 'close' })
      expect(uncaught).toEqual([])
    } finally {
      process.off('uncaughtException', onUncaught)
      for (const signal of ['SIGTERM', 'SIGINT'] as const) {
        for (const listener of process.listeners(signal)) if (!before.has(listener)) process.off(signal, listener)
      }
      server.closeAllConnections()
      server.close()
    }
  })
})
