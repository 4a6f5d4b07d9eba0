// One timed GET, the unit of the uncached renders, the editor path and the soak's last check.

/**
 * @param {string} url
 * @param {{ headers?: Record<string, string>, timeoutMs?: number }} [options]
 */
export async function timedGet(url, { headers = {}, timeoutMs = 60_000 } = {}) {
  const started = performance.now()
  const response = await fetch(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) })
  const body = await response.text()
  return { status: response.status, ms: performance.now() - started, body, headers: response.headers }
}

/** What a browser sends: the load and the timed pages ask for compressed answers. */
export const GZIP = { 'accept-encoding': 'gzip' }
