import type { Config, Event, PressRelease } from 'pressroom/payload-types'

type Locale = Config['locale']
type Page<T> = { docs: T[]; totalDocs: number; hasNextPage: boolean }

/** A GET of the delivery API; a 4xx or 5xx answers `{ errors: [{ message }] }`. */
async function getJSON<T>(url: string): Promise<T> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

export function readEvent(cms: string, id: number, locale: Locale): Promise<Event> {
  return getJSON<Event>(`${cms}/api/events/${id}?locale=${locale}&depth=1`)
}

export async function latestPressRelease(cms: string, locale: Locale): Promise<PressRelease | undefined> {
  const page = await getJSON<Page<PressRelease>>(`${cms}/api/press-releases?locale=${locale}&sort=-releaseDate&limit=1`)
  return page.docs[0]
}
