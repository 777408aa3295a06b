// Compiles the express server (src/server.ts and everything it imports from the repository)
// into one ES module; packages stay external and load from node_modules at run time.
import { build } from 'esbuild'

await build({
  bundle: true,
  entryPoints: ['src/server.ts'],
  format: 'esm',
  logLevel: 'info',
  outfile: 'dist/server.js',
  packages: 'external',
  platform: 'node',
  sourcemap: true,
  target: 'node22',
})
