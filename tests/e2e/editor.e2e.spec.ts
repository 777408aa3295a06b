import type { BrowserContext, Page } from 'playwright-core'

import { choose, launchBrowser, loginAs, openTab, snap, typeDate, watchErrors } from '../helpers/browser'
import { PASSWORD, type RestClient, staffClients } from '../helpers/rest'
import { type RunningServer, startServer } from '../helpers/server'
import { until } from '../helpers/wait'

const JOURNEY = 'editor'

describe('journeys 2 and 3: an editor publishes an event, then its Russian title', () => {
  let server: RunningServer
  let browser: BrowserContext
  let anonymous: RestClient
  let page: Page
  let errors: string[]
  let id: number

  beforeAll(async () => {
    server = await startServer()
    ;({ anonymous } = await staffClients(server))
    browser = await launchBrowser()
    page = await browser.newPage()
    errors = watchErrors(page)
    await loginAs(page, server.url, 'editor@pressroom.test', PASSWORD)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop('SIGKILL')
  })

  it('creates an event with two speakers and a programme session, and publishes it', async () => {
    await page.goto(`${server.url}/admin/collections/events/create`, { waitUntil: 'networkidle' })
    await page.fill('#field-title', 'Legal aid forum')
    // The event's zone first: the times are then entered in it.
    await openTab(page, 'When and where')
    await choose(page, '#field-startDate', 'Asia/Almaty')
    await typeDate(page, 'startDate', '06/01/2030 9:00 AM')
    await typeDate(page, 'endDate', '06/02/2030 5:00 PM')
    await openTab(page, 'People')
    await page.getByRole('button', { name: 'Add Speaker' }).click()
    await choose(page, '#field-speakers__0__speaker', 'Elena Volochay')
    await page.getByRole('button', { name: 'Add Speaker' }).click()
    await choose(page, '#field-speakers__1__speaker', 'Markus Mueller')
    await openTab(page, 'Programme')
    await page.getByRole('button', { name: 'Add Programme' }).click()
    await page.fill('#field-programme__0__title', 'Opening session')
    await snap(page, JOURNEY, 'event-filled')
    // Autosave keeps a draft while the editor works; the public sees nothing yet.
    await page.waitForURL(/\/admin\/collections\/events\/\d+/, { timeout: 20_000 })
    id = Number(page.url().match(/events\/(\d+)/)![1])
    expect((await anonymous.get(`/api/events/${id}`)).status).toBe(404)
    await page.click('#action-save')
    await until(async () => (await anonymous.get(`/api/events/${id}`)).status === 200, 'the event in the public API')
    await snap(page, JOURNEY, 'event-published')

    const published = await anonymous.get(`/api/events/${id}?depth=1`)
    expect(published.status).toBe(200)
    expect(published.body).toMatchObject({ title: 'Legal aid forum', timezone: 'Asia/Almaty', _status: 'published' })
    expect(published.body.speakers.map((row: { speaker: { name: string } }) => row.speaker.name)).toEqual([
      'Elena Volochay',
      'Markus Mueller',
    ])
    expect(published.body.programme[0].title).toBe('Opening session')
  })

  it('switches to Russian, adds the Russian title and publishes it; a public ru read shows it', async () => {
    await page.goto(`${server.url}/admin/collections/events/${id}?locale=ru`, { waitUntil: 'networkidle' })
    // Payload reopens the tab the editor left the document on (Programme).
    await openTab(page, 'Content')
    await page.locator('#field-title').waitFor()
    await page.fill('#field-title', 'Форум по правовой помощи')
    await snap(page, JOURNEY, 'russian-title')
    await page.click('#action-save')
    await until(
      async () => (await anonymous.get(`/api/events/${id}?locale=ru`)).body.title === 'Форум по правовой помощи',
      'the Russian title in the public API',
    )
    await snap(page, JOURNEY, 'russian-published')
    expect((await anonymous.get(`/api/events/${id}?locale=en`)).body.title).toBe('Legal aid forum')
    expect(errors).toEqual([])
  })
})
