import { removePrivateSpeakers } from './hidePrivateSpeakers'

const isPublic = (id: string) => id === '1' || id === '2'

describe('removePrivateSpeakers', () => {
  it('drops array rows that name a private speaker, populated or not', () => {
    const doc = {
      speakers: [
        { speaker: 1, role: 'keynote' },
        { speaker: { id: 3, name: 'Hidden' }, role: 'speaker' },
        { speaker: { id: 2 } },
      ],
    }
    expect(removePrivateSpeakers(doc, [{ array: 'speakers', field: 'speaker' }], isPublic).speakers).toEqual([
      { speaker: 1, role: 'keynote' },
      { speaker: { id: 2 } },
    ])
  })
  it('removes private speakers from lists inside rows, keeping the rows', () => {
    const doc = { programme: [{ title: 'Opening', speakers: [1, 3, { id: 2 }] }, { title: 'Break' }] }
    expect(
      removePrivateSpeakers(doc, [{ array: 'programme', field: 'speakers', many: true }], isPublic).programme,
    ).toEqual([{ title: 'Opening', speakers: [1, { id: 2 }] }, { title: 'Break' }])
  })
  it('empties a single reference to a private speaker and keeps rows that name nobody', () => {
    const doc = {
      coordinator: { id: 3 },
      quotes: [
        { text: 'Unattributed', speaker: null },
        { text: 'Secret', speaker: 3 },
      ],
    }
    const result = removePrivateSpeakers(
      doc,
      [{ field: 'coordinator' }, { array: 'quotes', field: 'speaker' }],
      isPublic,
    )
    expect(result).toEqual({ coordinator: null, quotes: [{ text: 'Unattributed', speaker: null }] })
  })
  it('leaves the original document untouched', () => {
    const doc = { speakers: [{ speaker: 3 }] }
    removePrivateSpeakers(doc, [{ array: 'speakers', field: 'speaker' }], isPublic)
    expect(doc.speakers).toHaveLength(1)
  })
})
