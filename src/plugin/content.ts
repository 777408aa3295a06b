import { DonorNotices } from '../../collections/DonorNotices'
import { Events } from '../../collections/Events'
import { Organisations } from '../../collections/Organisations'
import { PressReleases } from '../../collections/PressReleases'
import { Projects } from '../../collections/Projects'
import { Speakers } from '../../collections/Speakers'

/**
 * Pressroom's content collections, in the order the admin panel lists them. A new one is its file
 * (declaring `custom.pressroom`) and a line here: the editorial policy, the options' types and the
 * read model follow from the declaration.
 */
export const content = {
  events: Events,
  speakers: Speakers,
  'press-releases': PressReleases,
  'donor-notices': DonorNotices,
  organisations: Organisations,
  projects: Projects,
}
