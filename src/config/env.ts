import { randomSecret, readLocalSecrets, writeLocalSecrets } from './localSecrets.mjs'

/**
 * Settings shared by the Next server, the Payload CLI, the seed and the tests.
 * Each value comes from the environment first; the local fallbacks exist so that
 * `npm ci && npm start` works on a machine with nothing set up.
 */

export { dataDir, localSecretsFile, randomSecret, readLocalSecrets, writeLocalSecrets } from './localSecrets.mjs'

export const projectRoot = process.cwd()

/**
 * True inside `next build`. The build reaches no database and holds no secret (an image is built
 * once and deployed with its settings), so code that runs while Next collects and renders the
 * routes checks this instead of reading them (src/data/read.ts, payloadSecret below).
 */
export const isBuildPhase = () => process.env.NEXT_PHASE === 'phase-production-build'

export const DEFAULT_DATABASE_URI = 'file:./data/valenx.db'

export function databaseUri(): string {
  return process.env.DATABASE_URI?.trim() || DEFAULT_DATABASE_URI
}

export function isMongoUri(uri: string): boolean {
  return uri.startsWith('mongodb://') || uri.startsWith('mongodb+srv://')
}

/**
 * A production MongoDB deployment must be given its secret: a generated one would differ on every
 * machine of a cluster and log everyone out on each deploy. Everywhere else a generated secret,
 * kept in the git-ignored data folder, is good enough.
 */
export function payloadSecret(): string {
  const fromEnv = process.env.PAYLOAD_SECRET?.trim()
  if (fromEnv) return fromEnv
  // Nothing is signed during the build; a secret generated here would be baked into the image.
  if (isBuildPhase()) return 'next-build-signs-nothing'
  if (process.env.NODE_ENV === 'production' && isMongoUri(databaseUri())) {
    throw new Error(
      'PAYLOAD_SECRET is not set. With NODE_ENV=production and a MongoDB DATABASE_URI, set PAYLOAD_SECRET explicitly (for example `openssl rand -base64 32`).',
    )
  }
  const stored = readLocalSecrets().payloadSecret
  if (stored) return stored
  const generated = randomSecret()
  writeLocalSecrets({ payloadSecret: generated })
  return generated
}

export function serverUrl(): string {
  const fromEnv = process.env.NEXT_PUBLIC_SERVER_URL?.trim()
  if (fromEnv) return fromEnv.replace(/\/$/, '')
  return `http://localhost:${process.env.PORT || 3000}`
}

/**
 * Session cookies carry the Secure flag whenever the site's public address is HTTPS, so a browser
 * never sends them over plain HTTP. Local http://localhost keeps working without it.
 */
export function secureCookies(url: string = serverUrl()): boolean {
  return url.trim().toLowerCase().startsWith('https://')
}

/** Origins allowed to call the API with a session cookie: the public URL and, locally, both loopback names. */
export function trustedOrigins(): string[] {
  const port = process.env.PORT || 3000
  const origins = [serverUrl(), `http://localhost:${port}`, `http://127.0.0.1:${port}`]
  return [...new Set(origins)]
}
