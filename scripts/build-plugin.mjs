// Builds the package's exports: `pressroom` (pressroomPlugin) and `pressroom/express` (the
// express server), ES modules with packages external, and their type declarations.
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'

import { build } from 'esbuild'

rmSync('dist/plugin', { force: true, recursive: true })
await build({
  bundle: true,
  entryPoints: { index: 'src/plugin/index.ts', express: 'src/plugin/express.ts' },
  format: 'esm',
  logLevel: 'info',
  outdir: 'dist/plugin',
  packages: 'external',
  platform: 'node',
  sourcemap: true,
  // One copy of the modules both entries share: the role, locale and cache state is per process.
  splitting: true,
  target: 'node22',
})
execFileSync('npx', ['tsc', '-p', 'tsconfig.plugin.json'], { stdio: 'inherit' })
