'use client'
import './index.css'

import { useConfig, useDocumentInfo, useLocale, useTranslation } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import { translationWords } from '../TranslationsView/words'

type Field = { path: string; label: string; status: 'missing' | 'stale' | 'translated'; sameAsSource: boolean }
type Cell = {
  status: Field['status']
  published: boolean
  counts: { translated: number; total: number }
  fields: Field[]
}

/**
 * In the edit view's sidebar: the fields still missing or stale in the locale being edited,
 * refreshed after every save.
 */
export function TranslationPanel() {
  const { id, collectionSlug, lastUpdateTime } = useDocumentInfo()
  const { code } = useLocale()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const t = i18n.language === 'ru' ? translationWords.ru : translationWords.en
  const [cell, setCell] = useState<Cell | undefined>()
  const isSource = code === (config.localization ? config.localization.defaultLocale : 'en')

  useEffect(() => {
    if (!id || !collectionSlug || isSource) return
    const controller = new AbortController()
    const query = new URLSearchParams({ collection: collectionSlug, id: String(id), locale: code })
    fetch(`${config.routes.api}/translations/status?${query}`, { credentials: 'include', signal: controller.signal })
      .then((response) => (response.ok ? response.json() : undefined))
      .then((report) => setCell(report?.documents?.[0]?.locales?.[code]))
      .catch(() => undefined)
    return () => controller.abort()
  }, [id, collectionSlug, code, lastUpdateTime, isSource, config.routes.api])

  if (!id) return null
  if (isSource) return <p className="translation-panel translation-panel--source">{t.source}</p>
  if (!cell) return null
  const toDo = cell.fields.filter((field) => field.status !== 'translated')
  return (
    <section
      className="translation-panel"
      data-status={cell.status}
      aria-label={t.fieldsToDo}
      style={{ marginTop: 'calc(var(--base) * 1.5)' }}
    >
      <h4 style={{ margin: '0 0 0.5rem' }}>
        {t.fieldsToDo}: {t[cell.status]} ({cell.counts.translated}/{cell.counts.total})
      </h4>
      {toDo.length ? (
        <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>
          {toDo.map((field) => (
            <li key={field.path} data-path={field.path} data-status={field.status}>
              {field.label} — {t[field.status]}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.allDone}</p>
      )}
      <p>
        <a href={`${config.routes.admin}/translations?locale=${code}`}>{t.overview}</a>
      </p>
    </section>
  )
}
