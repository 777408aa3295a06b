import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const schema = path.resolve('tests/fixtures/xliff-2.0/xliff_core_2.0.xsd')
const scratch = mkdtempSync(path.join(tmpdir(), 'pressroom-xliff-'))

/** xmllint's complaints about a file against the OASIS XLIFF 2.0 core schema ('' when valid; throws when invalid). */
export function validateXliff(xml: string, name: string): string {
  const file = path.join(scratch, name)
  writeFileSync(file, xml)
  return execFileSync('xmllint', ['--noout', '--schema', schema, file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).toString()
}

/** What a CAT tool does: a target after every source (here the source with a prefix), in every unit or only one. */
export const fillTargets = (xml: string, prefix = '[ru] ', only?: string) =>
  xml.replace(/(<unit id="([^"]+)"[\s\S]*?<\/unit>)/g, (unit, _all, id: string) =>
    only && id !== only
      ? unit
      : unit
          .replace(/<target xml:space="preserve">[\s\S]*?<\/target>\n?\s*/g, '')
          .replace(
            /<source xml:space="preserve">([\s\S]*?)<\/source>/g,
            (source, content: string) => `${source}<target xml:space="preserve">${prefix}${content}</target>`,
          ),
  )

const schema12 = path.resolve('tests/fixtures/xliff-1.2/xliff-core-1.2-strict.xsd')

/** xmllint's complaints about a file against the OASIS XLIFF 1.2 strict schema (throws when invalid). */
export function validateXliff12(xml: string, name: string): string {
  const file = path.join(scratch, name)
  writeFileSync(file, xml)
  return execFileSync('xmllint', ['--noout', '--schema', schema12, file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).toString()
}

/**
 * An exchange of one press release (id 12), English into Russian, for the file-format specs: its
 * title unit ("A & B < C", translated) first, then `units`.
 */
export const releaseExchange = <Unit extends object>(title: string, units: Unit[]) => ({
  source: 'en',
  target: 'ru',
  documents: [
    {
      collection: 'press-releases',
      id: '12',
      title,
      units: [
        {
          id: 'title',
          name: 'Title',
          kind: 'text',
          segments: [
            { id: 's1', source: [{ text: 'A & B < C' }], target: [{ text: 'А и Б' }], state: 'translated' as const },
          ],
        },
        ...units,
      ],
    },
  ],
})
