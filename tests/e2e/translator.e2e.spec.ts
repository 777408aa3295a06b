import type { BrowserContext, Page } from 'playwright-core'

import { launchBrowser, loginAs, openTab, snap, watchErrors } from '../helpers/browser'
import { PASSWORD, type RestClient, staffClients } from '../helpers/rest'
import { type RunningServer, startServer } from '../helpers/server'
import { until } from '../helpers/wait'

const JOURNEY = 'translator'

describe('journey 4: a translator works on Russian', () => {
  let server: RunningServer
  let browser: BrowserContext
  let anonymous: RestClient
  let editor: RestClient
  let page: Page
  let id: number

  beforeAll(async () => {
    server = await startServer()
    ;({ anonymous, editor } = await staffClients(server, ['ru']))
    id = (await anonymous.get('/api/events?depth=0')).body.docs[0].id
    browser = await launchBrowser()
    page = await browser.newPage()
    await loginAs(page, server.url, 'translator@pressroom.test', PASSWORD)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop('SIGKILL')
  })

  it('sees no Publish button, finds non-localized fields read-only, and saves Russian as a draft', async () => {
    const errors = watchErrors(page)
    // The editor's change, so that the sidebar names someone else than the translator.
    expect(
      (
        await editor.patch(`/api/events/${id}?publishAllLocales=true`, {
          expectedParticipants: 61,
          _status: 'published',
        })
      ).status,
    ).toBe(200)
    await page.goto(`${server.url}/admin/collections/events/${id}?locale=ru`, { waitUntil: 'networkidle' })
    await page.locator('#field-title').waitFor()
    await page.waitForLoadState('networkidle')
    // The staff member's name, not "Untitled - ID: 2"; the translator reads no one's e-mail address.
    // The label arrives after the page, from the users the translator may read.
    await page.locator('#field-updatedBy', { hasText: 'Editor' }).waitFor({ timeout: 10_000 })
    expect(await page.locator('#field-updatedBy').textContent()).not.toContain('Untitled')
    const people = await page.evaluate(
      async () => (await (await fetch('/api/users?depth=0')).json()) as { docs: { name: string; email?: string }[] },
    )
    expect(people.docs.map((person) => person.name)).toContain('Editor')
    expect(people.docs.filter((person) => person.email).map((person) => person.email)).toEqual([
      'translator@pressroom.test',
    ])
    await snap(page, JOURNEY, 'event-in-russian')
    expect(await page.locator('#action-save').count()).toBe(0)
    expect(await page.getByRole('button', { name: /publish/i }).count()).toBe(0)
    expect(await page.locator('#field-title').isDisabled()).toBe(false)
    await openTab(page, 'When and where')
    expect(await page.locator('#startDate-timezone-picker').isDisabled()).toBe(true)
    await openTab(page, 'Registration')
    expect(await page.locator('#field-expectedParticipants').isDisabled()).toBe(true)
    await openTab(page, 'Content')

    await page.fill('#field-summary', 'Черновик перевода краткого описания')
    // Autosave stores the draft; the published Russian text stays what it was.
    await until(
      async () =>
        (await editor.get(`/api/events/${id}?locale=ru&draft=true&depth=0`)).body.summary ===
        'Черновик перевода краткого описания',
      'the autosaved draft',
    )
    await snap(page, JOURNEY, 'draft-saved')
    expect((await anonymous.get(`/api/events/${id}?locale=ru&depth=0`)).body.summary).not.toBe(
      'Черновик перевода краткого описания',
    )
    expect(errors).toEqual([])
  })
})
