import { confirm, countStates, documentState, fieldStatus, recordSave } from './status'
import type { TranslatableField } from './units'

const title = (en: string, ru?: string): TranslatableField => ({
  path: 'title',
  kind: 'text',
  label: 'Title',
  values: { en, ru },
})

describe('translation status', () => {
  it('is missing, then translated once saved, then stale when the source changes', () => {
    expect(fieldStatus(title('Conference'), 'en', 'ru')?.status).toBe('missing')
    const saved = recordSave({}, [title('Conference', 'Конференция')], 'en', ['ru'], '2026-12-01T00:00:00Z', 1)
    expect(saved).toBeDefined()
    const entry = saved?.ru.title
    expect(fieldStatus(title('Conference', 'Конференция'), 'en', 'ru', entry)?.status).toBe('translated')
    expect(fieldStatus(title('Regional conference', 'Конференция'), 'en', 'ru', entry)?.status).toBe('stale')
    // A translation nobody recorded cannot be vouched for.
    expect(fieldStatus(title('Conference', 'Конференция'), 'en', 'ru')?.status).toBe('stale')
    expect(fieldStatus(title('Conference', 'Другое'), 'en', 'ru', entry)?.status).toBe('stale')
  })

  it('records only what changed, and only in the saved locales', () => {
    const first = recordSave({}, [title('A', 'А')], 'en', ['ru'], 't1') ?? {}
    expect(recordSave(first, [title('A changed', 'А')], 'en', ['ru'], 't2')).toBeUndefined()
    expect(recordSave(first, [title('A', 'А')], 'en', ['en'], 't2')).toBeUndefined()
    const emptied = recordSave(first, [title('A', '')], 'en', ['ru'], 't3')
    expect(emptied?.ru.title).toBeUndefined()
  })

  it('confirms an unchanged translation against the current source', () => {
    const first = recordSave({}, [title('A', 'А')], 'en', ['ru'], 't1') ?? {}
    const moved = title('A, revised', 'А')
    expect(fieldStatus(moved, 'en', 'ru', first.ru.title)?.status).toBe('stale')
    const confirmed = confirm(first, [moved], 'en', 'ru', 't2')
    expect(fieldStatus(moved, 'en', 'ru', confirmed.ru.title)?.status).toBe('translated')
  })

  it('derives the document state from its fields and skips fields with no source', () => {
    expect(fieldStatus(title(''), 'en', 'ru')).toBeUndefined()
    const counts = countStates([
      { path: 'a', label: 'A', status: 'translated', sameAsSource: false },
      { path: 'b', label: 'B', status: 'missing', sameAsSource: false },
    ])
    expect(counts).toEqual({ translated: 1, missing: 1, stale: 0, total: 2 })
    expect(documentState(counts)).toBe('missing')
    expect(documentState({ ...counts, stale: 1 })).toBe('stale')
    expect(documentState({ translated: 2, missing: 0, stale: 0, total: 2 })).toBe('translated')
  })
})
