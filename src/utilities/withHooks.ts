import type { CollectionConfig } from 'payload'

type Hooks = NonNullable<CollectionConfig['hooks']>

/**
 * The collection with `added` hooks run after its own, or before them with `first` (a guard
 * that must see the operation before any other hook changes it). Every plugin adds its hooks
 * here, so none drops a hook another plugin or the collection itself declared.
 */
export function withHooks(
  collection: CollectionConfig,
  added: Hooks,
  order: 'first' | 'last' = 'last',
): CollectionConfig {
  const hooks: Record<string, unknown> = { ...collection.hooks }
  for (const [slot, list] of Object.entries(added) as [keyof Hooks, unknown[] | undefined][]) {
    if (!list?.length) continue
    const own = (collection.hooks?.[slot] ?? []) as unknown[]
    hooks[slot] = order === 'first' ? [...list, ...own] : [...own, ...list]
  }
  return { ...collection, hooks: hooks as Hooks }
}
