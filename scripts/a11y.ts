/**
 * `npm run a11y` (after `npm run build`): boots the compiled server on a throwaway database, runs
 * axe's WCAG 2.0/2.1 A and AA rules on Payload's own screens in both themes, and writes
 * docs/ACCESSIBILITY.md. Pressroom's own components are held to zero by
 * tests/e2e/accessibility.e2e.spec.ts; this report is for what Payload renders.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { Result } from 'axe-core'

import { measurePayloadScreens, prepareA11yData, type ScreenViolations } from '../tests/helpers/a11yScreens'
import { THEMES, WCAG_TAGS } from '../tests/helpers/axe'
import { launchBrowser } from '../tests/helpers/browser'
import { startServer } from '../tests/helpers/server'

const output = path.resolve(import.meta.dirname, '..', 'docs', 'ACCESSIBILITY.md')

/** What is known about each rule that fails on Payload's screens: where it comes from, and upstream's word on it. */
const notes: Record<string, string> = {
  'aria-command-name':
    "Payload's array rows: the drag handle (`.collapsible__drag`, `role=button`) has no name. Payload's UI; no upstream issue found. Not from Pressroom's configuration.",
  'aria-hidden-focus':
    "Payload's `ReactSelect` spreads react-select's `aria-hidden` onto its focusable clear and dropdown indicators, in every select and relationship field and the dashboard breadcrumb: [payloadcms/payload#18139](https://github.com/payloadcms/payload/issues/18139), fixes proposed in [#18151](https://github.com/payloadcms/payload/pull/18151) and [#18153](https://github.com/payloadcms/payload/pull/18153) (closed by a maintainer: Payload is doing an accessibility project of its own).",
  'aria-input-field-name':
    "The Lexical editor's `ContentEditable` (`role=textbox`) is not tied to the field's label. Payload's rich-text package; no upstream issue found. Pressroom's rich-text fields all have labels.",
  'button-name':
    "Icon-only buttons in Payload: the document's and array rows' `…` menus (`.popup-button`), the date picker's clear button, the relationship field's edit-in-drawer button. The long-standing report is [payloadcms/payload#1227](https://github.com/payloadcms/payload/issues/1227); the same kind of finding in the list filters is [#18067](https://github.com/payloadcms/payload/issues/18067).",
  'color-contrast':
    "Payload's own colours in the light theme: field descriptions (`.field-description`, elevation-400 on white), the localizer's “Locale:” label, the “Add …” buttons of arrays, the upload dropzone's “Or”, Lexical's placeholder and the sort headings of list tables. The description texts are Pressroom's, their colour is Payload's stylesheet. In the dark theme only the localizer's label fails (3.4:1). General report: [payloadcms/payload#1227](https://github.com/payloadcms/payload/issues/1227).",
  label:
    "Inputs whose `<label>` points elsewhere: react-select's inner input in every select and relationship field (Payload passes no `inputId`; react-select leaves that to the caller, see [JedWatson/react-select#4684](https://github.com/JedWatson/react-select/issues/4684)), the dashboard breadcrumb select ([payloadcms/payload#18140](https://github.com/payloadcms/payload/issues/18140)), the date picker's text input, the point field's longitude and latitude (their labels point at `field-<path>`, the inputs are `field-longitude-<path>`), and the list's select-all checkbox (`aria-label=\"\"`). Every one of these fields has a label in Pressroom's configuration.",
  'label-content-name-mismatch':
    "The “Versions” tab: its `aria-label` (“Versions”) leaves out part of the text it shows. Payload's UI; no upstream issue found.",
  list: 'The document tabs\' `<ul class="doc-tabs__tabs">` holds `div` and `a` elements directly. Payload\'s UI; no upstream issue found.',
  'nested-interactive':
    "The pills of a has-many relationship (`.rs__multi-value`, `role=button`) contain their own remove button. Payload's UI; no upstream issue found.",
}

/** The element's tag and classes, without the ids and generated class names that change from run to run. */
function exampleOf(html: string | undefined): string {
  const match = /^<([a-z0-9-]+)[^>]*?\sclass="([^"]*)"/i.exec(html ?? '')
  if (!match) return /^<([a-z0-9-]+)/i.exec(html ?? '')?.[1] ?? ''
  const classes = match[2].split(/\s+/).filter((name) => name && !/^css-/.test(name))
  return [match[1], ...classes].join('.')
}

