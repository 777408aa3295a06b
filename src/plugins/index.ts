import type { Plugin } from 'payload'

import { collections } from '../../collections'
import { editorialPolicyPlugin, forPublicCollections, publicSlugs } from '@/policy/editorial'

import { accessPolicyPlugin } from './accessPolicy'
import { publicCachePlugin } from './publicCache'
import { publicQueriesPlugin } from './publicQueries'
import { readModelPlugin } from './readModel'
import { relationshipChecksPlugin } from './relationshipChecks'
import { richTextChecksPlugin } from './richTextChecks'
import { translationsPlugin } from './translations'
import { webhooksPlugin } from './webhooks'

/**
 * The collections the public can read, as their configs declare (`custom.pressroom.public`).
 * Code that has a Payload instance asks `publicSlugs(payload.config.collections)` instead.
 */
export const publicCollections = publicSlugs(collections)

export const plugins: Plugin[] = [
  // First: the plugins after it check and extend the access it decides.
  editorialPolicyPlugin,
  accessPolicyPlugin,
  relationshipChecksPlugin,
  richTextChecksPlugin,
  translationsPlugin,
  forPublicCollections(publicCachePlugin),
  forPublicCollections(publicQueriesPlugin),
  forPublicCollections(webhooksPlugin),
  forPublicCollections(readModelPlugin),
]
