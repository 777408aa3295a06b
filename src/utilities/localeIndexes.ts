import type { SQLiteSchemaHook } from '@payloadcms/db-sqlite'
import { index } from '@payloadcms/db-sqlite/drizzle/sqlite-core'

/**
 * Payload's SQLite schema indexes each `*_locales` table on (_locale, _parent_id) only, yet reads
 * every locale of a row by `_parent_id` alone. Without statistics SQLite then scans the whole
 * locales table once per row read, and a list's cost grows with the whole table (figures in
 * docs/PERFORMANCE.md, "Why the code is shaped so"). An index on `_parent_id` makes each lookup a search.
 */
export const indexLocaleParents: SQLiteSchemaHook = ({ schema, extendTable }) => {
  for (const [name, table] of Object.entries(schema.tables)) {
    if (!name.endsWith('_locales') || !('_parentID' in table)) continue
    extendTable({
      table,
      extraConfig: (t) => ({
        [`${name}_parent_id_idx`]: index(`${name}_parent_id_idx`).on((t as unknown as Record<string, never>)._parentID),
      }),
    })
  }
  return schema
}
