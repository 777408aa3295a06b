import type { RequestHandler } from 'express'

const UNRESERVED = /^[A-Za-z0-9\-._~]$/

/**
 * The request target in its normal form (RFC 3986, 6.2.2): percent-encoded unreserved
 * characters decoded, other escapes upper-cased, repeated slashes merged, dot segments removed.
 * Payload and Next.js read `/api/users/%6Cogin` and `/api//users/./login` as the login route;
 * express matches the literal path, so a limit keyed on it was one spelling away.
 */
export function canonicalUrl(url: string): string {
  const at = url.indexOf('?')
  const path = at < 0 ? url : url.slice(0, at)
  const query = at < 0 ? '' : url.slice(at)
  const decoded = path
    .replace(/%([0-9a-fA-F]{2})/g, (escape, hex: string) => {
      const character = String.fromCharCode(Number.parseInt(hex, 16))
      return UNRESERVED.test(character) ? character : escape.toUpperCase()
    })
    .replace(/\/{2,}/g, '/')
  const segments: string[] = []
  const parts = decoded.split('/')
  parts.forEach((segment, index) => {
    if (segment === '.' || segment === '..') {
      if (segment === '..' && segments.length > 1) segments.pop()
      // A path ending in a dot segment ends in a slash.
      if (index === parts.length - 1) segments.push('')
      return
    }
    segments.push(segment)
  })
  const normal = segments.join('/') || '/'
  return (normal.startsWith('/') ? normal : `/${normal}`) + query
}

/** Rewrites the request target to its normal form before any route, limit or check sees it. */
export const canonicalizeUrl: RequestHandler = (req, _res, next) => {
  const normal = canonicalUrl(req.url)
  if (normal !== req.url) {
    req.url = normal
    // Express kept the raw target here before any middleware ran; keys and forwarded requests use it.
    req.originalUrl = normal
  }
  next()
}
