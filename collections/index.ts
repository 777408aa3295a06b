import { TranslationImports, TranslationRecords } from '@/plugins/translations'
import { WebhookDeliveries, Webhooks } from '@/plugins/webhooks'

import { ApiKeys } from './ApiKeys'
import { DonorNotices } from './DonorNotices'
import { Events } from './Events'
import { Media } from './Media'
import { Organisations } from './Organisations'
import { PressReleases } from './PressReleases'
import { PreviewLinks } from './PreviewLinks'
import { Projects } from './Projects'
import { Speakers } from './Speakers'

/** Pressroom's collections (the host brings its own `users`); pressroomPlugin adds them. */
export const collections = [
  Events,
  Speakers,
  PressReleases,
  DonorNotices,
  Organisations,
  Projects,
  Media,
  PreviewLinks,
  ApiKeys,
  Webhooks,
  WebhookDeliveries,
  TranslationRecords,
  TranslationImports,
]
