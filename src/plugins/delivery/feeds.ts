import { Feed } from 'feed'

import type { PressRelease } from '@/payload-types'
import { plainText } from '@/utilities/lexical'

import { canonicalFrontend, frontendUrl } from './frontendUrl'
import { cleanText, escapeHtml } from './text'

export type FeedRelease = Pick<
  PressRelease,
  'id' | 'title' | 'subtitle' | 'slug' | 'summary' | 'body' | 'releaseDate' | 'updatedAt' | 'dateline'
>

type Options = { locale: string; selfUrl: string; host: string; title?: string }

/** The stable id of a release in both feeds: a tag URI that never changes with its slug or title. */
export const releaseGuid = (id: number | string, host: string) => `tag:${host},2016:press-release:${id}`

/**
 * Plain text for a feed element. The `feed` library puts titles, summaries and content in CDATA
 * (Atom marks them type="html") and escapes only the first `]]>`; as escaped HTML the text holds
 * no `>` at all, so it cannot end the CDATA, and a reader shows it as the text it is, not as markup.
 */
export const feedText = (value: string): string => escapeHtml(cleanText(value))

const optionalFeedText = (value: string | null | undefined): string | undefined =>
  value ? feedText(value) || undefined : undefined

/**
 * The Atom document with its language on the root element. The `feed` library writes RSS's
 * <language> but nothing in Atom, where xml:lang is how a reader (and a screen reader's voice)
 * learns the language of the texts.
 */
export const atomWithLanguage = (feed: Feed, locale: string): string =>
  feed.atom1().replace(/<feed(?=[\s>])/, `<feed xml:lang="${escapeHtml(locale)}"`)

/** RSS 2.0 and Atom 1.0 of published press releases in one language, dated by their release date. */
export function buildReleaseFeed(
  releases: FeedRelease[],
  { locale, selfUrl, host, title = 'Pressroom — press releases' }: Options,
): Feed {
  const newest = releases.reduce<Date | undefined>((latest, release) => {
    const date = new Date(release.releaseDate)
    return !latest || date > latest ? date : latest
  }, undefined)
  const feed = new Feed({
    title: cleanText(title),
    id: `tag:${host},2016:press-releases:${locale}`,
    link: canonicalFrontend(),
    language: locale,
    updated: newest ?? new Date(0),
    generator: 'Pressroom',
    copyright: '',
    feedLinks: { atom: selfUrl.replace(/\.xml(\?|$)/, '.atom$1'), rss: selfUrl.replace(/\.atom(\?|$)/, '.xml$1') },
  })
  for (const release of releases) {
    const places = release.dateline?.places?.length ? `${release.dateline.places.join(', ')} — ` : ''
    feed.addItem({
      title: feedText(release.title),
      id: releaseGuid(release.id, host),
      guid: releaseGuid(release.id, host),
      link: frontendUrl('press-releases', release, locale) ?? `${canonicalFrontend()}/`,
      description: optionalFeedText(release.summary ?? release.subtitle),
      content: optionalFeedText(`${places}${plainText(release.body)}`.trim()),
      date: new Date(release.releaseDate),
      published: new Date(release.releaseDate),
    })
  }
  return feed
}
