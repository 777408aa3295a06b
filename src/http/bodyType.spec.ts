import { bodyRefusal } from './bodyType'

const collections = { events: {}, media: {} }
const json = { 'content-type': 'application/json', 'content-length': '2' }

describe('bodyRefusal', () => {
  it('lets JSON, multipart and bodiless non-writes through', () => {
    expect(bodyRefusal('POST', '/events', json, collections)).toBeUndefined()
    expect(
      bodyRefusal('PATCH', '/events/1', { ...json, 'content-type': 'application/json; charset=utf-8' }, collections),
    ).toBeUndefined()
    expect(
      bodyRefusal(
        'POST',
        '/media',
        { 'content-type': 'multipart/form-data; boundary=x', 'transfer-encoding': 'chunked' },
        collections,
      ),
    ).toBeUndefined()
    expect(bodyRefusal('POST', '/events/1/duplicate', {}, collections)).toBeUndefined()
    expect(
      bodyRefusal('GET', '/events', { 'content-type': 'text/plain', 'content-length': '5' }, collections),
    ).toBeUndefined()
    // Not a collection route: the translations import takes XLIFF, GraphQL its own types.
    expect(
      bodyRefusal(
        'POST',
        '/translations/import',
        { 'content-type': 'application/xliff+xml', 'content-length': '5' },
        collections,
      ),
    ).toBeUndefined()
  })
  it('refuses with 415 a body Payload does not read, whatever it is', () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'Application/JSON', '']) {
      const refusal = bodyRefusal('POST', '/events', { 'content-type': type, 'content-length': '8' }, collections)
      expect(refusal).toEqual({ status: 415, message: expect.stringContaining('Content-Type: application/json') })
    }
    expect(
      bodyRefusal('PATCH', '/events/1', { 'content-type': 'text/plain', 'transfer-encoding': 'chunked' }, collections)
        ?.status,
    ).toBe(415)
  })
  it('refuses with 400 a create or update without a body', () => {
    expect(bodyRefusal('POST', '/events', {}, collections)).toEqual({
      status: 400,
      message: expect.stringMatching(/no body/),
    })
    expect(bodyRefusal('PATCH', '/events/1', { 'content-length': '0' }, collections)?.status).toBe(400)
    expect(bodyRefusal('PATCH', '/events', {}, collections)?.status).toBe(400)
  })
})
