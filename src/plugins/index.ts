import { publicSlugs } from '@/policy/editorial'

import { collections } from '../../collections'

/**
 * The collections the public can read, as their configs declare (`custom.pressroom.public`).
 * Code that has a Payload instance asks `publicSlugs(payload.config.collections)` instead.
 */
export const publicCollections = publicSlugs(collections)
