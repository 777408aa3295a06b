import type { Access, Where } from 'payload'

import { readsDrafts } from '@/access/checkRole'
import { serverOnlyCollection } from '@/utilities/serverOnlyCollection'

export const SEARCH_INDEX = 'search-index'

/** Rows of a press release under embargo wait for it to lift: the index holds them as the public will read them then. */
export const liftedWhere = (now: Date = new Date()): Where => ({
  or: [{ embargoUntil: { exists: false } }, { embargoUntil: { less_than_equal: now.toISOString() } }],
})

/**
 * The public reads rows whose embargo has lifted; staff and preview keys, who read embargoed
 * releases anyway, read them all. A row left behind by a failed write can show nothing more than
 * the public text its document had.
 */
export const readSearchRows: Access = ({ req: { user } }) => (readsDrafts(user) ? true : liftedWhere())

/**
 * The site search: one row per public document and locale, with its title, summary and slug as
 * the public reads them in that locale and the same text in search form (src/utilities/searchText).
 * Written only by the search plugin's hooks, through Payload's db adapter.
 */
export const SearchIndex = serverOnlyCollection({
  slug: SEARCH_INDEX,
  access: { read: readSearchRows },
  fields: [
    { name: 'collection', type: 'text', required: true },
    { name: 'document', type: 'text', required: true },
    { name: 'locale', type: 'text', required: true },
    { name: 'title', type: 'text', required: true },
    { name: 'summary', type: 'textarea' },
    { name: 'slug', type: 'text' },
    // The locale of the page the slug is of: this row's, or the default locale's when it falls back.
    { name: 'slugLocale', type: 'text' },
    // The title, then every searched field, in search form with a space at each end.
    { name: 'titleTerms', type: 'textarea' },
    { name: 'terms', type: 'textarea' },
    { name: 'date', type: 'date' },
    { name: 'embargoUntil', type: 'date' },
  ],
  indexes: [
    { fields: ['locale', 'collection', 'date'] },
    { fields: ['collection', 'document', 'locale'], unique: true },
  ],
})

export const SEARCH_WORDS = 'search-words'

/**
 * Every word of every index row, with what a query filters and ranks by beside it, so that a
 * search is a range scan of one index per query word instead of a `like` over every row of the
 * locale, whose cost grows with the locale. Written with the rows it belongs to, read only by the search.
 */
export const SearchWords = serverOnlyCollection({
  slug: SEARCH_WORDS,
  fields: [
    { name: 'word', type: 'text', required: true },
    { name: 'locale', type: 'text', required: true },
    // The id of the search-index row the word is in (text: a number on SQLite, an ObjectId on MongoDB).
    { name: 'row', type: 'text', required: true, index: true },
    { name: 'collection', type: 'text', required: true },
    { name: 'inTitle', type: 'checkbox', required: true },
    { name: 'date', type: 'date' },
    { name: 'embargoUntil', type: 'date' },
  ],
  // Covering: a query word's words are read from the index alone.
  indexes: [{ fields: ['locale', 'word', 'collection', 'row', 'inTitle', 'date', 'embargoUntil'] }],
})
