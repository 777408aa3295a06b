import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { BrowserContext } from 'playwright-core'

import { launchBrowser, snap, watchErrors } from '../helpers/browser'
import { TEST_SECRET } from '../helpers/payload'
import { PASSWORD } from '../helpers/rest'
import { freePort } from '../helpers/server'

const root = path.resolve(import.meta.dirname, '..', '..')

/**
 * The blank-template host (tests/hosts/blank) as Payload's templates run: Next.js alone, no
 * express in front (`next dev`, with next.config.mjs pointing `@payload-config` at the host).
 * The admin comes up with Pressroom's collections and views, and the feeds answer as Payload
 * endpoints.
 */
describe('smoke: the blank-template host in the admin panel, on Next.js only', () => {
  let child: ChildProcess
  let url: string
  let browser: BrowserContext
  let output = ''

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pressroom-blank-host-'))
    const port = await freePort()
    url = `http://127.0.0.1:${port}`
    child = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['dev', '-p', String(port), '-H', '127.0.0.1'], {
      cwd: root,
      // Its own process group, so that stopping it stops Next's workers too.
      detached: true,
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        NEXT_TELEMETRY_DISABLED: '1',
        PRESSROOM_HOST_CONFIG: './tests/hosts/blank/payload.config.ts',
        DATABASE_URI: `file:${path.join(dir, 'blank.db')}`,
        MEDIA_DIR: path.join(dir, 'media'),
        PAYLOAD_SECRET: TEST_SECRET,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout?.on('data', (chunk) => (output += chunk))
    child.stderr?.on('data', (chunk) => (output += chunk))
    // The first request compiles the API routes; later ones are quick.
    const deadline = Date.now() + 240_000
    for (;;) {
      const reply = await fetch(`${url}/api/users/init`).catch(() => undefined)
      if (reply?.ok) break
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`next dev did not come up:\n${output}`)
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
    browser = await launchBrowser()
  }, 300_000)
  afterAll(async () => {
    await browser?.close()
    if (child?.pid) process.kill(-child.pid, 'SIGTERM')
  })

  it('creates the first user as an admin, shows Pressroom beside the host’s pages, and serves the feeds', async () => {
    const page = await browser.newPage()
    const errors = watchErrors(page)
    await page.goto(`${url}/admin`, { timeout: 240_000 })
    await page.waitForURL(/\/admin\/create-first-user/, { timeout: 240_000 })
    await page.fill('#field-email', 'admin@blank.test')
    await page.fill('#field-password', PASSWORD)
    await page.fill('#field-confirm-password', PASSWORD)
    await page.click('button[type=submit]')
    await page.waitForURL(new RegExp(`${url}/admin/?$`), { timeout: 240_000 })
    // Pressroom's dashboard panel and collections, and the host's own pages.
    await page.getByRole('region', { name: 'What needs you' }).waitFor({ timeout: 120_000 })
    for (const label of ['Events', 'Press Releases', 'Pages'])
      await page.getByText(label, { exact: true }).first().waitFor()
    await snap(page, 'blank-host', 'dashboard')
    const me = await (await page.request.get(`${url}/api/users/me`)).json()
    expect(me.user.roles).toEqual(['admin'])

    await page.goto(`${url}/admin/translations`, { timeout: 240_000 })
    await page.locator('#nav-translations').waitFor({ timeout: 120_000 })
    await snap(page, 'blank-host', 'translations')

    const feed = await fetch(`${url}/api/feeds/press-releases.xml?locale=fr`)
    expect(feed.status).toBe(200)
    expect(feed.headers.get('content-type')).toMatch(/rss\+xml/)
    expect(errors).toEqual([])
  }, 600_000)
})
