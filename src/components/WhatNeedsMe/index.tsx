import './index.css'

import type { Payload, TypedUser, Where } from 'payload'
import React from 'react'

import { locales } from '@/i18n/localization'

type Props = { payload: Payload; user?: TypedUser | null; i18n?: { language?: string } }

const words = {
  en: {
    title: 'What needs you',
    upcoming: 'Upcoming events',
    embargoed: 'Releases under embargo',
    scheduled: 'Scheduled to publish',
    drafts: 'Drafts waiting for review',
    translations: 'Translation progress (titles of published events and releases)',
    none: 'Nothing.',
    until: 'until',
  },
  ru: {
    title: 'Что ждёт вас',
    upcoming: 'Ближайшие события',
    embargoed: 'Релизы под эмбарго',
    scheduled: 'Запланирована публикация',
    drafts: 'Черновики на проверку',
    translations: 'Ход перевода (заголовки опубликованных событий и релизов)',
    none: 'Ничего.',
    until: 'до',
  },
}

type Row = { id: number | string; title: string; href: string; note?: string }

const List = ({ rows, empty }: { rows: Row[]; empty: string }) =>
  rows.length ? (
    <ul>
      {rows.map((row) => (
        <li key={`${row.href}`}>
          <a href={row.href}>{row.title}</a>
          {row.note ? <span className="what-needs-me__note"> — {row.note}</span> : null}
        </li>
      ))}
    </ul>
  ) : (
    <p className="what-needs-me__none">{empty}</p>
  )

/**
 * The dashboard's first panel: what an editor or translator should look at now. Every query runs
 * with the viewer's own access, so a translator sees what they may see.
 */
export async function WhatNeedsMe({ payload, user, i18n }: Props) {
  if (!user) return null
  const t = i18n?.language === 'ru' ? words.ru : words.en
  const as = { user, overrideAccess: false, depth: 0 } as const
  const now = new Date().toISOString()
  const date = (iso: string) =>
    new Date(iso).toLocaleString(i18n?.language === 'ru' ? 'ru-RU' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
    })
  const admin = payload.config.routes.admin

  const [upcoming, embargoed, drafts, scheduled] = await Promise.all([
    payload.find({
      collection: 'events',
      where: { endDate: { greater_than_equal: now } },
      sort: 'startDate',
      limit: 5,
      select: { title: true, startDate: true },
      ...as,
    }),
    payload.find({
      collection: 'press-releases',
      where: { embargoUntil: { greater_than: now } },
      sort: 'embargoUntil',
      limit: 5,
      select: { title: true, embargoUntil: true },
      ...as,
    }),
    Promise.all(
      (['events', 'press-releases', 'projects', 'donor-notices'] as const).map(async (collection) => {
        const { docs } = await payload.find({
          collection,
          where: { _status: { equals: 'draft' } },
          draft: true,
          sort: '-updatedAt',
          limit: 5,
          select: {},
          ...as,
        })
        return docs.map((doc) => ({
          collection,
          doc: doc as { id: number; title?: string; name?: string; updatedAt: string },
        }))
      }),
    ),
    // Jobs are Payload's own collection, unreadable through access rules; only slugs and times are shown.
    payload.find({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: 'schedulePublish' } }, { completedAt: { exists: false } }] },
      sort: 'waitUntil',
      limit: 5,
      depth: 0,
      overrideAccess: true,
    }),
  ])

  const progress = await Promise.all(
    locales.slice(1).map(async ({ code, label }) => {
      const count = async (where: Where) =>
        (
          await Promise.all(
            (['events', 'press-releases'] as const).map(
              async (collection) =>
                (
                  await payload.count({
                    collection,
                    where: { and: [{ _status: { equals: 'published' } }, where] },
                    locale: code,
                    ...as,
                  })
                ).totalDocs,
            ),
          )
        ).reduce((sum, n) => sum + n, 0)
      // A localized query looks at that locale's own values: an English fallback is not a translation.
      const [total, translated] = await Promise.all([count({}), count({ title: { exists: true } })])
      return { code, label, total, translated }
    }),
  )

  const scheduledRows: Row[] = scheduled.docs.map((job) => {
    const input = (job.input ?? {}) as { type?: string; doc?: { relationTo: string; value: string | number } }
    return {
      id: job.id,
      title: `${input.doc?.relationTo ?? ''} ${input.doc?.value ?? ''}`.trim(),
      href: input.doc ? `${admin}/collections/${input.doc.relationTo}/${input.doc.value}` : admin,
      note: `${input.type ?? 'publish'} ${job.waitUntil ? date(job.waitUntil) : ''}`,
    }
  })

  return (
    <section className="what-needs-me" aria-label={t.title}>
      <h2>{t.title}</h2>
      <div className="what-needs-me__grid">
        <div>
          <h3>{t.upcoming}</h3>
          <List
            empty={t.none}
            rows={upcoming.docs.map((doc) => ({
              id: doc.id,
              title: doc.title,
              href: `${admin}/collections/events/${doc.id}`,
              note: date(doc.startDate),
            }))}
          />
        </div>
        <div>
          <h3>{t.embargoed}</h3>
          <List
            empty={t.none}
            rows={embargoed.docs.map((doc) => ({
              id: doc.id,
              title: doc.title,
              href: `${admin}/collections/press-releases/${doc.id}`,
              note: `${t.until} ${date(doc.embargoUntil!)}`,
            }))}
          />
          <h3>{t.scheduled}</h3>
          <List empty={t.none} rows={scheduledRows} />
        </div>
        <div>
          <h3>{t.drafts}</h3>
          <List
            empty={t.none}
            rows={drafts.flat().map(({ collection, doc }) => ({
              id: doc.id,
              title: doc.title ?? doc.name ?? String(doc.id),
              href: `${admin}/collections/${collection}/${doc.id}`,
              note: collection,
            }))}
          />
        </div>
        <div>
          <h3>{t.translations}</h3>
          <ul className="what-needs-me__progress">
            {progress.map(({ code, label, total, translated }) => (
              <li key={code} data-locale={code}>
                {label}: {translated}/{total}
                <meter
                  aria-label={`${label}: ${translated}/${total}`}
                  min={0}
                  max={Math.max(total, 1)}
                  value={translated}
                />
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  )
}
