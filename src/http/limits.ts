/**
 * Bounds on what one request may ask of the database. Each is answered with a 400 naming the
 * parameter, before Payload turns the request into SQL (or a MongoDB query).
 */

/** The deepest relationship population a request may ask for (Payload's `maxDepth` is the same). */
export const MAX_DEPTH = 5
/** The most documents one page may hold; `limit=0` (no limit) is refused on public routes too. */
export const MAX_LIMIT = 500
/** Values in one `in`, `not_in` or `all` list: each is a bound SQL parameter. */
export const MAX_LIST_VALUES = 500
/** Field conditions in one `where`, counted over every `and` and `or`. */
export const MAX_WHERE_CONDITIONS = 100
/** How deep `and` and `or` may nest inside one another. */
export const MAX_WHERE_NESTING = 10
/** Words in a `like`, `not_like` or `contains` value: the SQL adapter makes one LIKE per word. */
export const MAX_LIKE_WORDS = 20
/** Characters in a `like`, `not_like` or `contains` value. */
export const MAX_LIKE_LENGTH = 200
/** Fields in one `sort`. */
export const MAX_SORT_FIELDS = 5
/** Entries in one `select`, `populate` or `joins` parameter, counted at every level. */
export const MAX_SHAPE_ENTRIES = 100
/** How deep objects and arrays may nest in a JSON body (rich text uses about four levels per list level). */
export const MAX_JSON_NESTING = 100
