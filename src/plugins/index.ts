import type { Plugin } from 'payload'

import { publicCachePlugin } from './publicCache'
import { relationshipChecksPlugin } from './relationshipChecks'
import { richTextChecksPlugin } from './richTextChecks'
import { translationsPlugin } from './translations'
import { webhooksPlugin } from './webhooks'

/** Collections the public can read: a write to any of them may change a public response. */
export const publicCollections = ['events', 'speakers', 'press-releases', 'donor-notices', 'organisations', 'projects', 'media']

export const plugins: Plugin[] = [relationshipChecksPlugin, richTextChecksPlugin, translationsPlugin, publicCachePlugin(publicCollections), webhooksPlugin(publicCollections)]
