'use client'
import './index.css'

import { useConfig, useDocumentInfo, useLocale, useTranslation } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

type Gap = { notice: number | string; rule: string; locale?: string; enforced: boolean; message: string }
type Check = { blocking: boolean; gaps: Gap[]; notices: { id: number | string; name: string }[] }

const words = {
  en: {
    title: 'Donor visibility',
    met: 'Every visibility rule of the donors is met.',
    warn: 'The donors’ visibility rules are not met yet. You may still publish, but fix these first if you can:',
    block: 'Publishing is refused until these are fixed (the donor notice enforces its rules):',
    open: 'Open the donor notice',
  },
  ru: {
    title: 'Видимость донора',
    met: 'Все правила видимости доноров соблюдены.',
    warn: 'Правила видимости доноров пока не соблюдены. Публикация возможна, но лучше сначала исправить:',
    block: 'Публикация невозможна, пока это не исправлено (уведомление донора требует соблюдения правил):',
    open: 'Открыть уведомление донора',
  },
}

/**
 * In the edit view's sidebar of an event or a press release: what the visibility rules of its
 * project's donors still want, in the languages a publish of this locale would cover. Refreshed
 * after every save (autosave included), so a fix elsewhere shows on the next save or reload.
 */
export function VisibilityWarning() {
  const { id, collectionSlug, lastUpdateTime } = useDocumentInfo()
  const { code } = useLocale()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const t = i18n.language === 'ru' ? words.ru : words.en
  const [check, setCheck] = useState<Check | undefined>()

  useEffect(() => {
    if (!id || !collectionSlug) return
    const controller = new AbortController()
    fetch(`${config.routes.api}/${collectionSlug}/${id}/visibility?locale=${encodeURIComponent(code)}`, {
      credentials: 'include',
      signal: controller.signal,
    })
      .then((response) => (response.ok ? response.json() : undefined))
      .then((answer: Check | undefined) => setCheck(answer))
      .catch(() => undefined)
    return () => controller.abort()
  }, [id, collectionSlug, code, lastUpdateTime, config.routes.api])

  if (!id || !check || (!check.notices.length && !check.gaps.length)) return null
  const notices = new Map(check.notices.map((notice) => [String(notice.id), notice.name]))
  const toOpen = [...new Set(check.gaps.map((gap) => String(gap.notice)))].filter((notice) => notices.has(notice))
  return (
    <section
      className="visibility-warning"
      data-blocking={check.blocking}
      data-gaps={check.gaps.length}
      aria-label={t.title}
      aria-live="polite"
    >
      <h4>{t.title}</h4>
      {check.gaps.length ? (
        <>
          <p>{check.blocking ? t.block : t.warn}</p>
          <ul>
            {check.gaps.map((gap, index) => (
              <li key={index} data-rule={gap.rule} data-locale={gap.locale}>
                {gap.message}
              </li>
            ))}
          </ul>
          {toOpen.map((notice) => (
            <p key={notice}>
              <a href={`${config.routes.admin}/collections/donor-notices/${notice}?locale=${encodeURIComponent(code)}`}>
                {t.open} “{notices.get(notice)}”
              </a>
            </p>
          ))}
        </>
      ) : (
        <p>{t.met}</p>
      )}
    </section>
  )
}
