import nextEnv from '@next/env'

import { projectRoot } from './utilities/projectRoot'

/** Loads `.env*` files the way Next.js does, so the server, scripts and Next agree on the environment. */
export function loadEnvironment(): void {
  nextEnv.loadEnvConfig(projectRoot, process.env.NODE_ENV !== 'production', { info: () => {}, error: console.error })
}
