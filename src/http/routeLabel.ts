/** A segment kept as it is: a lowercase word or words with dashes, perhaps with an extension. */
const WORD = /^[a-z]+(?:-[a-z]+)*(?:\.[a-z]{2,4})?$/
const MAX_SEGMENTS = 4

/**
 * The route of a request path for logs and metric labels: ids, slugs with digits, tokens and
 * anything else that is not a plain word become `:id`, the query is dropped, the admin panel and
 * Next's assets are one route each. A reset link's token or an address in a path never shows, and
 * the labels stay few.
 */
export function routeLabel(url: string): string {
  const path = url.split('?')[0].split('#')[0]
  const segments = path.split('/').filter(Boolean)
  if (segments[0] === 'admin' || segments[0] === '_next')
    return segments.length > 1 ? `/${segments[0]}/*` : `/${segments[0]}`
  const labelled = segments.slice(0, MAX_SEGMENTS).map((segment) => (WORD.test(segment) ? segment : ':id'))
  return `/${labelled.join('/')}${segments.length > MAX_SEGMENTS ? '/…' : ''}`
}
