import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { po } from 'gettext-parser'

import { TEST_SECRET, throwawayDatabaseUri } from '../helpers/payload'
import { type RestClient, staffClients } from '../helpers/rest'
import { type RunningServer, startServer } from '../helpers/server'
import { fillTargets, validateXliff, validateXliff12 } from '../helpers/xliff'

describe('npm run translations: status, export and import in batches', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pressroom-cli-'))
  const env = { DATABASE_URI: throwawayDatabaseUri(dir), MEDIA_DIR: path.join(dir, 'media') }
  let server: RunningServer
  let editor: RestClient

  /** The command as `npm run translations --` runs it, against the server's database. */
  // Asynchronous, so the test's own connections to the server stay serviced meanwhile.
  const cli = (...args: string[]) =>
    new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      execFile(
        process.execPath,
        [path.resolve('node_modules/tsx/dist/cli.mjs'), 'src/plugins/translations/cli.ts', ...args],
        {
          encoding: 'utf8',
          env: { ...process.env, ...env, NODE_OPTIONS: '', NODE_ENV: 'production', PAYLOAD_SECRET: TEST_SECRET },
          timeout: 90_000,
        },
        (error, out, err) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out, err }),
      )
    })

  beforeAll(async () => {
    server = await startServer(env)
    ;({ editor } = await staffClients(server, ['ru']))
  })
  afterAll(() => server?.stop('SIGKILL'))

  it('exports the seeded releases, imports the translated file, and reports the change in status', async () => {
    const before = await cli('status', '--collection', 'press-releases', '--locale', 'ru')
    expect(before.code).toBe(0)
    expect(before.out).toMatch(/\| ru \| 1 \| 0 \| 0 \| 1 \|/)

    const out = path.join(dir, 'out')
    const exported = await cli(
      'export',
      '--collection',
      'press-releases',
      '--target',
      'ru',
      '--status',
      'missing',
      '--out',
      out,
      '--as',
      'translator@pressroom.test',
    )
    expect(exported.code).toBe(0)
    expect(exported.err).toMatch(/press-releases \[.*\] 1\/1 documents/)
    const [file] = readdirSync(out)
    expect(file).toBe('press-releases.en-ru.xlf')
    const xml = readFileSync(path.join(out, file), 'utf8')
    expect(validateXliff(xml, 'cli.xlf')).toBe('')

    const filled = path.join(dir, 'filled.xlf')
    writeFileSync(filled, fillTargets(xml))
    const imported = await cli('import', filled, '--as', 'translator@pressroom.test')
    expect(imported.code).toBe(0)
    expect(imported.out).toMatch(/^\d+ applied, 0 unchanged, 0 stale, 0 rejected\./m)

    expect((await cli('status', '--collection', 'press-releases', '--locale', 'ru')).out).toMatch(
      /\| ru \| 1 \| 1 \| 0 \| 0 \|/,
    )
  })

  it('refuses a malformed file and a locale the user does not translate, writing nothing', async () => {
    const broken = path.join(dir, 'broken.xlf')
    writeFileSync(broken, '<xliff version="2.0" srcLang="en" trgLang="ru"><file id="f" original="press-releases/1">')
    const malformed = await cli('import', broken)
    expect(malformed.code).toBe(1)
    expect(malformed.err).toMatch(/not well-formed.*Nothing was written/)
    const kk = await cli('export', '--target', 'kk', '--as', 'translator@pressroom.test', '--out', path.join(dir, 'kk'))
    expect(kk.code).toBe(1)
    expect(kk.err).toMatch(/does not translate into kk/)
    expect(
      (await editor.get('/api/translations/status?collection=press-releases&locale=kk')).body.totals.kk.missing,
    ).toBe(1)
  })

  it('exports XLIFF 1.2 and gettext PO, and imports each back by its content', async () => {
    const out = path.join(dir, 'formats')
    const as = ['--collection', 'press-releases', '--target', 'ru', '--out', out, '--as', 'translator@pressroom.test']
    expect((await cli('export', ...as, '--format', 'xliff', '--version', '1.2')).code).toBe(0)
    expect((await cli('export', ...as, '--format', 'po')).code).toBe(0)
    expect(readdirSync(out).sort()).toEqual(['press-releases.en-ru.po', 'press-releases.en-ru.xliff12.xlf'])

    const twelve = readFileSync(path.join(out, 'press-releases.en-ru.xliff12.xlf'), 'utf8')
    expect(validateXliff12(twelve, 'cli.xliff12.xlf')).toBe('')
    const filled12 = path.join(dir, 'filled.xliff12.xlf')
    writeFileSync(
      filled12,
      twelve.replace(/(<target xml:lang="ru" state=")[^"]+(">)(?:\[ru\] )?/g, '$1translated$2[ru, 1.2] '),
    )
    const imported12 = await cli('import', filled12, '--as', 'translator@pressroom.test')
    expect(imported12.out).toMatch(/^[1-9]\d* applied, 0 unchanged, 0 stale, 0 rejected\./m)

    const parsed = po.parse(readFileSync(path.join(out, 'press-releases.en-ru.po'), 'utf8'))
    for (const entry of Object.values(parsed.translations).flatMap((byId) => Object.values(byId)))
      if (entry.msgid) entry.msgstr = [`[ru, po] ${entry.msgid}`]
    const filledPo = path.join(dir, 'filled.po')
    writeFileSync(filledPo, po.compile(parsed))
    const importedPo = await cli('import', filledPo, '--as', 'translator@pressroom.test')
    expect(importedPo.out).toMatch(/^[1-9]\d* applied, 0 unchanged, 0 stale, 0 rejected\./m)
    expect(
      (await editor.get('/api/press-releases?locale=ru&draft=true&depth=0&fallback-locale=none')).body.docs[0].title,
    ).toMatch(/^\[ru, po\] /)
    expect((await cli('export', ...as, '--format', 'docx')).err).toMatch(/--format must be one of xliff, json, po/)
  })
})
