import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { withPayload } from '@payloadcms/next/withPayload'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The express server in src/server.ts owns compression, headers and the HTTP lifecycle.
  compress: false,
  // `npm run dev` is opened as localhost or 127.0.0.1; Next's dev server blocks its hot-reload
  // socket for hosts it does not know, and the admin then reloads itself over and over.
  allowedDevOrigins: ['localhost', '127.0.0.1'],
  poweredByHeader: false,
  // The express server (src/server.ts) creates the one Payload instance of the process; Next's
  // route handlers reuse it through getPayload's global cache. Bundled copies of payload and of
  // the database packages would hand that instance objects from a second drizzle or mongoose
  // (instanceof checks fail), so production loads them from node_modules, as Payload's dev mode does.
  serverExternalPackages: [
    'payload',
    '@payloadcms/db-mongodb',
    '@payloadcms/db-sqlite',
    '@payloadcms/drizzle',
    '@payloadcms/graphql',
    'drizzle-orm',
    'libsql',
    '@libsql/client',
    'mongoose',
  ],
  images: {
    localPatterns: [{ pathname: '/api/media/file/**' }],
  },
  webpack: (webpackConfig) => {
    webpackConfig.resolve.extensionAlias = {
      '.cjs': ['.cts', '.cjs'],
      '.js': ['.ts', '.tsx', '.js', '.jsx'],
      '.mjs': ['.mts', '.mjs'],
    }
    return webpackConfig
  },
  turbopack: {
    root: path.resolve(dirname),
    // Tests only: serve another host's config (tests/hosts/blank) through the same admin routes.
    ...(process.env.PRESSROOM_HOST_CONFIG
      ? { resolveAlias: { '@payload-config': process.env.PRESSROOM_HOST_CONFIG } }
      : {}),
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
