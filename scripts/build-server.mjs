// Compiles the express server (src/server.ts and everything it imports from the repository), and
// the jobs worker (src/worker.ts), each into one ES module; packages stay external and load from
// node_modules at run time.
import { build } from 'esbuild'

await build({
  bundle: true,
  entryPoints: { server: 'src/server.ts', worker: 'src/worker.ts' },
  format: 'esm',
  logLevel: 'info',
  outdir: 'dist',
  packages: 'external',
  platform: 'node',
  sourcemap: true,
  target: 'node22',
})
