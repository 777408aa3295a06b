import { ApiKeys } from './ApiKeys'
import { DonorNotices } from './DonorNotices'
import { Events } from './Events'
import { Media } from './Media'
import { Organisations } from './Organisations'
import { PressReleases } from './PressReleases'
import { PreviewLinks } from './PreviewLinks'
import { Projects } from './Projects'
import { Speakers } from './Speakers'
import { TranslationRecords } from './TranslationRecords'
import { Users } from './Users'
import { WebhookDeliveries, Webhooks } from './Webhooks'

export const collections = [Events, Speakers, PressReleases, DonorNotices, Organisations, Projects, Media, PreviewLinks, Users, ApiKeys, Webhooks, WebhookDeliveries, TranslationRecords]
