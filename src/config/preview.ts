import crypto from 'node:crypto'

import { isArticlePath, previewPath } from '@/lib/paths'

import { payloadSecret, serverUrl } from './env'

/**
 * The secret in preview links. Derived from PAYLOAD_SECRET unless PREVIEW_SECRET is set, so it is
 * never committed and changes when the signing secret does. A link alone is not enough: the preview
 * route also requires a signed-in user.
 */
export function previewSecret(): string {
  return (
    process.env.PREVIEW_SECRET?.trim() ||
    crypto.createHmac('sha256', payloadSecret()).update('valenx-preview').digest('hex').slice(0, 32)
  )
}

export function previewUrl(path: string): string {
  return `${serverUrl()}${previewPath(path, previewSecret())}`
}

/** Only our own article pages can be previewed: no open redirect through the preview route. */
export function isPreviewablePath(path: string | null): path is string {
  return typeof path === 'string' && isArticlePath(path)
}
