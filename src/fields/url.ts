/** Links readers can follow safely: absolute http(s) URLs only (no `javascript:`, `data:` or the like). */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 2000) return false
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

export const HTTP_URL_MESSAGE = 'Enter a full web address starting with http:// or https://.'

export function validateHttpUrl(value: unknown, { required = false } = {}): true | string {
  if (value === undefined || value === null || value === '') return required ? HTTP_URL_MESSAGE : true
  return isHttpUrl(value) ? true : HTTP_URL_MESSAGE
}
