import { calendarPastDays, listenAddress } from './env'
import { maxBodyBytes } from './http/bodyLimit'
import { graphqlBudget, graphqlLimits } from './http/graphql/limits'
import { rateLimitSettings } from './http/rateLimits'
import { urlsPerFile } from './plugins/delivery/sitemap'
import { importLimits } from './plugins/translations/limits'
import { seedsOnStart } from './seed'
import { defaultCacheBytes } from './utilities/publicCache'

/**
 * Reads every setting that is otherwise read on first use (a request, a feed, an import), for its
 * check alone: a wrong value stops the start here, in one line, before the database is opened,
 * instead of failing the first request that needs it.
 */
export function checkEnvironment(env: Record<string, string | undefined> = process.env): void {
  seedsOnStart(env)
  calendarPastDays(env)
  listenAddress(env)
  maxBodyBytes()
  defaultCacheBytes()
  importLimits(env)
  graphqlLimits(env)
  graphqlBudget(env)
  urlsPerFile(env)
  rateLimitSettings(env)
}
