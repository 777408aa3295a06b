import { describe, expect, it } from '@jest/globals'
import type { AuthStrategy } from 'payload'

import { apiKeyStrategy } from '../../collections/ApiKeys/apiKeyStrategy'
import { credentialsOnlyInAuthHeaders } from './principal'

const hostStrategy: AuthStrategy = { name: 'x-api-key', authenticate: async () => ({ user: null }) }

describe('credentialsOnlyInAuthHeaders', () => {
  it("holds for Payload's own strategies and Pressroom's API keys", () => {
    expect(
      credentialsOnlyInAuthHeaders([
        { auth: true },
        { auth: { useAPIKey: true } },
        { auth: { strategies: [apiKeyStrategy] } },
        {},
      ]),
    ).toBe(true)
  })

  it("does not hold once a host's strategy may read another header", () => {
    expect(credentialsOnlyInAuthHeaders([{ auth: true }, { auth: { strategies: [hostStrategy] } }])).toBe(false)
    // Same name, another function: the name proves nothing.
    expect(
      credentialsOnlyInAuthHeaders([{ auth: { strategies: [{ ...hostStrategy, name: apiKeyStrategy.name }] } }]),
    ).toBe(false)
  })
})
