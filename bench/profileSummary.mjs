// Self time of a V8 CPU profile (.cpuprofile) grouped by package and by function.
const SPECIAL = new Set(['(garbage collector)', '(program)', '(idle)', '(root)'])

/** Which package a script belongs to: the last node_modules segment, Node's core, or the app itself. */
export function packageOf(url, root = '') {
  if (!url) return 'native'
  const inModules = url.split('/node_modules/').at(-1)
  if (inModules !== url) {
    const [first, second] = inModules.split('/')
    return first.startsWith('@') ? `${first}/${second}` : first
  }
  if (url.startsWith('node:')) return 'node (core)'
  if (root && url.replace(/^file:\/\//, '').startsWith(root)) return 'pressroom'
  return 'other'
}

export function summariseProfile(profile, { root = '' } = {}) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
  const selfMs = new Map()
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000))
  const byPackage = new Map()
  const byFunction = new Map()
  let idleMs = 0
  let busyMs = 0
  for (const [id, ms] of selfMs) {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame
    if (functionName === '(idle)') {
      idleMs += ms
      continue
    }
    busyMs += ms
    const name = SPECIAL.has(functionName) ? functionName : packageOf(url, root)
    byPackage.set(name, (byPackage.get(name) ?? 0) + ms)
    const where = url
      ? `${url.split('/node_modules/').at(-1).replace(`file://${root}/`, '').replace(`${root}/`, '')}:${lineNumber + 1}`
      : ''
    const key = `${functionName || '(anonymous)'} ${where}`
    const entry = byFunction.get(key) ?? { name: functionName || '(anonymous)', where, ms: 0 }
    entry.ms += ms
    byFunction.set(key, entry)
  }
  const sorted = (map) => [...map].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms)
  return {
    busyMs: Math.round(busyMs),
    idleMs: Math.round(idleMs),
    byPackage: sorted(byPackage).map((row) => ({ ...row, ms: Math.round(row.ms * 10) / 10 })),
    byFunction: [...byFunction.values()]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 50)
      .map((row) => ({ ...row, ms: Math.round(row.ms * 10) / 10 })),
  }
}
