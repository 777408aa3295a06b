import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import { projectRoot } from './projectRoot'

/** `file:/x/y.db` → `/x/y.db`; undefined for anything that is not a SQLite file. */
export const sqliteFile = (uri: string | undefined): string | undefined =>
  uri?.startsWith('file:') ? path.resolve(uri.slice('file:'.length)) : undefined

export const backupName = (now = new Date()) => `pressroom-${now.toISOString().replace(/[:.]/g, '-')}.db`

/**
 * An online backup of the SQLite database: `VACUUM INTO` writes a consistent copy while the
 * server keeps serving (WAL readers are not blocked). Goes through the adapter's own `execute`.
 */
export async function backupSqlite(
  payload: Payload,
  target = path.join(projectRoot, 'data', 'backups', backupName()),
): Promise<string> {
  if (payload.db.name !== 'sqlite')
    throw new Error('Online backups are for SQLite; for MongoDB use mongodump (see the README).')
  fs.mkdirSync(path.dirname(target), { recursive: true })
  if (fs.existsSync(target)) throw new Error(`${target} exists already.`)
  const db = payload.db as unknown as {
    execute: (args: { drizzle: unknown; raw: string }) => Promise<unknown>
    drizzle: unknown
  }
  await db.execute({ drizzle: db.drizzle, raw: `VACUUM INTO '${target.replaceAll("'", "''")}'` })
  return target
}

/**
 * Puts a backup in place of the database file. The server must be stopped: the WAL and shared
 * memory files of the old database are removed so they cannot be replayed onto the restored one.
 */
export function restoreSqlite(backup: string, databaseFile: string): void {
  if (!fs.existsSync(backup)) throw new Error(`No backup at ${backup}.`)
  const header = Buffer.alloc(16)
  const fd = fs.openSync(backup, 'r')
  fs.readSync(fd, header, 0, 16, 0)
  fs.closeSync(fd)
  if (header.toString('latin1') !== 'SQLite format 3\u0000') throw new Error(`${backup} is not a SQLite database.`)
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${databaseFile}${suffix}`, { force: true })
  fs.mkdirSync(path.dirname(databaseFile), { recursive: true })
  fs.copyFileSync(backup, `${databaseFile}.restoring`)
  fs.renameSync(`${databaseFile}.restoring`, databaseFile)
}

/** Where the files of the media collection live: a folder (MEDIA_DIR), or an S3 bucket. */
export type MediaStore = {
  describe: string
  read: (key: string) => Promise<Buffer>
  write: (key: string, bytes: Buffer, mimeType?: string) => Promise<void>
}

export const mediaDir = (env: Record<string, string | undefined> = process.env): string =>
  env.MEDIA_DIR || path.join(projectRoot, 'media')

/** A key as stored (a filename, or prefix/filename) resolved inside `root`; anything that climbs out is refused. */
function inside(root: string, key: string): string {
  const resolved = path.resolve(root, key)
  if (!key || path.isAbsolute(key) || !resolved.startsWith(path.resolve(root) + path.sep))
    throw new Error(`Refusing the file name "${key}": it leaves ${root}.`)
  return resolved
}

export function diskStore(root: string): MediaStore {
  return {
    describe: root,
    read: async (key) => fs.promises.readFile(inside(root, key)),
    write: async (key, bytes) => {
      const file = inside(root, key)
      await fs.promises.mkdir(path.dirname(file), { recursive: true })
      await fs.promises.writeFile(`${file}.restoring`, bytes)
      await fs.promises.rename(`${file}.restoring`, file)
    },
  }
}

/** The store the configuration in `env` writes media to: the bucket of S3_BUCKET, else the folder. */
export async function mediaStoreFor(env: Record<string, string | undefined> = process.env): Promise<MediaStore> {
  const { s3Settings } = await import('../storage')
  const settings = s3Settings(env)
  if (!settings) return diskStore(mediaDir(env))
  const { GetObjectCommand, PutObjectCommand, S3Client } = await import('@aws-sdk/client-s3')
  const client = new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    ...(settings.accessKeyId
      ? { credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey! } }
      : {}),
  })
  return {
    describe: `s3://${settings.bucket}`,
    read: async (key) => {
      const object = await client.send(new GetObjectCommand({ Bucket: settings.bucket, Key: key }))
      return Buffer.from(await object.Body!.transformToByteArray())
    },
    write: async (key, bytes, mimeType) => {
      await client.send(new PutObjectCommand({ Bucket: settings.bucket, Key: key, Body: bytes, ContentType: mimeType }))
    },
  }
}

