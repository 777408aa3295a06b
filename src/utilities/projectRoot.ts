import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The repository root, found by walking up from this module to Pressroom's package.json.
 * `import.meta.url` alone is not enough: the same module runs from `src/` (tsx, jest),
 * from the esbuild bundle in `dist/` and from Next's server chunks in `.next/`.
 */
export function findProjectRoot(start: string): string | undefined {
  let dir = start
  for (;;) {
    const manifest = path.join(dir, 'package.json')
    if (fs.existsSync(manifest)) {
      try {
        if (JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'pressroom') return dir
      } catch {
        // An unreadable manifest is not ours; keep walking up.
      }
    }
    const parent = path.dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}

function moduleDir(): string | undefined {
  try {
    return path.dirname(fileURLToPath(import.meta.url))
  } catch {
    return undefined
  }
}

export const projectRoot: string =
  process.env.PRESSROOM_ROOT ??
  findProjectRoot(moduleDir() ?? process.cwd()) ??
  findProjectRoot(process.cwd()) ??
  process.cwd()