const escapeCell = (text: string) => text.replaceAll('|', '\\|').replaceAll('<', '&lt;').replaceAll('>', '&gt;')

function render(screens: ScreenViolations, axeVersion: string): string {
  const lines = [
    '# Accessibility',
    '',
    `Measured by \`npm run a11y\` (axe-core ${axeVersion}, rules tagged ${WCAG_TAGS.map((tag) => `\`${tag}\``).join(', ')}) in Chromium, logged in as an admin, on the seeded`,
    'database plus two organisations with Russian translations. Counts are nodes (elements) per rule. Generated: do not edit by hand; the',
    'notes live in `scripts/a11y.ts`.',
    '',
    "Pressroom's own admin components (the translations view, the “What needs you” dashboard widget, the translation panel in the edit",
    'view) have no violation in either theme: `tests/e2e/accessibility.e2e.spec.ts` fails on any. The same test holds the counts below',
    'as a ceiling for Payload’s screens, so they can only go down.',
    '',
    'Before issue 23 the translations view had 110 `color-contrast` nodes in the light theme and 88 in the dark (its secondary text on',
    'the status colours) and the dashboard widget 4 (light theme); the translation panel had none. Links in all three showed no focus',
    "ring: Payload's `a:focus { outline: none }` outranks its own `:focus-visible` outline, and Pressroom's components restore it.",
    '',
    "None of the violations below comes from Pressroom's configuration: every field axe flags has a label (and most a description)",
    "in its collection's config; what fails is how Payload's components tie those labels to their inputs, name their icon buttons and",
    'colour their secondary text. The list and edit views of the other collections (organisations, speakers, projects, donor notices,',
    'media, users, webhooks, API keys) were looked at once with the same rules and show the same kinds of finding only; they are not',
    'in the table, to keep the test short.',
    '',
    '## Violations per screen and rule',
    '',
  ]
  for (const [screen, themes] of Object.entries(screens)) {
    const rules = new Map<string, Result>()
    for (const theme of THEMES) for (const violation of themes[theme]) rules.set(violation.id, violation)
    lines.push(`### ${screen}`, '')
    if (!rules.size) {
      lines.push('No violation.', '')
      continue
    }
    lines.push(
      '| Rule | Impact | Light | Dark | What axe says | An example |',
      '| --- | --- | ---: | ---: | --- | --- |',
    )
    for (const [id, violation] of [...rules].sort(([a], [b]) => a.localeCompare(b))) {
      const nodes = (theme: (typeof THEMES)[number]) => themes[theme].find((v) => v.id === id)?.nodes.length ?? 0
      lines.push(
        `| \`${id}\` | ${violation.impact ?? ''} | ${nodes('light')} | ${nodes('dark')} | ${escapeCell(violation.help)} | \`${exampleOf(violation.nodes[0]?.html)}\` |`,
      )
    }
    lines.push('')
  }
  lines.push('## Where each comes from', '')
  const failing = [
    ...new Set(Object.values(screens).flatMap((themes) => THEMES.flatMap((theme) => themes[theme].map((v) => v.id)))),
  ].sort()
  for (const id of failing) lines.push(`- \`${id}\`: ${notes[id] ?? 'not yet looked into.'}`)
  lines.push('')
  return lines.join('\n')
}

const server = await startServer()
const browser = await launchBrowser()
try {
  const ids = await prepareA11yData(server)
  const page = await browser.newPage()
  const screens = await measurePayloadScreens(browser, page, server, ids)
  if (process.env.A11Y_JSON) fs.writeFileSync(process.env.A11Y_JSON, JSON.stringify(screens, null, 2))
  const { version } = JSON.parse(
    fs.readFileSync(path.resolve(import.meta.dirname, '..', 'node_modules', 'axe-core', 'package.json'), 'utf8'),
  ) as { version: string }
  fs.writeFileSync(output, render(screens, version))
  console.log(`Wrote ${path.relative(process.cwd(), output)}`)
} finally {
  await browser.close()
  await server.stop('SIGKILL')
}
