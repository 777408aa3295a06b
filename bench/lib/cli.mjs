// Command-line options shared by the benchmark scripts: --name=value, --flag, --no-flag.
export const arg = (name, fallback) => {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`))
  return found === undefined ? fallback : found.slice(name.length + 3)
}
export const flag = (name) => process.argv.includes(`--${name}`)
export const log = (line) => process.stderr.write(`${line}\n`)
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
