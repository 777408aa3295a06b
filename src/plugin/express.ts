// The express server for hosts that run one in front of Next.js: body and rate limits, security
// headers, the fast path for public reads, feeds at the site's root, and a graceful shutdown.
export { createApp, type CreateAppOptions } from '../http/createApp'
export { handleShutdown } from '../http/shutdown'
