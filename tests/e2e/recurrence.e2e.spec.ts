import type { BrowserContext, Page } from 'playwright-core'

import { choose, launchBrowser, loginAs, openTab, snap, typeDate, watchErrors } from '../helpers/browser'
import { PASSWORD, type RestClient, staffClients } from '../helpers/rest'
import { type RunningServer, startServer } from '../helpers/server'
import { until } from '../helpers/wait'

const JOURNEY = 'recurrence'

describe('an editor makes a training recur through the form', () => {
  let server: RunningServer
  let browser: BrowserContext
  let anonymous: RestClient
  let page: Page
  let errors: string[]

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

  it('fills frequency, interval, weekdays and count, and the API shows the RRULE derived from them', async () => {
    await page.goto(`${server.url}/admin/collections/events/create`, { waitUntil: 'networkidle' })
    await page.fill('#field-title', 'Fortnightly legal-aid training')
    await openTab(page, 'When and where')
    await choose(page, '#field-startDate', 'Asia/Almaty')
    await typeDate(page, 'startDate', '01/06/2031 10:00 AM')
    await typeDate(page, 'endDate', '01/06/2031 1:00 PM')
    await choose(page, '#field-recurrence__frequency', 'weekly')
    await page.fill('#field-recurrence__interval', '2')
    await choose(page, '#field-recurrence__weekdays', 'Monday')
    await choose(page, '#field-recurrence__weekdays', 'Wednesday')
    await page.fill('#field-recurrence__count', '6')
    await page.waitForURL(/\/admin\/collections\/events\/\d+/, { timeout: 20_000 })
    const id = Number(page.url().match(/events\/(\d+)/)![1])
    await page.click('#action-save')
    await until(async () => (await anonymous.get(`/api/events/${id}`)).status === 200, 'the event in the public API')

    const { body } = await anonymous.get(`/api/events/${id}?depth=0`)
    expect(body.timezone).toBe('Asia/Almaty')
    expect(body.recurrence).toMatchObject({
      frequency: 'weekly',
      interval: 2,
      weekdays: ['MO', 'WE'],
      count: 6,
      rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=6',
    })
    const occurrences = await anonymous.get('/api/events/occurrences?from=2031-01-01&to=2031-03-01&depth=0')
    expect(
      occurrences.body.docs
        .filter((row: { event: { id: number } }) => row.event.id === id)
        .map((row: { start: string }) => row.start),
    ).toEqual([
      '2031-01-06T05:00:00.000Z',
      '2031-01-08T05:00:00.000Z',
      '2031-01-20T05:00:00.000Z',
      '2031-01-22T05:00:00.000Z',
      '2031-02-03T05:00:00.000Z',
      '2031-02-05T05:00:00.000Z',
    ])

    // The rule is shown, read-only, once saved.
    await page.reload({ waitUntil: 'networkidle' })
    await openTab(page, 'When and where')
    await expect(page.locator('#field-startDate input').first().inputValue()).resolves.toMatch(/10:00 AM/)
    const rrule = page.locator('#field-recurrence__rrule')
    await expect(rrule.inputValue()).resolves.toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=6')
    await expect(rrule.isEditable()).resolves.toBe(false)
    await page.locator('#field-recurrence__frequency').scrollIntoViewIfNeeded()
    await snap(page, JOURNEY, 'recurrence-form')
    expect(errors).toEqual([])
  })
})
