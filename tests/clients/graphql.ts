import type { Config, Event, PressRelease } from 'pressroom/payload-types'

type Locale = Config['locale']
type Answer<T> = { data?: T; errors?: { message: string }[] }

export const eventQuery = /* GraphQL */ `
  query Event($id: Int!, $locale: LocaleInputType) {
    Event(id: $id, locale: $locale) {
      id
      title
      slug
      startDate
      venue {
        city
      }
    }
  }
`
export const latestPressReleaseQuery = /* GraphQL */ `
  query LatestPressRelease($locale: LocaleInputType) {
    PressReleases(locale: $locale, sort: "-releaseDate", limit: 1) {
      docs {
        id
        title
        slug
        releaseDate
      }
    }
  }
`

/** One POST to /api/graphql; GraphQL answers 200 with `errors` for a query it refuses. */
async function query<T>(cms: string, text: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${cms}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: text, variables }),
  })
  const answer = (await response.json()) as Answer<T>
  if (!response.ok || answer.errors?.length || !answer.data)
    throw new Error(`GraphQL: ${response.status} ${answer.errors?.map((error) => error.message).join('; ')}`)
  return answer.data
}

export async function readEvent(cms: string, id: number, locale: Locale) {
  const { Event } = await query<{
    Event: Pick<Event, 'id' | 'title' | 'slug' | 'startDate'> & { venue?: Pick<NonNullable<Event['venue']>, 'city'> }
  }>(cms, eventQuery, { id, locale })
  return Event
}

export async function latestPressRelease(cms: string, locale: Locale) {
  const { PressReleases } = await query<{
    PressReleases: { docs: Pick<PressRelease, 'id' | 'title' | 'slug' | 'releaseDate'>[] }
  }>(cms, latestPressReleaseQuery, { locale })
  return PressReleases.docs[0]
}
