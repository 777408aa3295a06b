import { getPayload } from 'payload'

import { stopPayload, useThrowawayDatabase } from '../helpers/payload'
import { describeCoreSuite } from '../hosts/core'

// A host shaped like Payload's blank template (tests/hosts/blank), with Pressroom installed by options.
describeCoreSuite('a blank-template host', {
  start: async () => {
    useThrowawayDatabase()
    const { default: config } = await import('../hosts/blank/payload.config')
    return getPayload({ config })
  },
  stop: stopPayload,
  source: 'fr',
  target: 'en',
  hostCollections: ['users', 'pages'],
})

describe('the blank-template host’s own choices', () => {
  it('keeps its own collections and applies the overrides it passed', async () => {
    const { default: config } = await import('../hosts/blank/payload.config')
    const sanitized = await config
    const bySlug = Object.fromEntries(sanitized.collections.map((collection) => [collection.slug, collection]))
    expect(bySlug.projects.admin.group).toBe('Programmes')
    expect(bySlug.projects.fields.map((field) => ('name' in field ? field.name : undefined))).toContain('budget')
    expect(bySlug['donor-notices'].labels).toMatchObject({ singular: 'Funding notice' })
    // The host's media, under Pressroom's file rules: a `public` flag and the editorial policy.
    expect(bySlug.media.fields.map((field) => ('name' in field ? field.name : undefined))).toEqual(
      expect.arrayContaining(['alt', 'public', 'createdBy']),
    )
    expect(bySlug.pages.fields.map((field) => ('name' in field ? field.name : undefined))).not.toContain('createdBy')
  })

  it('points at its frontend with the URL patterns it passed', async () => {
    await import('../hosts/blank/payload.config')
    const { frontendUrl } = await import('@/plugins/delivery/frontendUrl')
    const env = {}
    expect(frontendUrl('events', { slug: 'panel' }, 'fr', env)).toBe('https://site.example/fr/agenda/panel')
    expect(frontendUrl('press-releases', { slug: 'findings' }, 'en', env)).toBe(
      'https://site.example/en/press-releases/findings',
    )
  })
})
