import type { BrowserContext, Page } from 'playwright-core'

import { launchBrowser, loginAs, snap, watchErrors } from '../helpers/browser'
import { PASSWORD, type RestClient, staffClients } from '../helpers/rest'
import { type RunningServer, startServer } from '../helpers/server'

const JOURNEY = 'translations'

type Cell = { status: string; counts: { translated: number; total: number } }
type Report = { documents: { collection: string; id: number; locales: Record<string, Cell> }[] }

describe('journey 7: the translations view shows the statuses the data implies', () => {
  let server: RunningServer
  let browser: BrowserContext
  let editor: RestClient
  let translator: RestClient
  let page: Page
  let translated: number
  let stale: number

  beforeAll(async () => {
    server = await startServer()
    ;({ editor, translator } = await staffClients(server, ['kk', 'ru']))
    const create = async (name: string) =>
      (await editor.post('/api/organisations?locale=en', { name, city: 'Dushanbe', organisationType: 'ngo' })).body.doc
        .id as number
    translated = await create('Human Rights Centre')
    stale = await create('Bureau on Human Rights')
    for (const id of [translated, stale]) {
      expect(
        (
          await translator.patch(`/api/organisations/${id}?locale=ru`, {
            name: `Правозащитный центр ${id}`,
            city: 'Душанбе',
          })
        ).status,
      ).toBe(200)
    }
    // The English changes after the translation: the Russian city is now out of date.
    expect((await editor.patch(`/api/organisations/${stale}?locale=en`, { city: 'Khujand' })).status).toBe(200)
    browser = await launchBrowser()
    page = await browser.newPage()
    await loginAs(page, server.url, 'translator@pressroom.test', PASSWORD)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop('SIGKILL')
  })

  const cellStatus = (document: string, locale: string) =>
    page.locator(`tr[data-document="${document}"] td[data-locale="${locale}"]`).getAttribute('data-status')

  it('shows a documents × languages grid, the translator’s languages first, matching the status API', async () => {
    const errors = watchErrors(page)
    // The navigation (closed at this width) links the view.
    expect(await page.locator('#nav-translations').getAttribute('href')).toBe('/admin/translations')
    await page.goto(`${server.url}/admin/translations`, { waitUntil: 'networkidle' })
    await page.locator('.translations-view__grid').waitFor()
    await snap(page, JOURNEY, 'grid')
    expect(
      await page
        .locator('.translations-view__grid thead th[data-locale]')
        .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-locale'))),
    ).toEqual(['kk', 'ru', 'tg', 'ky'])

    expect(await cellStatus(`organisations/${translated}`, 'ru')).toBe('translated')
    expect(await cellStatus(`organisations/${stale}`, 'ru')).toBe('stale')
    expect(await cellStatus(`organisations/${translated}`, 'kk')).toBe('missing')

    // Every cell on the page is what the API says about the same document and language.
    const report = (await editor.get('/api/translations/status?limit=200')).body as Report
    const shown = await page.locator('td.translations-view__cell').evaluateAll((cells) =>
      cells.map((cell) => ({
        document: cell.closest('tr')?.getAttribute('data-document'),
        locale: cell.getAttribute('data-locale'),
        status: cell.getAttribute('data-status'),
      })),
    )
    expect(shown.length).toBeGreaterThan(20)
    for (const cell of shown) {
      const document = report.documents.find((d) => `${d.collection}/${d.id}` === cell.document)
      expect({ ...cell, status: document?.locales[cell.locale ?? '']?.status }).toEqual(cell)
    }
    expect(errors).toEqual([])
  })

  it('filters by status and opens the document in that language, whose panel names the stale field', async () => {
    await page.goto(`${server.url}/admin/translations?locale=ru&status=stale`, { waitUntil: 'networkidle' })
    const rows = await page
      .locator('tbody tr[data-document]')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-document')))
    expect(rows).toContain(`organisations/${stale}`)
    expect(rows).not.toContain(`organisations/${translated}`)
    await snap(page, JOURNEY, 'stale-in-russian')

    await page.locator(`tr[data-document="organisations/${stale}"] td[data-locale="ru"] a`).click()
    await page.waitForURL(new RegExp(`/admin/collections/organisations/${stale}\\?locale=ru`))
    const panel = page.locator('.translation-panel[data-status]')
    await panel.waitFor()
    expect(await panel.getAttribute('data-status')).toBe('stale')
    expect(
      await panel
        .locator('li[data-path]')
        .evaluateAll((items) =>
          items.map((item) => `${item.getAttribute('data-path')}:${item.getAttribute('data-status')}`),
        ),
    ).toEqual(['city:stale'])
    await snap(page, JOURNEY, 'panel-stale-field')
  })
})
