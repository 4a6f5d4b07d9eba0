// The git-ignored file that keeps generated secrets on this machine. Plain JavaScript so that both
// the npm scripts (before anything is compiled) and the TypeScript app share one implementation.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** @typedef {{ payloadSecret?: string, adminEmail?: string, adminPassword?: string }} LocalSecrets */

/** The folder that holds the local database, generated secrets and uploaded media. */
export function dataDir() {
  return path.resolve(process.cwd(), process.env.DATA_DIR || 'data')
}

export function localSecretsFile() {
  return path.join(dataDir(), 'secrets.json')
}

/** @returns {LocalSecrets} */
export function readLocalSecrets() {
  try {
    return JSON.parse(fs.readFileSync(localSecretsFile(), 'utf8'))
  } catch {
    return {}
  }
}

/** @param {LocalSecrets} update */
export function writeLocalSecrets(update) {
  fs.mkdirSync(dataDir(), { recursive: true })
  const merged = { ...readLocalSecrets(), ...update }
  // Owner-only: the file holds the admin password and the signing secret.
  fs.writeFileSync(localSecretsFile(), JSON.stringify(merged, null, 2) + '\n', { mode: 0o600 })
}

export function randomSecret(bytes = 32) {
  return crypto.randomBytes(bytes).toString('base64url')
}
