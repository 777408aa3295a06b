import { ConfigurationError } from '@/env'

import { readJsonExchange } from './exchange'
import { MarkupError } from './inline'
import { checkJsonDepth, markupTextLength } from './jsonText'
import { ImportLimitError, importLimits } from './limits'
import { buildXliff, ExchangeFileError, parseXliff, readInlineMarkup } from './xliff'

const limits = importLimits({})
const head =
  '<?xml version="1.0" encoding="UTF-8"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru">'
const file = (index: number, original = `events/${index}`, text = 'Opening') =>
  `<file id="f${index}" original="${original}"><unit id="title"><segment><source>${text}</source><target>${text}</target></segment></unit></file>`
const xliff = (files: string[]) => `${head}${files.join('')}</xliff>`
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as Error,
  )
const cpuMs = (run: () => unknown) => {
  const start = process.cpuUsage()
  run()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

describe('translation import limits', () => {
  it('reads its defaults and takes positive integers from the environment', () => {
    expect(limits).toEqual({
      bytes: 1_048_576,
      documents: 500,
      units: 20_000,
      segmentChars: 20_000,
      depth: 64,
      queueAbove: 25,
    })
    expect(importLimits({ TRANSLATION_IMPORT_MAX_DOCUMENTS: '10' })).toMatchObject({ documents: 10, depth: 64 })
  })

  it('refuses a figure that is not a whole number from 1, naming the variable, instead of quietly using the default', () => {
    expect(() => importLimits({ TRANSLATION_IMPORT_MAX_DEPTH: '-1' })).toThrow(
      new ConfigurationError('TRANSLATION_IMPORT_MAX_DEPTH must be a whole number from 1, got "-1".'),
    )
    expect(() => importLimits({ TRANSLATION_IMPORT_MAX_UNITS: 'many' })).toThrow(/TRANSLATION_IMPORT_MAX_UNITS/)
  })

  it('refuses more <file> elements than the limit, naming it and its variable', async () => {
    const error = await refusal(
      parseXliff(xliff(Array.from({ length: 6 }, (_, i) => file(i))), { ...limits, documents: 5 }),
    )
    expect(error).toBeInstanceOf(ImportLimitError)
    expect((error as ImportLimitError).status).toBe(400)
    expect(error?.message).toMatch(/more than 5 <file> elements.*limit is 5 \(TRANSLATION_IMPORT_MAX_DOCUMENTS\)/)
  })

  it('refuses more units than the limit', async () => {
    const error = await refusal(
      parseXliff(xliff(Array.from({ length: 4 }, (_, i) => file(i))), { ...limits, units: 3 }),
    )
    expect(error?.message).toMatch(/TRANSLATION_IMPORT_MAX_UNITS/)
  })

  it('refuses a <file> naming a document another one already names, naming both', async () => {
    const error = await refusal(parseXliff(xliff([file(1, 'events/7'), file(2, 'events/8'), file(3, 'events/7')])))
    expect(error).toBeInstanceOf(ExchangeFileError)
    expect(error?.message).toBe(
      '<file id="f3"> names events/7 again, as <file id="f1"> does: put each document in one <file>.',
    )
  })

  it('refuses a segment over the character limit, counting text and not markup', async () => {
    const limited = { ...limits, segmentChars: 10 }
    await expect(
      parseXliff(xliff([file(1, 'events/1', '<pc id="c1">0123456789</pc>')]), limited),
    ).resolves.toBeDefined()
    const error = await refusal(parseXliff(xliff([file(1, 'events/1', '0123456789X')]), limited))
    expect(error?.message).toMatch(
      /<source> of segment "s1" of unit "title" \(file "f1"\) has 11 characters.*TRANSLATION_IMPORT_MAX_SEGMENT_CHARS/,
    )
  })

  it('refuses XML nested 100,000 deep as a limit at once, without a stack overflow', async () => {
    const deep = xliff([
      `<file id="f" original="events/1"><unit id="title"><segment><source>${'<pc id="a">'.repeat(100_000)}x${'</pc>'.repeat(100_000)}</source></segment></unit></file>`,
    ])
    let error: Error | undefined
    const used = cpuMs(() => void parseXliff(deep).catch((caught: Error) => (error = caught)))
    await new Promise((resolve) => setImmediate(resolve))
    expect(error).toBeInstanceOf(ImportLimitError)
    expect(error?.message).toMatch(/nested more than 64 deep at line 1.*TRANSLATION_IMPORT_MAX_DEPTH/)
    expect(used).toBeLessThan(100)
  })

  it('rejects deep inline markup of a JSON segment as a markup problem of that unit', () => {
    expect(() => readInlineMarkup(`${'<pc id="a">'.repeat(1000)}x${'</pc>'.repeat(1000)}`, limits)).toThrow(MarkupError)
  })

  it('refuses JSON nested 100,000 deep before parsing it, and ignores brackets inside strings', () => {
    const deep = `{"source":"en","target":"ru","documents":${'['.repeat(100_000)}${']'.repeat(100_000)}}`
    expect(() => readJsonExchange(deep, limits)).toThrow(
      /nests objects and arrays more than 64 deep.*TRANSLATION_IMPORT_MAX_DEPTH/,
    )
    expect(() => checkJsonDepth(JSON.stringify({ text: '['.repeat(1000) }), limits)).not.toThrow()
  })

  it('refuses repeated documents, too many documents and long segments in JSON', () => {
    const document = (id: number, text = 'Opening') => ({
      collection: 'events',
      id,
      units: [{ id: 'title', segments: [{ source: text, target: text }] }],
    })
    const json = (documents: unknown[]) => JSON.stringify({ source: 'en', target: 'ru', documents })
    expect(() => readJsonExchange(json([document(1), document(1)]), limits)).toThrow(
      'documents[1] names events/1 again, as documents[0] does: list each document once.',
    )
    expect(() => readJsonExchange(json([document(1), document(2)]), { ...limits, documents: 1 })).toThrow(
      /lists 2 documents.*TRANSLATION_IMPORT_MAX_DOCUMENTS/,
    )
    expect(() => readJsonExchange(json([document(1, 'x'.repeat(11))]), { ...limits, segmentChars: 10 })).toThrow(
      /segments\[0\]\.source has 11 characters/,
    )
    expect(() => readJsonExchange('{"source":', limits)).toThrow(/not valid JSON/)
  })

  it('counts the text of inline markup once, even when it is full of angle brackets', () => {
    expect(markupTextLength('Hello <pc id="c1">world</pc> &amp; <ph id="c2"/>')).toBe('Hello world & '.length)
    expect(cpuMs(() => markupTextLength('<'.repeat(1_000_000)))).toBeLessThan(200)
  })

  it('reads a file in time proportional to its size', async () => {
    const files = (count: number) => xliff(Array.from({ length: count }, (_, i) => file(i)))
    const small = files(400)
    const large = files(1600)
    await parseXliff(small)
    const time = async (xml: string) => {
      const start = process.cpuUsage()
      await parseXliff(xml, { ...limits, documents: 10_000 })
      const used = process.cpuUsage(start)
      return used.user + used.system
    }
    // The least of three runs each: one sample can take a garbage collection the other does not.
    const least = async (xml: string) => Math.min(await time(xml), await time(xml), await time(xml))
    const ratio = (await least(large)) / (await least(small))
    // Four times the documents: linear is about 4; quadratic would be about 16.
    expect(ratio).toBeLessThan(9)
  })
})

describe('XLIFF export of characters XML 1.0 cannot carry', () => {
  it('writes them as <cp> in text and leaves them out of notes, names and original data, so the file is well-formed', async () => {
    const xml = buildXliff({
      source: 'en',
      target: 'ru',
      documents: [
        {
          collection: 'events',
          id: '1',
          title: 'Vertical\u000Btab \uD800 \uFFFE',
          units: [
            {
              id: 'title',
              name: 'Ti\u0001tle',
              kind: 'text',
              data: [{ id: 'd1', value: '<a href="x\u000B">' }],
              segments: [{ id: 's1', source: [{ text: 'Vertical\u000Btab \uD800' }] }],
            },
          ],
        },
      ],
    })
    expect(xml).toContain('<note category="title">Verticaltab  </note>')
    expect(xml).toContain('Vertical<cp hex="000B"/>tab <cp hex="D800"/>')
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/)
    const parsed = await parseXliff(xml)
    expect(parsed.documents[0].units[0].id).toBe('title')
  })

  it('keeps a character outside the BMP whole', () => {
    const xml = buildXliff({
      source: 'en',
      target: 'ru',
      documents: [{ collection: 'events', id: '1', title: 'Torture \u{1F6AB}', units: [] }],
    })
    expect(xml).toContain('Torture \u{1F6AB}')
  })
})
