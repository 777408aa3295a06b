import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * One folder per `jest` run for the seeded template (seedTemplate.ts). Only the folder is made
 * here: the template is built on first use, so a run that never needs it pays nothing. Workers
 * inherit the variable because Jest starts them after global setup.
 */
export default function globalSetup() {
  process.env.PRESSROOM_SEED_TEMPLATE = fs.mkdtempSync(path.join(os.tmpdir(), 'pressroom-template-'))
}
