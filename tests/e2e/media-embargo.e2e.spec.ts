import type { BrowserContext, Page } from 'playwright-core'
import sharp from 'sharp'

import { launchBrowser, loginAs, openTab, snap } from '../helpers/browser'
import { PASSWORD, type RestClient, staffClients } from '../helpers/rest'
import { type RunningServer, startServer } from '../helpers/server'
import { until } from '../helpers/wait'

describe('journeys 5 and 6: media uploads and an embargoed release', () => {
  let server: RunningServer
  let browser: BrowserContext
  let anonymous: RestClient
  let editor: RestClient
  let page: Page

  beforeAll(async () => {
    server = await startServer({ SEED_ON_START: 'false', PRESSROOM_ROUTE_HEADER: 'enabled' })
    ;({ anonymous, editor } = await staffClients(server))
    browser = await launchBrowser()
    page = await browser.newPage()
    await loginAs(page, server.url, 'editor@pressroom.test', PASSWORD)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop('SIGKILL')
  })

  it('uploads an image with its alt text', async () => {
    const png = await sharp({ create: { width: 1400, height: 900, channels: 3, background: '#1b4965' } })
      .png()
      .toBuffer()
    await page.goto(`${server.url}/admin/collections/media/create`, { waitUntil: 'networkidle' })
    await page.setInputFiles('input[type=file]', { name: 'conference-hall.png', mimeType: 'image/png', buffer: png })
    await page.fill('#field-alt', 'Participants in the conference hall in Dushanbe')
    await snap(page, 'media', 'image-with-alt')
    await page.click('#action-save')
    // A file no published document uses is the staff's alone (tests/security/hidden-traces.spec.ts).
    await until(async () => (await editor.get('/api/media?depth=0')).body.totalDocs === 1, 'the upload')
    const [doc] = (await editor.get('/api/media?depth=0')).body.docs
    expect(doc).toMatchObject({ alt: 'Participants in the conference hall in Dushanbe', mimeType: 'image/png' })
    expect(doc.sizes.social).toMatchObject({ width: 1200, height: 630 })
    await snap(page, 'media', 'saved')
  })

  it('refuses an SVG with a message that says what is accepted', async () => {
    await page.goto(`${server.url}/admin/collections/media/create`, { waitUntil: 'networkidle' })
    await page.setInputFiles('input[type=file]', {
      name: 'logo.svg',
      mimeType: 'image/svg+xml',
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    })
    await page.fill('#field-alt', 'Logo')
    await page.click('#action-save')
    await page
      .getByText('SVG files (they can carry scripts) are not accepted', { exact: false })
      .first()
      .waitFor({ timeout: 15_000 })
    await snap(page, 'media', 'svg-refused')
    expect((await editor.get('/api/media/count')).body.totalDocs).toBe(1)
  })

  it('publishes a release under embargo, absent from the public API until its time', async () => {
    await page.goto(`${server.url}/admin/collections/press-releases/create`, { waitUntil: 'networkidle' })
    await page.fill('#field-title', 'Findings under embargo')
    await openTab(page, 'Dateline and embargo')
    // Minutes are the picker's precision: five minutes ahead stays ahead whatever the seconds.
    for (const [field, value] of [
      ['releaseDate', '06/01/2030'],
      [
        'embargoUntil',
        new Date(Date.now() + 5 * 60_000)
          .toLocaleString('en-US', {
            month: '2-digit',
            day: '2-digit',
            year: 'numeric',
            hour: 'numeric',
            minute: '2-digit',
          })
          .replace(',', ''),
      ],
    ]) {
      const input = page.locator(`#field-${field} input`).first()
      await input.fill(value)
      await input.press('Enter')
      await page.keyboard.press('Escape')
    }
    await snap(page, 'embargo', 'release-filled')
    await page.waitForURL(/\/admin\/collections\/press-releases\/\d+/, { timeout: 20_000 })
    const id = Number(page.url().match(/press-releases\/(\d+)/)![1])
    await page.click('#action-save')
    await until(
      async () => (await editor.get(`/api/press-releases/${id}?depth=0`)).body._status === 'published',
      'the publish',
    )
    const saved = (await editor.get(`/api/press-releases/${id}?depth=0`)).body
    expect(Date.parse(saved.embargoUntil)).toBeGreaterThan(Date.now())
    // Published, yet absent from every public read: by id, in the list, through Payload's own route too.
    expect((await anonymous.get(`/api/press-releases/${id}`)).status).toBe(404)
    expect((await anonymous.get('/api/press-releases?depth=0')).body.totalDocs).toBe(0)
    expect(
      (await fetch(`${server.url}/api/press-releases/${id}`, { headers: { 'x-pressroom-path': 'next' } })).status,
    ).toBe(404)
    await snap(page, 'embargo', 'published-under-embargo')
    // The editor brings the embargo forward to a moment two seconds away; then it is public.
    await editor.patch(`/api/press-releases/${id}`, {
      embargoUntil: new Date(Date.now() + 2000).toISOString(),
      _status: 'published',
    })
    expect((await anonymous.get(`/api/press-releases/${id}`)).status).toBe(404)
    await until(
      async () => (await anonymous.get(`/api/press-releases/${id}`)).status === 200,
      'the embargo to lift',
      10_000,
    )
  })
})
