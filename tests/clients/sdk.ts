import { PayloadSDK } from '@payloadcms/sdk'
import type { Config, Event, PressRelease } from 'pressroom/payload-types'

type Locale = Config['locale']

export const pressroom = (cms: string) => new PayloadSDK<Config>({ baseURL: `${cms}/api` })

export function readEvent(cms: string, id: number, locale: Locale): Promise<Event> {
  return pressroom(cms).findByID({ collection: 'events', id, locale, depth: 1 })
}

export async function latestPressRelease(cms: string, locale: Locale): Promise<PressRelease | undefined> {
  const { docs } = await pressroom(cms).find({ collection: 'press-releases', locale, sort: '-releaseDate', limit: 1 })
  return docs[0]
}
