import type { Payload, Where } from 'payload'

/**
 * How long a job may stay marked as processing before it counts as abandoned: the process that
 * ran it stopped or died under it, and Payload's runner only ever picks jobs not so marked. Far
 * longer than any of Pressroom's tasks runs, so a job a sibling instance is running is left to it.
 */
export const JOB_LEASE_MS = 10 * 60_000

type RunArgs = Parameters<Payload['jobs']['run']>[0]
type State = { stopping: boolean; runs: Set<Promise<unknown>> }

const states = new WeakMap<Payload, State>()
const stateOf = (payload: Payload): State => {
  let state = states.get(payload)
  if (!state) states.set(payload, (state = { stopping: false, runs: new Set() }))
  return state
}

/**
 * Runs queued jobs now (a write's renders once it commits, rather than at the next cron tick),
 * remembered so that a shutdown waits for them; nothing once the process is stopping.
 */
export function runQueuedJobs(payload: Payload, args: RunArgs): Promise<unknown> {
  const state = stateOf(payload)
  if (state.stopping) return Promise.resolve(undefined)
  const run = payload.jobs.run(args).finally(() => state.runs.delete(run))
  state.runs.add(run)
  return run
}

/**
 * Stops starting jobs, then waits at most `timeoutMs` for the runs under way: the cron's and
 * runQueuedJobs'. Closing the database under a run would leave its jobs marked as processing.
 * False when runs were still going at the deadline (releaseAbandonedJobs frees them later).
 */
export async function stopJobs(payload: Payload, timeoutMs = 5000): Promise<boolean> {
  const state = stateOf(payload)
  state.stopping = true
  for (const cron of payload.crons) cron.pause()
  const until = Date.now() + timeoutMs
  while (state.runs.size || payload.crons.some((cron) => cron.isBusy())) {
    if (Date.now() >= until) return false
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return true
}

/** Marks jobs abandoned for longer than the lease as waiting again, for any runner to take. How many. */
export async function releaseAbandonedJobs(payload: Payload, now = Date.now()): Promise<number> {
  const where: Where = {
    and: [
      { processing: { equals: true } },
      { completedAt: { exists: false } },
      { updatedAt: { less_than: new Date(now - JOB_LEASE_MS).toISOString() } },
    ],
  }
  const { totalDocs } = await payload.db.count({ collection: 'payload-jobs', where })
  if (!totalDocs) return 0
  await payload.db.updateMany({ collection: 'payload-jobs', where, data: { processing: false } })
  payload.logger.warn(`Released ${totalDocs} job(s) left processing by a process that stopped under them`)
  return totalDocs
}

/** In a process that runs jobs: abandoned jobs are released soon after the start and then every half lease. */
export function watchAbandonedJobs(payload: Payload, firstAfterMs = 3000): void {
  const release = () =>
    void releaseAbandonedJobs(payload).catch((error: unknown) =>
      payload.logger.error({ err: error }, 'Releasing abandoned jobs failed'),
    )
  setTimeout(() => {
    if (stateOf(payload).stopping) return
    release()
    setInterval(() => !stateOf(payload).stopping && release(), JOB_LEASE_MS / 2).unref()
  }, firstAfterMs).unref()
}
