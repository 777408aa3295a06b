import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { parse } from 'yaml'

import { TEST_SECRET } from '../helpers/payload'
import { freePort, type RunningServer, startServer } from '../helpers/server'
import { until } from '../helpers/wait'

// No container runtime exists where this runs: these are the checks that can be made without one.
const root = path.resolve(import.meta.dirname, '..', '..')
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8')

type Instruction = { keyword: string; args: string }
/** The Dockerfile's instructions, continuation lines joined, comments dropped. */
const instructions = (text: string): Instruction[] =>
  text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/)
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') }
    })

/** The variables the README's configuration table documents. */
const documented = (() => {
  const names = new Set<string>()
  for (const row of read('README.md')
    .split('\n')
    .filter((line) => line.startsWith('| `'))) {
    for (const [, name] of row.split('|')[1].matchAll(/`([A-Z][A-Z0-9_]+)`/g)) names.add(name)
  }
  return names
})()

describe('the Dockerfile', () => {
  const all = instructions(read('Dockerfile'))
  const lastFrom = all.map((step) => step.keyword).lastIndexOf('FROM')
  const final = all.slice(lastFrom)
  const args = (keyword: string) => final.filter((step) => step.keyword === keyword).map((step) => step.args)

  it('builds in one stage and runs Node 22 in another, the one package.json asks for', () => {
    const stages = all.filter((step) => step.keyword === 'FROM').map((step) => step.args)
    expect(stages.length).toBeGreaterThanOrEqual(2)
    expect(stages.at(-1)).toMatch(/^node:22[-.\w]*( AS \w+)?$/i)
    expect(JSON.parse(read('package.json')).engines.node).toMatch(/^>=22\./)
  })

  it('installs production dependencies only in the final stage, and runs as a user without privileges', () => {
    const installs = args('RUN').filter((command) => /npm (ci|install)/.test(command))
    expect(installs).toHaveLength(1)
    expect(installs[0]).toContain('npm ci --omit=dev')
    const user = args('USER')
    expect(user).toHaveLength(1)
    expect(user[0]).not.toMatch(/^(root|0)(:|$)/)
    // Nothing after USER switches back.
    expect(final.findIndex((step) => step.keyword === 'USER')).toBeGreaterThan(
      final.findLastIndex((step) => step.keyword === 'RUN'),
    )
  })

  it('keeps the database and the uploads on volumes, where the environment points them', () => {
    const volumes = args('VOLUME').join(' ')
    const env = args('ENV').join(' ')
    expect(env).toMatch(/MEDIA_DIR=\/app\/media\b/)
    expect(env).toMatch(/DATABASE_URI=file:\/app\/data\//)
    expect(env).toMatch(/NODE_ENV=production/)
    expect(volumes).toContain('/app/media')
    expect(volumes).toContain('/app/data')
  })

  it('copies only files that exist here or that npm run build made', () => {
    const stageNames = all.filter((step) => step.keyword === 'FROM').map((step) => /\bAS (\w+)/i.exec(step.args)?.[1])
    for (const copy of all.filter((step) => step.keyword === 'COPY')) {
      const parts = copy.args.split(/\s+/)
      const from = parts.find((part) => part.startsWith('--from='))?.slice('--from='.length)
      const sources = parts.filter((part) => !part.startsWith('--')).slice(0, -1)
      if (from) expect(stageNames).toContain(from)
      for (const source of sources) {
        if (source === '.') continue
        expect(fs.existsSync(path.join(root, source.replace(/^\/app\//, '')))).toBe(true)
      }
    }
    expect(args('CMD').join(' ')).toContain('dist/server.js')
    expect(fs.existsSync(path.join(root, '.next', 'BUILD_ID'))).toBe(true)
  })

  it('leaves secrets, local data and built output out of the build context', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim())
    for (const entry of ['.env', 'node_modules', 'data', 'media', '.next', 'dist', '.git'])
      expect(ignored).toContain(entry)
  })

  describe('its HEALTHCHECK command', () => {
    const healthcheck = args('HEALTHCHECK').join(' ')
    const command = JSON.parse(/CMD (\[.*\])\s*$/.exec(healthcheck)?.[1] ?? '[]') as string[]
    const probe = (port: number) =>
      spawnSync(process.execPath, command.slice(1), { env: { ...process.env, PORT: String(port) }, timeout: 10_000 })
        .status
    let server: RunningServer

    beforeAll(async () => {
      server = await startServer({ SEED_ON_START: 'false' })
    })
    afterAll(async () => {
      await server?.stop('SIGKILL')
    })

    it('asks /readyz with node itself, and passes against a ready server', () => {
      expect(command[0]).toBe('node')
      expect(healthcheck).toContain('/readyz')
      expect(probe(Number(new URL(server.url).port))).toBe(0)
    })

    it('fails where nothing answers', async () => {
      expect(probe(await freePort())).toBe(1)
    })
  })
})

describe('the final stage, played without a container', () => {
  const final = (() => {
    const all = instructions(read('Dockerfile'))
    return all.slice(all.map((step) => step.keyword).lastIndexOf('FROM') + 1)
  })()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pressroom-image-'))
  const inImage = (file: string) => path.join(dir, file.replace(/^\/app\/?/, ''))
  let child: ReturnType<typeof spawn> | undefined
  let output = ''

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve))
      child.kill('SIGKILL')
      await exited
    }
    // A production node_modules: hundreds of megabytes on a shared disk.
    fs.rmSync(dir, { recursive: true, force: true })
  })

  // npm ci of the production tree takes a minute or two on these machines.
  it('installs with its own npm commands, and dist/server.js starts on what they installed', async () => {
    const env: Record<string, string> = {}
    for (const step of final) {
      if (step.keyword === 'ENV') {
        for (const [, name, value] of step.args.matchAll(/(\w+)=(\S+)/g))
          env[name] = value.replaceAll('/app/', `${dir}/`)
      } else if (step.keyword === 'COPY') {
        const parts = step.args.split(/\s+/).filter((part) => !part.startsWith('--'))
        const target = parts.pop() as string
        for (const source of parts) {
          const from = path.join(root, source.replace(/^\/app\//, ''))
          const to =
            target.endsWith('/') && parts.length > 1
              ? inImage(path.join(target, path.basename(source)))
              : target === './'
                ? inImage(path.basename(source))
                : inImage(target)
          // Next's build cache is removed by the stage's next RUN; not copying it saves 160 MB.
          fs.cpSync(from, to, {
            recursive: true,
            filter: (file) => !file.startsWith(path.join(root, '.next', 'cache')),
          })
        }
      } else if (step.keyword === 'RUN' && /\bnpm ci\b/.test(step.args)) {
        // As written, but the machine's npm cache is shared: it is read from, never cleaned.
        const command = step.args.replace(/&&\s*npm cache clean --force/, '')
        const run = spawnSync('sh', ['-c', command], {
          cwd: dir,
          env: {
            ...process.env,
            npm_config_prefer_offline: 'true',
            npm_config_audit: 'false',
            npm_config_fund: 'false',
          },
          encoding: 'utf8',
        })
        expect(run.stderr.split('\n').filter((line) => /ERR!/.test(line))).toEqual([])
        expect(run.status).toBe(0)
      }
    }
    // Only what the final stage asked for is installed: no test or build tool.
    for (const devOnly of ['jest', 'smtp-server', 'playwright-core', 'autocannon'])
      expect(fs.existsSync(inImage(`node_modules/${devOnly}`))).toBe(false)
    expect(fs.existsSync(inImage('node_modules/@payloadcms/richtext-lexical'))).toBe(true)

    const cmd = JSON.parse(
      /^(\[.*\])$/.exec(final.find((step) => step.keyword === 'CMD')?.args ?? '')?.[1] ?? '[]',
    ) as string[]
    expect(cmd[0]).toBe('node')
    const port = await freePort()
    fs.mkdirSync(inImage('data'), { recursive: true })
    const server = spawn(process.execPath, cmd.slice(1), {
      cwd: dir,
      // The image's environment only, not this process's: what the stage sets is what the server gets.
      env: {
        PATH: process.env.PATH ?? '',
        ...env,
        HOST: '127.0.0.1',
        PORT: String(port),
        PAYLOAD_SECRET: TEST_SECRET,
      } as unknown as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child = server
    server.stdout?.on('data', (chunk) => (output += chunk))
    server.stderr?.on('data', (chunk) => (output += chunk))
    const url = `http://127.0.0.1:${port}`
    await until(
      async () => {
        if (server.exitCode !== null) throw new Error(`dist/server.js exited with ${server.exitCode}:\n${output}`)
        return (await fetch(`${url}/readyz`).catch(() => undefined))?.ok === true
      },
      `/readyz of the server in ${dir}`,
      90_000,
    )
    expect((await fetch(`${url}/admin`)).status).toBe(200)
    expect((await fetch(`${url}/api/events`)).status).toBe(200)
    expect(fs.existsSync(env.DATABASE_URI.replace(/^file:/, ''))).toBe(true)
  }, 420_000)
})

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, any> }
  const { app, worker, mongo } = compose.services
  const store = Object.values(compose.services).find((service) => /minio|s3/i.test(String(service.image)))

  it('has an app, a worker, MongoDB as a replica set and an S3-compatible store', () => {
    expect(app && worker && mongo && store).toBeTruthy()
    expect(worker.image).toBe(app.image)
    const name = /--replSet\s+(\w+)/.exec([mongo.command].flat().join(' '))?.[1]
    expect(name).toBeDefined()
    for (const service of [app, worker])
      expect(service.environment.DATABASE_URI).toMatch(new RegExp(`^mongodb://[^/]+/\\w+\\?replicaSet=${name}$`))
    expect(JSON.stringify(mongo.healthcheck.test)).toContain('rs.initiate')
  })

  it('lets only the worker run jobs, and gives both the same uploads, in the store’s bucket', () => {
    expect(app.environment.JOBS_AUTORUN).toBe('false')
    expect(worker.environment.JOBS_AUTORUN).toBe('true')
    expect(worker.ports).toBeUndefined()
    expect(worker.command).toContain('dist/worker.js')
    const storeName = Object.entries(compose.services).find(([, service]) => service === store)![0]
    for (const service of [app, worker]) {
      expect(service.environment.S3_BUCKET).toBe(app.environment.S3_BUCKET)
      expect(service.environment.S3_ENDPOINT).toBe(`http://${storeName}:9000`)
      expect(service.environment.S3_FORCE_PATH_STYLE).toBe('true')
      expect(service.depends_on['s3-bucket'].condition).toBe('service_completed_successfully')
    }
  })

  it('names only variables the README documents, and the ones production needs', () => {
    for (const service of [app, worker]) {
      const names = Object.keys(service.environment).filter((name) => name !== 'NODE_ENV')
      expect(names.filter((name) => !documented.has(name))).toEqual([])
      for (const needed of [
        'PAYLOAD_SECRET',
        'SERVER_URL',
        'DATABASE_URI',
        'SMTP_URL',
        'EMAIL_FROM',
        'TRUST_PROXY',
        'LOG_LEVEL',
        'METRICS_TOKEN',
        'SEED_ON_START',
        'JOBS_AUTORUN',
        'S3_BUCKET',
        'S3_ENDPOINT',
        'S3_ACCESS_KEY_ID',
        'S3_SECRET_ACCESS_KEY',
        'S3_FORCE_PATH_STYLE',
      ]) {
        expect(names).toContain(needed)
      }
      // Compose stops with this message when the secret is missing, instead of starting with none.
      expect(service.environment.PAYLOAD_SECRET).toMatch(/^\$\{PAYLOAD_SECRET:\?/)
    }
  })

  it('publishes the app on loopback only when it trusts a forwarding hop', () => {
    expect(app.environment.TRUST_PROXY).toMatch(/^\$\{TRUST_PROXY:-1\}$/)
    for (const port of app.ports) expect(String(port)).toMatch(/^127\.0\.0\.1:/)
  })
})

describe('docs/DEPLOYMENT.md', () => {
  const text = read('docs/DEPLOYMENT.md')

  it('covers the three set-ups and says what was not run', () => {
    expect(text).toMatch(/## 1\. One process on SQLite/)
    expect(text).toMatch(/## 2\. Several instances and a worker on MongoDB/)
    expect(text).toMatch(/## 3\. Backups and restores/)
    expect(text).toMatch(/no container runtime/i)
  })

  it('names in its tables only variables the README documents', () => {
    const rows = text.split('\n').filter((line) => line.startsWith('| `'))
    const names = rows.flatMap((row) =>
      [...row.split('|')[1].matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((match) => match[1]),
    )
    expect(names.length).toBeGreaterThan(5)
    expect(names.filter((name) => !documented.has(name))).toEqual([])
  })
})
