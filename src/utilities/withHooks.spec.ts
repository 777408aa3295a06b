import type { CollectionAfterChangeHook, CollectionBeforeOperationHook, CollectionConfig } from 'payload'

import { withHooks } from './withHooks'

const own: CollectionAfterChangeHook = ({ doc }) => doc
const added: CollectionAfterChangeHook = ({ doc }) => doc
const guard: CollectionBeforeOperationHook = ({ args }) => args
const me = () => undefined

const collection: CollectionConfig = {
  slug: 'things',
  fields: [],
  hooks: { afterChange: [own], beforeOperation: [guard], me: [me] },
}

describe('withHooks', () => {
  it('runs added hooks after the collection’s own, and keeps every other slot', () => {
    const { hooks } = withHooks(collection, { afterChange: [added] })
    expect(hooks?.afterChange).toEqual([own, added])
    expect(hooks?.beforeOperation).toEqual([guard])
    expect(hooks?.me).toEqual([me])
  })

  it('runs them first when asked', () => {
    const first: CollectionBeforeOperationHook = ({ args }) => args
    expect(withHooks(collection, { beforeOperation: [first] }, 'first').hooks?.beforeOperation).toEqual([first, guard])
  })

  it('fills slots the collection left empty and leaves the original untouched', () => {
    const { hooks } = withHooks({ slug: 'bare', fields: [] }, { afterDelete: [() => undefined] })
    expect(hooks?.afterDelete).toHaveLength(1)
    withHooks(collection, { afterChange: [added] })
    expect(collection.hooks?.afterChange).toEqual([own])
  })
})
