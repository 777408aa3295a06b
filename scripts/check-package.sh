#!/usr/bin/env bash
# Packs Pressroom as npm would publish it, installs the tarball into a scratch project (its
# dependencies linked from this checkout's node_modules: no registry needed), and runs a host
# there: Node imports every export, Payload starts with pressroomPlugin on a fresh database, a
# published release reaches the feed endpoint, and TypeScript reads the declarations.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/pressroom-pack-XXXXXX")
echo "scratch project: $scratch"

tarball=$(npm pack --silent --pack-destination "$scratch" | tail -1)
mkdir -p "$scratch/node_modules/pressroom"
tar -xzf "$scratch/$tarball" -C "$scratch/node_modules/pressroom" --strip-components=1
for entry in "$repo"/node_modules/* "$repo"/node_modules/.bin; do
  name=$(basename "$entry")
  [ "$name" = pressroom ] || ln -s "$entry" "$scratch/node_modules/$name"
done
# Nothing of the checkout may be reached: the installed package must hold all it needs.
test ! -e "$scratch/node_modules/pressroom/src/plugin"

cat > "$scratch/package.json" <<'JSON'
{ "name": "scratch-host", "private": true, "type": "module" }
JSON

cat > "$scratch/host.mjs" <<'JS'
import assert from 'node:assert/strict'
import path from 'node:path'

import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig, createLocalReq, getPayload } from 'payload'
import { pressroomPlugin } from 'pressroom'
import { createApp } from 'pressroom/express'

for (const entry of ['pressroom/rsc', 'pressroom/client']) assert.ok(import.meta.resolve(entry), entry)
assert.equal(typeof createApp, 'function')

const dir = path.dirname(new URL(import.meta.url).pathname)
const config = buildConfig({
  admin: { user: 'users' },
  collections: [{ slug: 'users', auth: true, fields: [] }],
  db: sqliteAdapter({ client: { url: `file:${path.join(dir, 'host.db')}` } }),
  editor: lexicalEditor(),
  localization: { defaultLocale: 'en', locales: ['en', 'de'], fallback: true },
  plugins: [pressroomPlugin({ features: { webhooks: false } })],
  secret: 'scratch-host-secret-0123456789-0123456789',
  telemetry: false,
})
const payload = await getPayload({ config })
const editor = await payload.create({ collection: 'users', data: { email: 'e@scratch.test', password: 'correct horse battery staple', roles: ['editor'] } })
const admin = payload.collections.users.config.fields.find((field) => field.name === 'locales')
assert.deepEqual(admin.options.map((option) => option.value ?? option), ['en', 'de'])
await payload.create({
  collection: 'press-releases',
  data: { title: 'Packed and published', releaseDate: '2030-01-01T00:00:00.000Z', _status: 'published' },
  overrideAccess: false,
  user: { ...editor, collection: 'users' },
})
const feed = payload.config.endpoints.find((endpoint) => endpoint.path === '/feeds/press-releases.xml')
const reply = await feed.handler(await createLocalReq({ urlSuffix: '/api/feeds/press-releases.xml?locale=en' }, payload))
assert.equal(reply.status, 200)
assert.match(await reply.text(), /Packed and published/)
const components = JSON.stringify(payload.config.admin.components)
assert.match(components, /pressroom\/rsc#WhatNeedsMe/)
await payload.destroy()
console.log('the installed package runs a host')
process.exit(0)
JS

cat > "$scratch/types.ts" <<'TS'
import { type PressroomPluginOptions, pressroomPlugin } from 'pressroom'

const options: PressroomPluginOptions = {
  collections: { projects: { group: 'Programmes', fields: ({ defaultFields }) => defaultFields } },
  media: { host: true },
}
pressroomPlugin(options)
// @ts-expect-error the declarations are read: a feature is on or off, not a word
pressroomPlugin({ features: { feeds: 'yes' } })
TS
cat > "$scratch/tsconfig.json" <<'JSON'
{ "compilerOptions": { "module": "esnext", "moduleResolution": "bundler", "target": "es2022", "strict": true, "noEmit": true, "skipLibCheck": true, "types": [] }, "files": ["types.ts"] }
JSON

# The Node the project pins (package.json devDependencies), not whatever the machine has.
(cd "$scratch" && "$repo/node_modules/.bin/node" host.mjs && "$repo/node_modules/.bin/tsc" -p tsconfig.json && echo 'the declarations type-check')
