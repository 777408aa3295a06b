import type { AddressInfo } from 'node:net'

import type { Payload } from 'payload'

import { createApp } from '@/http/createApp'

import { startPayload, stopPayload } from './payload'

export type RunningApp = {
  url: string
  payload: Payload
  /** The URLs that reached the stand-in for Next.js: none should, for the API. */
  nextRequests: string[]
  stop: () => Promise<void>
}

/**
 * The HTTP application in this process, with no Next.js: the real config on a throwaway database,
 * createApp's middleware and routes, listening on a free port. What would go to Next.js (the admin
 * panel) is answered 404 and recorded, so a test can say that the API never needed it.
 */
export async function startApp(): Promise<RunningApp> {
  // cron: the jobs queue runs here as in the server (read-model renders, scheduled publishing).
  const payload = await startPayload({ cron: true })
  const nextRequests: string[] = []
  const app = createApp({
    payload,
    production: true,
    handle: (req, res) => {
      nextRequests.push(`${req.method} ${req.originalUrl}`)
      res.status(404).json({ errors: [{ message: 'No Next.js in this test.' }] })
    },
  })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    payload,
    nextRequests,
    /** Stops, and fails the file if anything went to Next.js: the API must be whole without it. */
    stop: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      await stopPayload(payload)
      if (nextRequests.length) throw new Error(`Requests reached Next.js: ${nextRequests.join(', ')}`)
    },
  }
}
