/** A donor notice's visibility rules, as the `visibility` group of `donor-notices` holds them. */
export type VisibilityRules = {
  emblemRequired?: boolean | null
  statementRequired?: boolean | null
  disclaimerRequired?: boolean | null
  minEmblemWidth?: number | null
  minEmblemHeight?: number | null
  enforce?: boolean | null
}

type Id = number | string

/** What the check needs to know of one published donor notice; texts keyed by locale. */
export type NoticeFacts = {
  id: Id
  name: string
  statement: Record<string, string | null | undefined>
  disclaimer: Record<string, string | null | undefined>
  /** The emblem's pixel size, or null when the notice has none (or its file cannot be read). */
  emblem: { width?: number | null; height?: number | null } | null
  visibility?: VisibilityRules | null
}

/** One public item (an event, a press release) as the check sees it. */
export type ItemFacts = {
  /** The locales the item is (or is about to be) published in. */
  locales: string[]
  /** The notices the item carries itself. */
  noticeIds: Id[]
}

export type GapRule = 'notice' | 'emblem' | 'emblemSize' | 'statement' | 'disclaimer'

export type VisibilityGap = {
  notice: Id
  noticeName: string
  rule: GapRule
  /** The locale a text is missing in, for `statement` and `disclaimer`. */
  locale?: string
  /** The notice says "enforce": publishing is refused while this gap is open. */
  enforced: boolean
  message: string
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' })

/** "Tajik (tg)": the English name of a locale, with its code, as editors read it in a message. */
export const languageOf = (locale: string): string => {
  const name = languageNames.of(locale)
  return name && name !== locale ? `${name} (${locale})` : locale
}

const isBlank = (text: string | null | undefined): boolean => typeof text !== 'string' || !text.trim()

/**
 * What an item still lacks under the visibility rules of the notices that apply to it: its
 * project's notices (each must be carried by the item) and the notices it carries itself. A
 * notice without rules asks nothing beyond being carried. Each gap names the notice, the rule
 * and, for texts, the language; the order is stable (notices as given, then rules, then locales).
 */
export function visibilityGaps(
  item: ItemFacts,
  projectNotices: NoticeFacts[],
  itemNotices: NoticeFacts[],
): VisibilityGap[] {
  const gaps: VisibilityGap[] = []
  const carried = new Set(item.noticeIds.map(String))
  const applying = new Map<string, NoticeFacts>()
  for (const notice of [...projectNotices, ...itemNotices])
    if (!applying.has(String(notice.id))) applying.set(String(notice.id), notice)
  const projectIds = new Set(projectNotices.map((notice) => String(notice.id)))

  for (const notice of applying.values()) {
    const rules = notice.visibility ?? {}
    const gap = (rule: GapRule, message: string, locale?: string) =>
      gaps.push({
        notice: notice.id,
        noticeName: notice.name,
        rule,
        ...(locale ? { locale } : {}),
        enforced: Boolean(rules.enforce),
        message,
      })
    const named = `donor notice “${notice.name}”`

    if (projectIds.has(String(notice.id)) && !carried.has(String(notice.id))) {
      gap('notice', `The ${named} of the project is not attached to this item.`)
    }
    if (rules.emblemRequired && !notice.emblem) gap('emblem', `The emblem of ${named} is missing.`)
    if (notice.emblem) {
      const { width, height } = notice.emblem
      const tooNarrow = rules.minEmblemWidth && (typeof width !== 'number' || width < rules.minEmblemWidth)
      const tooLow = rules.minEmblemHeight && (typeof height !== 'number' || height < rules.minEmblemHeight)
      if (tooNarrow || tooLow) {
        const wanted = [
          rules.minEmblemWidth ? `${rules.minEmblemWidth} px wide` : '',
          rules.minEmblemHeight ? `${rules.minEmblemHeight} px high` : '',
        ]
          .filter(Boolean)
          .join(' and ')
        gap(
          'emblemSize',
          `The emblem of ${named} is ${width ?? '?'}×${height ?? '?'} px; the donor’s rules ask for at least ${wanted}.`,
        )
      }
    }
    for (const locale of item.locales) {
      if (rules.statementRequired && isBlank(notice.statement[locale]))
        gap('statement', `The statement of ${named} is missing in ${languageOf(locale)}.`, locale)
    }
    for (const locale of item.locales) {
      if (rules.disclaimerRequired && isBlank(notice.disclaimer[locale]))
        gap('disclaimer', `The disclaimer of ${named} is missing in ${languageOf(locale)}.`, locale)
    }
  }
  return gaps
}

/** The gaps that refuse a publish: those of notices that say "enforce". */
export const blockingGaps = (gaps: VisibilityGap[]): VisibilityGap[] => gaps.filter((gap) => gap.enforced)
