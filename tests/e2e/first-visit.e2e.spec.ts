import type { BrowserContext } from 'playwright-core'

import { launchBrowser, snap, watchErrors } from '../helpers/browser'
import { PASSWORD } from '../helpers/rest'
import { type RunningServer, startServer } from '../helpers/server'

describe('journey 1: the first visit', () => {
  let server: RunningServer
  let browser: BrowserContext

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop('SIGKILL')
  })

  it('creates the first user, who lands on the dashboard as an admin, with no error and nothing loaded from outside', async () => {
    const page = await browser.newPage()
    const errors = watchErrors(page)
    const outside: string[] = []
    page.on('request', (request) => {
      if (
        !request.url().startsWith(server.url) &&
        !request.url().startsWith('data:') &&
        !request.url().startsWith('blob:')
      )
        outside.push(request.url())
    })
    await page.goto(`${server.url}/admin`)
    await page.waitForURL(/\/admin\/create-first-user/)
    await snap(page, 'first-visit', 'create-first-user')
    // Roles and locales do nothing here: the first account becomes an admin.
    await page.locator('#field-name').waitFor()
    expect(await page.locator('#field-roles, #field-locales').count()).toBe(0)
    await page.fill('#field-email', 'admin@pressroom.test')
    await page.fill('#field-password', PASSWORD)
    await page.fill('#field-confirm-password', PASSWORD)
    await page.fill('#field-name', 'Nigora Admin')
    await page.click('button[type=submit]')
    await page.waitForURL(new RegExp(`${server.url}/admin/?$`))
    await page.getByText('Events').first().waitFor()
    // The dashboard opens with what needs attention: the seeded release has Russian, not Kazakh.
    const panel = page.getByRole('region', { name: 'What needs you' })
    await panel.waitFor()
    expect(await panel.locator('li[data-locale=ru]').textContent()).toContain('Русский: 2/2')
    expect(await panel.locator('li[data-locale=kk]').textContent()).toContain('Қазақша: 0/2')
    await snap(page, 'first-visit', 'dashboard')
    const me = await page.evaluate(
      async () => (await (await fetch('/api/users/me')).json()) as { user: { roles: string[]; name: string } },
    )
    expect(me.user).toMatchObject({ roles: ['admin'], name: 'Nigora Admin' })
    // Once signed in, an admin sets them.
    await page.goto(`${server.url}/admin/collections/users/create`, { waitUntil: 'networkidle' })
    await page.locator('#field-roles').waitFor()
    expect(await page.locator('#field-locales').count()).toBe(1)
    expect(errors).toEqual([])
    expect(outside).toEqual([])
  })
})
