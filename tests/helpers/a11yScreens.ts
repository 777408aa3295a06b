import type { Result } from 'axe-core'
import type { BrowserContext, Page } from 'playwright-core'

import { countByRule, expectTheme, runAxe, settle, type Theme, THEMES, useTheme } from './axe'
import { loginAs } from './browser'
import { PASSWORD, type RestClient, staffClients } from './rest'
import type { RunningServer } from './server'

export type ScreenCounts = Record<string, Record<Theme, Record<string, number>>>
export type ScreenViolations = Record<string, Record<Theme, Result[]>>

/**
 * The same documents for the report and its test: the seed's events and releases, and two
 * organisations with a Russian translation, one gone stale, so every status appears.
 */
export async function prepareA11yData(
  server: RunningServer,
): Promise<{ admin: RestClient; event: number; release: number; stale: number }> {
  const { admin, editor, translator } = await staffClients(server, ['ru'])
  const create = async (name: string) =>
    (await editor.post('/api/organisations?locale=en', { name, city: 'Dushanbe', organisationType: 'ngo' })).body.doc
      .id as number
  const translated = await create('Human Rights Centre')
  const stale = await create('Bureau on Human Rights')
  for (const id of [translated, stale])
    await translator.patch(`/api/organisations/${id}?locale=ru`, { name: `Правозащитный центр ${id}`, city: 'Душанбе' })
  await editor.patch(`/api/organisations/${stale}?locale=en`, { city: 'Khujand' })
  const event = (await admin.get('/api/events?limit=1&sort=id&draft=true')).body.docs[0].id as number
  const release = (await admin.get('/api/press-releases?limit=1&sort=id&draft=true')).body.docs[0].id as number
  return { admin, event, release, stale }
}

/** Payload's own screens as an admin sees them; Pressroom's components on them are tested on their own. */
export const payloadScreens = (ids: { event: number; release: number }) => ({
  dashboard: '/admin',
  'events list': '/admin/collections/events',
  'event edit': `/admin/collections/events/${ids.event}`,
  'press release edit': `/admin/collections/press-releases/${ids.release}`,
})

async function measure(context: BrowserContext, page: Page, url: string, theme: Theme): Promise<Result[]> {
  await useTheme(context, page, new URL(url).origin, theme)
  await page.goto(url, { waitUntil: 'networkidle' })
  await expectTheme(page, theme)
  await settle(page)
  return runAxe(page)
}

/** Login first (logged out, whatever the context held), then each of Payload's screens, in both themes. */
export async function measurePayloadScreens(
  context: BrowserContext,
  page: Page,
  server: RunningServer,
  ids: { event: number; release: number },
): Promise<ScreenViolations> {
  const result: ScreenViolations = {}
  await context.clearCookies()
  result.login = {} as Record<Theme, Result[]>
  for (const theme of THEMES) result.login[theme] = await measure(context, page, `${server.url}/admin/login`, theme)
  await loginAs(page, server.url, 'admin@pressroom.test', PASSWORD)
  for (const [screen, path] of Object.entries(payloadScreens(ids))) {
    result[screen] = {} as Record<Theme, Result[]>
    for (const theme of THEMES) result[screen][theme] = await measure(context, page, `${server.url}${path}`, theme)
  }
  return result
}

export const countsOf = (screens: ScreenViolations): ScreenCounts =>
  Object.fromEntries(
    Object.entries(screens).map(([screen, themes]) => [
      screen,
      Object.fromEntries(THEMES.map((theme) => [theme, countByRule(themes[theme])])),
    ]),
  ) as ScreenCounts
