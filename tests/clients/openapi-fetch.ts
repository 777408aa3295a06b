import createClient from 'openapi-fetch'

import type { paths } from './pressroom-api'

type Locale = NonNullable<paths['/api/events/{id}']['get']['parameters']['query']>['locale']

export const pressroom = (cms: string) => createClient<paths>({ baseUrl: cms })

// Return types are inferred: openapi-fetch reads answers through its `Readable` helper, which
// turns a tuple such as `venue.coordinates` into a plain array, so `components['schemas']['events']`
// is not quite the type of `data`.
export async function readEvent(cms: string, id: number, locale: Locale) {
  const { data, error, response } = await pressroom(cms).GET('/api/events/{id}', {
    params: { path: { id }, query: { locale, depth: 1 } },
  })
  if (error) throw new Error(`getEvent ${id}: ${response.status} ${error.errors[0]?.message}`)
  return data
}

export async function latestPressRelease(cms: string, locale: Locale) {
  const { data, error, response } = await pressroom(cms).GET('/api/press-releases', {
    params: { query: { locale, sort: '-releaseDate', limit: 1 } },
  })
  if (error) throw new Error(`listPressReleases: ${response.status} ${error.errors[0]?.message}`)
  return data.docs[0]
}
