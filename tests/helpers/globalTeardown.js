import fs from 'node:fs'

export default function globalTeardown() {
  const root = process.env.PRESSROOM_SEED_TEMPLATE
  if (root) fs.rmSync(root, { recursive: true, force: true })
}
