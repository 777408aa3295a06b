import type { BrowserContext, Page } from 'playwright-core'

import { launchBrowser, loginAs, openTab, snap, typeDate, watchErrors } from '../helpers/browser'
import { PASSWORD, type RestClient, staffClients } from '../helpers/rest'
import { type RunningServer, startServer } from '../helpers/server'
import { until } from '../helpers/wait'

const JOURNEY = 'event-zones'

describe('an editor in Brussels enters a conference in Dushanbe in Dushanbe time', () => {
  let server: RunningServer
  let browser: BrowserContext
  let anonymous: RestClient
  let page: Page
  let errors: string[]
  let id: number

  beforeAll(async () => {
    server = await startServer()
    ;({ anonymous } = await staffClients(server))
    browser = await launchBrowser({ timeZone: 'Europe/Brussels' })
    page = await browser.newPage()
    errors = watchErrors(page)
    await loginAs(page, server.url, 'editor@pressroom.test', PASSWORD)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop('SIGKILL')
  })

  it('stores 09:00 in Dushanbe as 04:00 UTC, for the start, the end, a session and the deadline', async () => {
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('Europe/Brussels')
    await page.goto(`${server.url}/admin/collections/events/create`, { waitUntil: 'networkidle' })
    await page.fill('#field-title', 'Regional conference in Dushanbe')
    await openTab(page, 'When and where')
    await page.click('#field-startDate .rs__control')
    await page.keyboard.type('Dushanbe')
    await snap(page, JOURNEY, 'timezone-picker')
    await page.locator('.rs__option', { hasText: 'Asia/Dushanbe' }).first().click()
    await typeDate(page, 'startDate', '06/01/2030 9:00 AM')
    await typeDate(page, 'endDate', '06/01/2030 5:00 PM')
    await openTab(page, 'Programme')
    await page.getByRole('button', { name: 'Add Programme' }).click()
    await page.fill('#field-programme__0__title', 'Opening session')
    await typeDate(page, 'programme__0__startTime', '06/01/2030 9:30 AM')
    await openTab(page, 'Registration')
    await typeDate(page, 'registration__deadline', '05/20/2030 6:00 PM')
    await page.waitForURL(/\/admin\/collections\/events\/\d+/, { timeout: 20_000 })
    id = Number(page.url().match(/events\/(\d+)/)![1])
    await page.click('#action-save')
    await until(async () => (await anonymous.get(`/api/events/${id}`)).status === 200, 'the event in the public API')

    const { body } = await anonymous.get(`/api/events/${id}?depth=0`)
    expect(body).toMatchObject({
      timezone: 'Asia/Dushanbe',
      startDate: '2030-06-01T04:00:00.000Z',
      endDate: '2030-06-01T12:00:00.000Z',
    })
    expect(body.programme[0].startTime).toBe('2030-06-01T04:30:00.000Z')
    expect(body.registration.deadline).toBe('2030-05-20T13:00:00.000Z')
  })

  it('gives calendars 09:00 with the Dushanbe TZID', async () => {
    const calendar = await anonymous.get(`/api/events/${id}/ics`)
    expect(calendar.status).toBe(200)
    expect(calendar.body).toContain('DTSTART;TZID=Asia/Dushanbe:20300601T090000')
    expect(calendar.body).toContain('DTEND;TZID=Asia/Dushanbe:20300601T170000')
  })

  it('shows the times in Dushanbe again, in the edit view and in the list, not in Brussels time', async () => {
    await page.goto(`${server.url}/admin/collections/events/${id}`, { waitUntil: 'networkidle' })
    await openTab(page, 'When and where')
    await expect(page.locator('#field-startDate input').first().inputValue()).resolves.toMatch(/9:00 AM/)
    await snap(page, JOURNEY, 'event-in-its-zone')
    await openTab(page, 'Programme')
    await expect(page.locator('#field-programme__0__startTime input').first().inputValue()).resolves.toMatch(/9:30 AM/)
    await page.goto(`${server.url}/admin/collections/events?search=Dushanbe`, { waitUntil: 'networkidle' })
    await expect(
      page.locator('tr', { hasText: 'Regional conference in Dushanbe' }).first().textContent(),
    ).resolves.toMatch(/9:00 AM/)
    expect(errors).toEqual([])
  })

  it('arranges the event and press release edit views in tabs, with the sidebar beside them', async () => {
    const tabs = () => page.locator('.tabs-field__tab-button').allTextContents()
    await page.goto(`${server.url}/admin/collections/events/${id}`, { waitUntil: 'networkidle' })
    expect(await tabs()).toEqual([
      'Content',
      'When and where',
      'People',
      'Programme',
      'Registration',
      'Links and media',
    ])
    for (const label of await tabs()) {
      await openTab(page, label)
      await snap(page, JOURNEY, `event-tab-${label.toLowerCase().replaceAll(' ', '-')}`)
    }
    await expect(page.locator('.document-fields__sidebar #field-project').count()).resolves.toBe(1)

    await page.goto(`${server.url}/admin/collections/press-releases/create`, { waitUntil: 'networkidle' })
    expect(await tabs()).toEqual(['Content', 'Dateline and embargo', 'Quotes and contacts', 'Links and media'])
    for (const label of await tabs()) {
      await openTab(page, label)
      await snap(page, JOURNEY, `press-release-tab-${label.toLowerCase().replaceAll(' ', '-')}`)
    }
    await expect(page.locator('.document-fields__sidebar [id^="field-slug"]').count()).resolves.toBeGreaterThan(0)
    expect(errors).toEqual([])
  })
})
