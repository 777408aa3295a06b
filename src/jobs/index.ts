import type { JobsConfig } from 'payload'

import { checkRole } from '@/access/checkRole'

// Over HTTP (`/api/payload-jobs/run`) Payload lets any signed-in principal run, queue or cancel
// jobs, API keys included; the server's own runner does not ask.
export const adminOnly = ({ req }: { req: { user?: unknown } }) =>
  checkRole(['admin'], req.user as Parameters<typeof checkRole>[1])

/**
 * Whether this process runs the jobs queue: the server by default, a worker (`npm run worker`)
 * always; app instances beside a worker set JOBS_AUTORUN=false and only queue jobs.
 */
export const runsJobsHere = (env: Record<string, string | undefined> = process.env): boolean =>
  env.JOBS_AUTORUN !== 'false'

/**
 * Scheduled publishing and unpublishing are jobs with a `waitUntil`; Payload always queues them on
 * the `default` queue (upstream issue 16764), so that is the queue the server runs. The server
 * process polls it (six-field cron: seconds first); JOBS_CRON changes how often.
 */
export const jobs: JobsConfig = {
  access: { cancel: adminOnly, queue: adminOnly, run: adminOnly },
  autoRun: [{ cron: process.env.JOBS_CRON || '*/10 * * * * *', queue: 'default', limit: 20 }],
  deleteJobOnComplete: true,
  // Pressroom's tasks (webhook delivery, translation imports, the read model) come with pressroomPlugin.
  tasks: [],
  // Only a process started with `cron: true` (the server, or a test) runs them; CLI scripts do not.
  shouldAutoRun: () => runsJobsHere(),
}
