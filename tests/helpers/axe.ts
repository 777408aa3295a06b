import { createRequire } from 'node:module'

import type { AxeResults, Result } from 'axe-core'
import type { BrowserContext, Page } from 'playwright-core'

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

/** The rules issue 23 asks for: WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

export type Theme = 'light' | 'dark'
export const THEMES: Theme[] = ['light', 'dark']

/**
 * Payload's admin reads its theme from the `payload-theme` cookie (the account page's switch sets
 * it). Both the cookie and the media query are set, and the page is checked to have taken it, so a
 * "dark" run cannot quietly measure the light theme.
 */
export async function useTheme(context: BrowserContext, page: Page, serverUrl: string, theme: Theme): Promise<void> {
  await context.addCookies([{ name: 'payload-theme', value: theme, url: serverUrl }])
  await page.emulateMedia({ colorScheme: theme })
}

export async function expectTheme(page: Page, theme: Theme): Promise<void> {
  await page.waitForFunction((wanted) => document.documentElement.getAttribute('data-theme') === wanted, theme)
}

/**
 * Waits until the page stops adding elements: an edit view fills its relationship and array fields
 * after the network goes quiet, and axe counts whatever is there at the moment it runs.
 */
export async function settle(page: Page, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let last = -1
  let steady = 0
  while (steady < 3 && Date.now() < deadline) {
    const count = await page.evaluate(() => document.querySelectorAll('*').length)
    steady = count === last ? steady + 1 : 0
    last = count
    await page.waitForTimeout(250)
  }
}

/** Runs axe's WCAG 2.0/2.1 A and AA rules on the page, or only inside `include` (a CSS selector). */
export async function runAxe(page: Page, include?: string): Promise<Result[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axeSource })
  const results = await page.evaluate(
    async ({ include, tags }) => {
      const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResults> } })
        .axe
      return axe.run(include ? { include: [include] } : document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      })
    },
    { include, tags: WCAG_TAGS },
  )
  return results.violations
}

/** One line per rule and node, readable in a failed expectation. */
export const describeViolations = (violations: Result[]): string[] =>
  violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id}: ${node.target.join(' ')} — ${node.failureSummary?.split('\n').slice(1).join(' ').trim()}`,
    ),
  )

/** Nodes per rule, the shape the report and its ceiling use. */
export const countByRule = (violations: Result[]): Record<string, number> =>
  Object.fromEntries(
    violations
      .map((violation) => [violation.id, violation.nodes.length])
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  )
