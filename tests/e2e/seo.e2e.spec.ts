import type { BrowserContext, Page } from 'playwright-core'

import { launchBrowser, loginAs, snap, watchErrors } from '../helpers/browser'
import { PASSWORD, type RestClient, staffClients } from '../helpers/rest'
import { type RunningServer, startServer } from '../helpers/server'
import { until } from '../helpers/wait'

const JOURNEY = 'seo'

describe('an editor renames an event and lets the SEO fields fill themselves in', () => {
  let server: RunningServer
  let browser: BrowserContext
  let anonymous: RestClient
  let page: Page
  let errors: string[]

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

  it('auto-generates the meta title and description from the new title and summary, and the API shows them after saving', async () => {
    const event = (await anonymous.get('/api/events?depth=0&limit=1')).body.docs[0]
    // Filled on save by the seed: the buttons must replace it with what the form says now.
    expect(event.meta.title).toBeTruthy()
    await page.goto(`${server.url}/admin/collections/events/${event.id}`, { waitUntil: 'networkidle' })
    await page.fill('#field-title', 'Legal aid forum for the Coalitions against Torture in Central Asia, Almaty')
    await page.fill(
      '#field-summary',
      'Lawyers and monitors from five countries compare how victims of torture get legal aid.',
    )
    const generate = page.getByRole('button', { name: 'Auto-generate' })
    await generate.nth(0).click()
    await until(
      async () =>
        (await page.inputValue('#field-meta__title')) === 'Legal aid forum for the Coalitions against Torture in…',
      'the generated meta title',
    )
    await generate.nth(1).click()
    await until(
      async () =>
        (await page.inputValue('#field-meta__description')) ===
        'Lawyers and monitors from five countries compare how victims of torture get legal aid.',
      'the generated meta description',
    )
    // The plugin's length hint for a 54-character title (50–60 is the target).
    await page
      .getByText(/54\/50-60 chars/)
      .first()
      .waitFor()
    await snap(page, JOURNEY, 'generated')
    await page.click('#action-save')
    await until(
      async () =>
        (await anonymous.get(`/api/events/${event.id}?depth=0`)).body.meta?.title ===
        'Legal aid forum for the Coalitions against Torture in…',
      'the meta in the public API',
    )
    const { body } = await anonymous.get(`/api/events/${event.id}?depth=0`)
    expect(body.meta.description).toBe(
      'Lawyers and monitors from five countries compare how victims of torture get legal aid.',
    )
    expect(body.openGraph).toMatchObject({ title: body.meta.title, description: body.meta.description })
    expect(errors).toEqual([])
  })
})