export type ManifestFile = { key: string; bytes: number; sha256: string; mimeType?: string }
export type Manifest = {
  format: 'pressroom-backup/1'
  createdAt: string
  database: string | null
  media: ManifestFile[]
}

const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex')

type StoredMedia = {
  filename?: string | null
  mimeType?: string | null
  prefix?: string | null
  sizes?: Record<string, { filename?: string | null; mimeType?: string | null } | undefined> | null
}

/** Every file the media collection points to, the image sizes included: `prefix/filename` keys. */
export async function mediaFiles(payload: Payload): Promise<{ key: string; mimeType?: string }[]> {
  // The backup command reads for the operator: file names and types only, of every document.
  const { docs } = await payload.find({
    collection: 'media',
    overrideAccess: true,
    pagination: false,
    limit: 0,
    depth: 0,
    select: { filename: true, mimeType: true, prefix: true, sizes: true },
  })
  const files = new Map<string, string | undefined>()
  for (const doc of docs as StoredMedia[]) {
    const join = (name: string) => (doc.prefix ? path.posix.join(doc.prefix, name) : name)
    if (doc.filename) files.set(join(doc.filename), doc.mimeType ?? undefined)
    for (const size of Object.values(doc.sizes ?? {}))
      if (size?.filename) files.set(join(size.filename), size.mimeType ?? undefined)
  }
  return [...files].map(([key, mimeType]) => ({ key, mimeType }))
}

/**
 * A backup folder: the database (SQLite: `database.db`; MongoDB has mongodump), every media file
 * from the disk or the bucket, and a manifest with each file's size and SHA-256. The database is
 * copied first and the files it names are read after, so the copy never names a file the backup
 * lacks (one deleted in between fails the backup, loudly, rather than leaving a hole).
 */
export async function backupAll(payload: Payload, target: string, store: MediaStore): Promise<Manifest> {
  if (fs.existsSync(target) && fs.readdirSync(target).length) throw new Error(`${target} exists and is not empty.`)
  fs.mkdirSync(path.join(target, 'media'), { recursive: true })
  const database =
    payload.db.name === 'sqlite' ? path.basename(await backupSqlite(payload, path.join(target, 'database.db'))) : null
  const media: ManifestFile[] = []
  for (const { key, mimeType } of await mediaFiles(payload)) {
    const bytes = await store.read(key).catch((error: unknown) => {
      throw new Error(
        `The file ${key} is named by the database but cannot be read from ${store.describe}: ${(error as Error).message}`,
      )
    })
    await diskStore(path.join(target, 'media')).write(key, bytes)
    media.push({ key, bytes: bytes.length, sha256: sha256(bytes), ...(mimeType ? { mimeType } : {}) })
  }
  const manifest: Manifest = { format: 'pressroom-backup/1', createdAt: new Date().toISOString(), database, media }
  fs.writeFileSync(path.join(target, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  return manifest
}

export function readManifest(backup: string): Manifest {
  const file = path.join(backup, 'manifest.json')
  if (!fs.existsSync(file)) throw new Error(`${backup} is not a Pressroom backup folder (no manifest.json).`)
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest
  if (manifest.format !== 'pressroom-backup/1')
    throw new Error(`${file} is of an unknown format "${String(manifest.format)}".`)
  return manifest
}

/**
 * Puts a backup folder back: the SQLite database (when `databaseFile` is given) and every file
 * into `store`, each checked against the manifest's SHA-256 before it is written.
 */
export async function restoreAll(
  backup: string,
  store: MediaStore,
  databaseFile: string | undefined,
): Promise<{ files: number; database: boolean }> {
  const manifest = readManifest(backup)
  const source = path.join(backup, 'media')
  for (const file of manifest.media) {
    const bytes = fs.readFileSync(inside(source, file.key))
    if (bytes.length !== file.bytes || sha256(bytes) !== file.sha256)
      throw new Error(`${file.key} in ${backup} does not match its manifest: the backup is damaged.`)
  }
  for (const file of manifest.media)
    await store.write(file.key, fs.readFileSync(inside(source, file.key)), file.mimeType)
  if (manifest.database && databaseFile) restoreSqlite(path.join(backup, manifest.database), databaseFile)
  return { files: manifest.media.length, database: Boolean(manifest.database && databaseFile) }
}
