import { webhookEvent } from './event'

describe('webhookEvent', () => {
  const versioned = { versioned: true, draftSave: false }
  it('names publishing, unpublishing and deleting', () => {
    expect(webhookEvent({ ...versioned, operation: 'create', status: 'published' })).toBe('publish')
    expect(webhookEvent({ ...versioned, operation: 'update', status: 'published', previousStatus: 'published' })).toBe(
      'publish',
    )
    expect(webhookEvent({ ...versioned, operation: 'update', status: 'draft', previousStatus: 'published' })).toBe(
      'unpublish',
    )
    expect(webhookEvent({ ...versioned, operation: 'delete' })).toBe('delete')
  })
  it('stays silent for drafts, which change nothing public', () => {
    expect(
      webhookEvent({
        versioned: true,
        draftSave: true,
        operation: 'update',
        status: 'draft',
        previousStatus: 'published',
      }),
    ).toBeUndefined()
    expect(webhookEvent({ ...versioned, operation: 'create', status: 'draft' })).toBeUndefined()
  })
  it('calls any write to a collection without drafts an update', () => {
    expect(webhookEvent({ versioned: false, draftSave: false, operation: 'create' })).toBe('update')
    expect(webhookEvent({ versioned: false, draftSave: false, operation: 'update' })).toBe('update')
  })
})
