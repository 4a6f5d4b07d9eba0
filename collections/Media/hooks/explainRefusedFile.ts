import { ValidationError, type CollectionAfterErrorHook } from 'payload'

export const ALLOWED_IMAGES = 'PNG, JPEG, WebP, AVIF or GIF'

/**
 * Payload refuses a file whose bytes are not an allowed type with "The following field is invalid:
 * file" and, one level down, a terse "Invalid MIME type: application/xml.". The uploader needs the
 * type that was found and the types that are accepted, in the message every client shows first.
 */
export const explainRefusedFile: CollectionAfterErrorHook = ({ error, result }) => {
  if (!(error instanceof ValidationError) || !result) return
  const fileErrors = (error.data?.errors ?? []).filter((item) => item.path === 'file')
  const found = fileErrors
    .map((item) => /(?:MIME type:?|File type) ([\w.+-]+\/[\w.+-]+?)\.?(?:\s|,|$)/.exec(item.message)?.[1])
    .find(Boolean)
  if (!found) return
  const harmful = fileErrors.some((item) => /harmful/i.test(item.message))
    ? ' It also contains script or other active content.'
    : ''
  const message = `This file is ${found}, which cannot be uploaded: only ${ALLOWED_IMAGES} images are accepted.${harmful}`
  return {
    response: {
      ...result,
      errors: result.errors.map((item) => ({
        ...item,
        message,
        data: { ...item.data, errors: [{ path: 'file', message }] },
      })),
    },
  }
}
