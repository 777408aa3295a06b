// Delivery: what frontends and feed readers fetch besides the REST and GraphQL reads. The calendar,
// press-release feeds and sitemap (feedEndpoints), JSON-LD per document (jsonLdEndpoint, which the
// content collections mount), the OpenAPI description, and the frontend URL patterns they link to.
export { feedEndpoints } from './feedEndpoints'
export { frontendUrl, useFrontend } from './frontendUrl'
export { jsonLdEndpoint } from './jsonLdEndpoint'
export { openApiEndpoint } from './openApiEndpoint'
