import type { Plugin } from 'payload'

import { accessPolicyPlugin } from './accessPolicy'
import { publicCachePlugin } from './publicCache'
import { publicQueriesPlugin } from './publicQueries'
import { readModelPlugin } from './readModel'
import { relationshipChecksPlugin } from './relationshipChecks'
import { richTextChecksPlugin } from './richTextChecks'
import { translationsPlugin } from './translations'
import { webhooksPlugin } from './webhooks'

/** Collections the public can read: a write to any of them may change a public response. */
export const publicCollections = ['events', 'speakers', 'press-releases', 'donor-notices', 'organisations', 'projects', 'media']

export const plugins: Plugin[] = [accessPolicyPlugin, relationshipChecksPlugin, richTextChecksPlugin, translationsPlugin, publicCachePlugin(publicCollections), publicQueriesPlugin(publicCollections), webhooksPlugin(publicCollections), readModelPlugin(publicCollections)]
