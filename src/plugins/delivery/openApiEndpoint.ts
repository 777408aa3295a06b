import type { Endpoint } from 'payload'

import { publicCollections } from '@/plugins'
import { buildOpenApi } from '@/plugins/delivery/openapi'

let built: Record<string, unknown> | undefined

/** GET /api/openapi.json: the public API described from the collection configs (built once per process). */
export const openApiEndpoint: Endpoint = {
  path: '/openapi.json',
  method: 'get',
  handler: (req) => {
    built ??= buildOpenApi(req.payload.config, req.payload.db.defaultIDType as 'number' | 'text', publicCollections)
    return Response.json(built, { headers: { 'Cache-Control': 'public, max-age=3600' } })
  },
}
