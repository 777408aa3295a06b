// `npm run test:jest`. With no arguments the suite runs in two passes: most files on two workers,
// then, alone on the machine, the files that measure the server's own CPU time, memory and
// event-loop delay (and the browser journeys, whose clicks race a loaded machine). A second
// worker would be measured with them. With arguments, jest runs once, as asked.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'

const jest = createRequire(import.meta.url).resolve('jest/bin/jest')

/** Paths (jest regular expressions) of the files that run alone. */
export const ALONE = [
  'tests/e2e/',
  'tests/security/graphql-cost\\.spec\\.ts$',
  'tests/security/inputs\\.spec\\.ts$',
  'tests/security/xliff-abuse\\.spec\\.ts$',
  'src/http/graphql/analyze\\.spec\\.ts$',
  'src/plugins/translations/limits\\.spec\\.ts$',
]

const run = (args) => spawnSync(process.execPath, [jest, ...args], { stdio: 'inherit' }).status ?? 1

const args = process.argv.slice(2)
if (args.length) process.exit(run(args))

const shared = run(['--maxWorkers=2', '--testPathIgnorePatterns', ...ALONE, '/node_modules/'])
// The second pass runs even after a failure, so one run reports every failing file.
const alone = run(['--maxWorkers=1', ...ALONE])
process.exit(shared || alone)
