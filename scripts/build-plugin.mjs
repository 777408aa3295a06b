// Builds the package's exports: `pressroom` (pressroomPlugin), `pressroom/express` (the express
// server), `pressroom/rsc` and `pressroom/client` (the admin components), ES modules with
// packages external, and the type declarations.
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'

import { build } from 'esbuild'

const common = {
  bundle: true,
  // Component paths in the config then name the package (pressroom/rsc, pressroom/client), not the source files.
  define: { PRESSROOM_PACKAGE: 'true' },
  format: 'esm',
  loader: { '.css': 'copy' },
  logLevel: 'info',
  outdir: 'dist/plugin',
  packages: 'external',
  platform: 'node',
  sourcemap: true,
  target: 'node22',
}

rmSync('dist/plugin', { force: true, recursive: true })
await build({
  ...common,
  entryPoints: { index: 'src/plugin/index.ts', express: 'src/plugin/express.ts', rsc: 'src/components/rsc.ts' },
  // One copy of the modules the entries share: the role, locale and cache state is per process.
  splitting: true,
})
// Apart, so that the directive marks this file only: bundling drops a module's own 'use client'.
await build({ ...common, entryPoints: { client: 'src/components/client.ts' }, banner: { js: "'use client'" } })
execFileSync('npx', ['tsc', '-p', 'tsconfig.plugin.json'], { stdio: 'inherit' })
