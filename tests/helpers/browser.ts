import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { type BrowserContext, chromium, type Page } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const artifacts = path.resolve(import.meta.dirname, '..', 'artifacts')

/**
 * Debian's Chromium, headless, with a fresh profile. The flags keep it off the network this
 * machine does not have (background services would otherwise retry, many at a time).
 *
 * @param timeZone - the zone the browser runs in (its TZ and Chromium's own emulation), for an
 *   editor somewhere else than the event.
 */
export async function launchBrowser({ timeZone }: { timeZone?: string } = {}): Promise<BrowserContext> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium), as .ci/run does.`)
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pressroom-chromium-'))
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    ...(timeZone ? { timezoneId: timeZone, env: { ...process.env, TZ: timeZone } } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** Saves a screenshot of the step as tests/artifacts/<journey>/<nn>-<step>.png (git-ignored). */
const started = new Set<string>()

export async function snap(page: Page, journey: string, step: string): Promise<void> {
  const dir = path.join(artifacts, journey)
  // Each run starts its journey's folder afresh, so the numbers are this run's steps.
  if (!started.has(journey)) fs.rmSync(dir, { recursive: true, force: true })
  started.add(journey)
  fs.mkdirSync(dir, { recursive: true })
  const count = fs.readdirSync(dir).length + 1
  await page.screenshot({ path: path.join(dir, `${String(count).padStart(2, '0')}-${step}.png`), fullPage: true })
}

/** Console errors and failed page loads, collected so a journey can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(String(error)))
  page.on('console', (message) => {
    if (
      message.type() === 'error' &&
      !/Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())
    )
      errors.push(message.text())
  })
  return errors
}

/** Logs in through the admin's login form and waits for the dashboard. */
export async function loginAs(page: Page, serverUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${serverUrl}/admin/login`)
  await page.fill('#field-email', email)
  await page.fill('#field-password', password)
  await page.click('button[type=submit]')
  await page.waitForURL(new RegExp(`${serverUrl}/admin/?$`))
  await page.waitForLoadState('networkidle')
}

/** Picks an option of a relationship, select or time zone field by typing part of its label. */
export async function choose(page: Page, container: string, label: string): Promise<void> {
  await page.click(`${container} .rs__control`)
  await page.keyboard.type(label)
  await page.locator('.rs__option', { hasText: label }).first().click()
}

/** Types a date and time (MM/DD/YYYY h:mm AM) into a date field such as `startDate` or `programme__0__startTime`. */
export async function typeDate(page: Page, field: string, value: string): Promise<void> {
  const input = page.locator(`#field-${field} input`).first()
  await input.fill(value)
  await input.press('Enter')
  // The date picker stays open over the form until dismissed.
  await page.keyboard.press('Escape')
}

/** Opens a tab of the edit view by its label; a tab's fields are only on the page while it is open. */
export async function openTab(page: Page, label: string): Promise<void> {
  await page
    .locator('.tabs-field__tab-button', { hasText: new RegExp(`^${label}`) })
    .first()
    .click()
}
