import fs from 'node:fs'
import path from 'node:path'

import { until } from './wait'

/**
 * Variables a start may set and still share the seeded template: they are read per request, so
 * the stored content is the same with or without them. Anything else (SERVER_URL and FRONTEND_URL
 * end up in stored snapshots, SEED_ON_START and DATABASE_URI choose the seeding itself) makes the
 * server seed its own database, as a real first start does.
 */
const READ_TIME_VARIABLES = new Set([
  'CALENDAR_PAST_DAYS',
  'GRAPHQL_COST_BUDGET',
  'GRAPHQL_COST_WINDOW_MS',
  'LOGIN_RATE_LIMIT',
  'LOG_LEVEL',
  'METRICS_TOKEN',
  'PORT',
  'PRESSROOM_ROUTE_HEADER',
  'TRANSLATION_IMPORT_RATE_LIMIT',
  'TRUST_PROXY',
])

/** Set by tests/helpers/globalSetup.ts: one folder per `jest` run, so a template never outlives its build. */
const templateRoot = (): string | undefined => process.env.PRESSROOM_SEED_TEMPLATE

/** Whether a start with `env` can begin from a copy of the seeded template instead of seeding. */
export function usesSeededTemplate(env: Record<string, string>): boolean {
  if (!templateRoot() || process.env.TEST_DATABASE_URI) return false
  return Object.keys(env).every((name) => READ_TIME_VARIABLES.has(name))
}

/**
 * The folder holding the template's database file and media, built by `build` on first use. Jest
 * workers are separate processes, so the first to ask builds it under a lock directory (mkdir is
 * atomic) and the others wait for its marker.
 */
export async function seededTemplate(build: (dir: string) => Promise<void>): Promise<string> {
  const root = templateRoot()
  if (!root) throw new Error('PRESSROOM_SEED_TEMPLATE is not set: tests/helpers/globalSetup.ts sets it.')
  const dir = path.join(root, 'db')
  const ready = path.join(root, 'ready')
  const failed = path.join(root, 'failed')
  let builder = false
  try {
    fs.mkdirSync(dir)
    builder = true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  if (builder) {
    try {
      await build(dir)
      fs.writeFileSync(ready, '')
    } catch (error) {
      fs.writeFileSync(failed, String((error as Error).stack ?? error))
      throw error
    }
  } else {
    await until(() => fs.existsSync(ready) || fs.existsSync(failed), 'the seeded template', 180_000)
    if (fs.existsSync(failed))
      throw new Error(`The seeded template failed to build:\n${fs.readFileSync(failed, 'utf8')}`)
  }
  return dir
}
