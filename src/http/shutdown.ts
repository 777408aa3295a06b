import type { Server } from 'node:http'
import net, { type Socket } from 'node:net'

type Logger = { info: (message: string) => void; error: (message: string) => void }

type Options = {
  /** How long the listener stays open after the signal, so connections already queued in the kernel are accepted. */
  acceptMs?: number
  /** How often idle keep-alive connections are looked for once the listener is closed. */
  sweepMs?: number
  /** When whatever is still open is cut, so the process exits within its orchestrator's window. */
  graceMs?: number
}

/**
 * On SIGTERM or SIGINT: stop accepting connections, let in-flight requests finish, release
 * resources, exit 0.
 *
 * `http.Server#close()` would at once cut every connection with no request being processed,
 * including one whose request is still unread because the event loop is busy, and closing the
 * listener resets connections still in the kernel's accept queue: both clients sent their request
 * before the signal and would get ECONNRESET. So the listener is closed after `acceptMs`; from the
 * signal on, responses carry `Connection: close`; a connection is closed as idle only once it has
 * served nothing for a whole `sweepMs`; and what is still open after `graceMs` is cut.
 */
export function handleShutdown(
  server: Server,
  release: () => Promise<void>,
  logger: Logger,
  { acceptMs = 250, sweepMs = 250, graceMs = 8000 }: Options = {},
): void {
  let stopping = false
  // For each open connection: whether a request is being served, and when it last became idle.
  const connections = new Map<Socket, { busy: boolean; idleSince: number }>()
  server.on('connection', (socket: Socket) => {
    connections.set(socket, { busy: false, idleSince: Date.now() })
    socket.once('close', () => connections.delete(socket))
  })
  // Before the application's own listener, which may already have answered (and sent its
  // headers) by the time a listener added after it runs.
  server.prependListener('request', (req, res) => {
    const state = connections.get(req.socket)
    if (state) state.busy = true
    res.once('finish', () => {
      if (state) Object.assign(state, { busy: false, idleSince: Date.now() })
    })
    if (stopping && !res.headersSent) res.setHeader('Connection', 'close')
  })
  // Idle for a whole sweep: the request it may carry would have been read by now. The sweep is a
  // timer, and after a busy stretch the loop runs timers before it reads the sockets: a request
  // sent meanwhile is still unread. So the connections are closed after the loop's next poll
  // (setImmediate), in which such a request is read and makes its connection busy.
  const closeIdle = () => {
    const before = Date.now() - sweepMs
    const idle = [...connections].filter(([, { busy, idleSince }]) => !busy && idleSince <= before)
    if (!idle.length) return
    setImmediate(() => {
      for (const [socket, state] of idle) if (!state.busy) socket.destroy()
    })
  }

  const finish = async () => {
    try {
      await release()
      logger.info('Stopped.')
      process.exit(0)
    } catch (error) {
      logger.error(`Error while stopping: ${String(error)}`)
      process.exit(1)
    }
  }

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    logger.info(`${signal} received: finishing in-flight requests.`)
    const force = setTimeout(() => server.closeAllConnections(), graceMs)
    // After the loop's next poll, as for idle connections: a busy loop runs this timer before it
    // accepts the connections waiting in the kernel's queue, and closing the listener resets them.
    const closeListener = () =>
      setImmediate(() => {
        const sweep = setInterval(closeIdle, sweepMs)
        net.Server.prototype.close.call(server, () => {
          clearInterval(sweep)
          clearTimeout(force)
          void finish()
        })
      })
    setTimeout(closeListener, acceptMs)
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}
