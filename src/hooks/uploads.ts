import fs from 'node:fs/promises'
import path from 'node:path'

import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type'
import type { CollectionBeforeOperationHook, CollectionConfig } from 'payload'

/**
 * What every upload collection does with files (installed by src/plugins/index.ts): names them by
 * their bytes, and answers for names that are not stored files.
 */

/**
 * An uploaded file is stored under an extension that says what its bytes are, not what the client
 * called it: a PNG sent as `poly.html` (a valid image that is also an HTML page) is stored as
 * `poly.png`, so no server, CDN or download ever treats it as a page. The type is detected the way
 * Payload checks it against `mimeTypes` (file-type, from the bytes); a file whose type cannot be
 * detected keeps its name and is refused by that check.
 */
export const nameFileByType: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if ((operation !== 'create' && operation !== 'update') || !req.file) return args
  const file = req.file
  const detected = file.tempFilePath
    ? await fileTypeFromFile(file.tempFilePath)
    : file.data?.length
      ? await fileTypeFromBuffer(file.data)
      : undefined
  if (!detected) return args
  const name = path.basename(file.name || 'upload')
  const stem = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : name
  file.name = `${stem || 'upload'}.${detected.ext}`
  file.mimetype = detected.mime
  return args
}

type UploadHandler = NonNullable<Exclude<CollectionConfig['upload'], boolean | undefined>['handlers']>[number]

// A stored name is one path segment: no separators, no control characters, no `..`.
const UNSAFE_NAME = /[\u0000-\u001f\u007f/\\]|^\.\.?$/

const answer = (status: number, message: string) =>
  Response.json({ errors: [{ message }] }, { status, headers: { 'cache-control': 'no-store' } })

/**
 * `GET /api/media/file/<name>` for names that are not stored files. Payload's own handler answered
 * 500 "Something went wrong" both for a name with a NUL byte (`ok.png%00.html`, which the file
 * system refuses) and for any name that is simply not there. Those are the client's mistake: 400
 * for a name no file can have, 404 for a file that does not exist. Stored files go on to Payload.
 */
export function serveStoredFilesOnly(staticDir: string): UploadHandler {
  // Payload's type is Promise<Response> | Promise<void>, which no async function can be.
  return (async (_req: unknown, { params }: { params: { filename?: unknown } }) => {
    const name = params.filename
    if (typeof name !== 'string' || !name || name.length > 255 || UNSAFE_NAME.test(name))
      return answer(400, 'That is not a valid file name.')
    const stat = await fs.stat(path.join(staticDir, name)).catch(() => null)
    if (!stat?.isFile()) return answer(404, 'No such file.')
  }) as UploadHandler
}
