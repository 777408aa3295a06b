import { IncomingMessage, ServerResponse } from 'node:http'
import { Socket } from 'node:net'

import { describe, expect, it } from '@jest/globals'
import type { Request, Response } from 'express'
import helmet from 'helmet'

import { securityHeaderOptions, securityHeaders } from './securityHeaders'

const response = () => new ServerResponse(new IncomingMessage(new Socket()))

describe('securityHeaders', () => {
  it.each([true, false])('sets what helmet itself sets on a response (production: %s)', (production) => {
    const byHelmet = response()
    let passed = 0
    helmet(securityHeaderOptions(production))({} as never, byHelmet as never, () => (passed += 1))
    const recorded = response()
    securityHeaders(production)({} as Request, recorded as unknown as Response, () => (passed += 1))
    expect(passed).toBe(2)
    expect(recorded.getHeaders()).toEqual(byHelmet.getHeaders())
    expect(Object.keys(recorded.getHeaders())).toEqual(
      expect.arrayContaining(['content-security-policy', 'x-content-type-options', 'referrer-policy']),
    )
    expect(Boolean(recorded.getHeader('strict-transport-security'))).toBe(production)
  })
})
