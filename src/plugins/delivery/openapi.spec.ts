import type { FlattenedField } from 'payload'

import { isStaffField } from '@/access/isStaff'

import { publicFields, toOpenApiSchema } from './openapi'

describe('toOpenApiSchema', () => {
  it('writes a draft-04 tuple as prefixItems, as OpenAPI 3.1 reads it', () => {
    const coordinates = {
      type: ['array', 'null'],
      items: [{ type: 'number' }, { type: 'number' }],
      minItems: 2,
      maxItems: 2,
    }
    expect(toOpenApiSchema(coordinates)).toEqual({
      type: ['array', 'null'],
      prefixItems: [{ type: 'number' }, { type: 'number' }],
      minItems: 2,
      maxItems: 2,
    })
  })
  it('keeps a list schema as items', () => {
    expect(toOpenApiSchema({ type: 'array', items: { type: 'string' } })).toEqual({
      type: 'array',
      items: { type: 'string' },
    })
  })
  it('drops Payload’s tsType at any depth, through properties, items and oneOf', () => {
    const richText = {
      type: 'object',
      properties: {
        root: {
          type: 'object',
          properties: {
            children: {
              type: 'array',
              items: {
                oneOf: [
                  { type: 'string', tsType: 'any' },
                  { type: 'object', properties: { type: { type: 'string', tsType: 'any' } } },
                ],
              },
            },
          },
        },
      },
    }
    expect(JSON.stringify(toOpenApiSchema(richText))).not.toContain('tsType')
  })
  it('points $refs into components, also inside additionalProperties and allOf', () => {
    const schema = { additionalProperties: { $ref: '#/definitions/events' }, allOf: [{ $ref: '#/definitions/media' }] }
    expect(toOpenApiSchema(schema)).toEqual({
      additionalProperties: { $ref: '#/components/schemas/events' },
      allOf: [{ $ref: '#/components/schemas/media' }],
    })
  })
  it('leaves fields that happen to be called items or tsType alone', () => {
    const schema = {
      type: 'object',
      properties: { items: { type: 'array', items: [{ type: 'string' }] }, tsType: { type: 'string' } },
      required: ['items', 'tsType'],
    }
    expect(toOpenApiSchema(schema)).toEqual({
      type: 'object',
      properties: { items: { type: 'array', prefixItems: [{ type: 'string' }] }, tsType: { type: 'string' } },
      required: ['items', 'tsType'],
    })
  })
  it('keeps enum and default values as data, not schemas', () => {
    const schema = { type: 'string', enum: ['items', 'tsType'], default: { items: [1, 2] } }
    expect(toOpenApiSchema(schema)).toEqual(schema)
  })
})

describe('publicFields', () => {
  const text = (name: string, staffOnly = false): FlattenedField =>
    ({ name, type: 'text', ...(staffOnly ? { access: { read: isStaffField } } : {}) }) as FlattenedField

  it('leaves out the fields only staff may read, inside groups, arrays and blocks too', () => {
    const fields = [
      text('title'),
      text('createdBy', true),
      { name: 'venue', type: 'group', fields: [], flattenedFields: [text('city'), text('note', true)] },
      { name: 'links', type: 'array', fields: [], flattenedFields: [text('url'), text('internal', true)] },
      {
        name: 'layout',
        type: 'blocks',
        blocks: [{ slug: 'quote', fields: [], flattenedFields: [text('text'), text('source', true)] }],
      },
    ] as FlattenedField[]
    expect(JSON.parse(JSON.stringify(publicFields(fields)))).toEqual([
      { name: 'title', type: 'text' },
      { name: 'venue', type: 'group', fields: [], flattenedFields: [{ name: 'city', type: 'text' }] },
      { name: 'links', type: 'array', fields: [], flattenedFields: [{ name: 'url', type: 'text' }] },
      {
        name: 'layout',
        type: 'blocks',
        blocks: [{ slug: 'quote', fields: [], flattenedFields: [{ name: 'text', type: 'text' }] }],
      },
    ])
  })

  it('keeps a field whose read rule is another one', () => {
    const field = { name: 'email', type: 'email', access: { read: () => true } } as FlattenedField
    expect(publicFields([field])).toEqual([field])
  })
})
