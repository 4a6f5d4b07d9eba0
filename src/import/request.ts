/**
 * The body of `POST /api/articles/import`, checked strictly: every problem is a 4xx naming the
 * field, before anything is parsed or looked up.
 */
import type { ImportFormat } from './plan'

import { IMPORT_BODY_BYTES, IMPORT_SOURCE_BYTES } from '@/config/bodyLimits.mjs'

/** The largest post the import reads, in bytes of UTF-8. */
export const MAX_SOURCE_BYTES = IMPORT_SOURCE_BYTES
/** JSON escaping can triple a source (quotes, newlines, non-ASCII as \u…); past this, the body is not read. */
export const MAX_BODY_BYTES = IMPORT_BODY_BYTES

export type ImportInput = { format: ImportFormat; source: string; dryRun: boolean; category?: string }
export type InputProblem = { status: 400 | 413; field?: string; message: string }

const FIELDS = ['format', 'source', 'dryRun', 'category']
const FORMATS: ImportFormat[] = ['markdown', 'html']

export const tooLarge = (bytes: number): InputProblem => ({
  status: 413,
  field: 'source',
  message: `The post is ${(bytes / 1024 / 1024).toFixed(1)} MB; the import reads posts of at most 2 MB. Split it, or remove embedded images and data.`,
})

export function readImportInput(body: unknown): ImportInput | InputProblem {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return {
      status: 400,
      message: 'Send a JSON object: { "format": "markdown" | "html", "source": "…", "dryRun": true | false }.',
    }
  }
  const data = body as Record<string, unknown>
  const unknown = Object.keys(data).find((key) => !FIELDS.includes(key))
  if (unknown)
    return {
      status: 400,
      field: unknown,
      message: `Unknown field “${unknown.slice(0, 60)}”: the import takes format, source, dryRun and category.`,
    }
  if (typeof data.format !== 'string' || !FORMATS.includes(data.format as ImportFormat)) {
    const given =
      typeof data.format === 'string'
        ? `“${data.format.slice(0, 40)}”`
        : data.format === undefined
          ? 'none'
          : `a ${Array.isArray(data.format) ? 'list' : typeof data.format}`
    return { status: 400, field: 'format', message: `Unknown format (${given}): use "markdown" or "html".` }
  }
  if (typeof data.source !== 'string')
    return { status: 400, field: 'source', message: 'source must be the text of the post, as a string.' }
  const bytes = Buffer.byteLength(data.source, 'utf8')
  if (bytes > MAX_SOURCE_BYTES) return tooLarge(bytes)
  if (!data.source.trim())
    return { status: 400, field: 'source', message: 'source is empty: paste the post or choose a file.' }
  if (data.dryRun !== undefined && typeof data.dryRun !== 'boolean')
    return { status: 400, field: 'dryRun', message: 'dryRun must be true (show the plan) or false (create the draft).' }
  if (
    data.category !== undefined &&
    (typeof data.category !== 'string' || !data.category.trim() || data.category.length > 100)
  ) {
    return { status: 400, field: 'category', message: 'category must be the id or slug of a category.' }
  }
  return {
    format: data.format as ImportFormat,
    source: data.source,
    dryRun: data.dryRun !== false,
    ...(data.category ? { category: String(data.category) } : {}),
  }
}
