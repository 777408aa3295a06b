import type { BrowserContext, Page } from 'playwright-core'

import { launchBrowser, loginAs, snap, watchErrors } from '../helpers/browser'
import { PASSWORD, type RestClient, staffClients } from '../helpers/rest'
import { type RunningServer, startServer } from '../helpers/server'
import { until } from '../helpers/wait'

const JOURNEY = 'donor-visibility'
const PROJECT_SLUG = 'action-for-freedom-from-torture-in-kazakhstan-and-tajikistan'
const TAJIK_TITLE = 'Мизи мудаввар дар Хуҷанд'
const TAJIK_STATEMENT = 'Ин лоиҳа аз ҷониби Иттиҳоди Аврупо маблағгузорӣ мешавад'

describe('an editor fixes a failing donor visibility check and publishes', () => {
  let server: RunningServer
  let browser: BrowserContext
  let anonymous: RestClient
  let page: Page
  let errors: string[]
  let event: number
  let notice: { id: number; name: string }

  beforeAll(async () => {
    server = await startServer()
    const staff = await staffClients(server)
    anonymous = staff.anonymous
    // The seed's EU notice, made to enforce the statement in every published language (it has English and Russian).
    const project = (await staff.editor.get(`/api/projects?where[slug][equals]=${PROJECT_SLUG}&depth=0`)).body.docs[0]
    notice = (
      await staff.admin.patch(`/api/donor-notices/${project.donorNotices[0]}`, {
        visibility: { emblemRequired: false, statementRequired: true, enforce: true },
        _status: 'published',
      })
    ).body.doc
    // An event of the project, published in English, with a Tajik title waiting as a draft.
    const created = await staff.editor.post('/api/events', {
      title: 'Roundtable in Khujand',
      project: project.id,
      donorNotices: [notice.id],
      startDate: '2030-10-01T04:00:00.000Z',
      endDate: '2030-10-01T12:00:00.000Z',
      _status: 'published',
    })
    event = created.body.doc.id
    expect((await staff.editor.patch(`/api/events/${event}?locale=tg&draft=true`, { title: TAJIK_TITLE })).status).toBe(
      200,
    )
    browser = await launchBrowser()
    page = await browser.newPage()
    errors = watchErrors(page)
    await loginAs(page, server.url, 'editor@pressroom.test', PASSWORD)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop('SIGKILL')
  })

  const warning = () => page.locator('.visibility-warning')
  const tajikTitle = async () =>
    (await anonymous.get(`/api/events/${event}?locale=tg&fallback-locale=none&depth=0`)).body.title ?? null

  it('sees the warning naming the missing Tajik statement, and publishing in Tajik is refused', async () => {
    await page.goto(`${server.url}/admin/collections/events/${event}?locale=tg`, { waitUntil: 'networkidle' })
    await warning().waitFor()
    expect(await warning().getAttribute('data-blocking')).toBe('true')
    expect(await warning().locator('li').allTextContents()).toEqual([
      `The statement of donor notice “${notice.name}” is missing in Tajik (tg).`,
    ])
    await snap(page, JOURNEY, 'warning')
    await page.click('#action-save')
    await page.getByText('The donor’s rules are enforced').first().waitFor()
    await snap(page, JOURNEY, 'refused')
    expect(await tajikTitle()).toBeNull()
  })

  it('opens the notice from the warning, adds the Tajik statement and publishes it; then the event publishes', async () => {
    await warning()
      .getByRole('link', { name: /Open the donor notice/ })
      .click()
    await page.waitForURL(new RegExp(`/admin/collections/donor-notices/${notice.id}\\?locale=tg`))
    await page.locator('#field-statement').waitFor()
    await page.fill('#field-statement', TAJIK_STATEMENT)
    await snap(page, JOURNEY, 'notice-translated')
    await page.click('#action-save')
    await until(
      async () =>
        (await anonymous.get(`/api/donor-notices/${notice.id}?locale=tg&fallback-locale=none`)).body.statement ===
        TAJIK_STATEMENT,
      'the Tajik statement in the public API',
    )

    await page.goto(`${server.url}/admin/collections/events/${event}?locale=tg`, { waitUntil: 'networkidle' })
    await page.locator('.visibility-warning[data-gaps="0"]').waitFor()
    expect(await warning().textContent()).toContain('Every visibility rule of the donors is met.')
    await page.click('#action-save')
    await until(async () => (await tajikTitle()) === TAJIK_TITLE, 'the Tajik title in the public API')
    await snap(page, JOURNEY, 'published')
    expect((await anonymous.get(`/api/events/${event}?locale=en`)).body.title).toBe('Roundtable in Khujand')
    expect(errors).toEqual([])
  })
})
