// Stage 8, what a reader downloads: the article loaded in Chromium (Playwright), every request
// with its transferred and decoded size, JavaScript counted apart.
import { CHROMIUM_FLAGS } from '../lib/chromium.mjs'
import { CHROMIUM } from './options.mjs'

async function describeRequest(request, origin) {
  const sizes = await request.sizes().catch(() => null)
  const response = await request.response()
  const decoded = await response
    ?.body()
    .then((body) => body.length)
    .catch(() => null)
  // Chromium now and then reports a negative body size for the streamed document: unknown, not 0.
  const known = sizes && sizes.responseBodySize >= 0
  const status = response?.status() ?? null
  return {
    url: request.url().replace(origin, ''),
    type: request.resourceType(),
    status,
    transferBytes: known ? sizes.responseBodySize + sizes.responseHeadersSize : null,
    bodyBytes: known ? sizes.responseBodySize : null,
    decodedBytes: decoded,
    encoding: (await response?.headerValue('content-encoding').catch(() => null)) ?? null,
    // A 307 here with no body is Chromium's own internal redirect (its reason is in this header).
    ...(status && status >= 300 && status < 400
      ? {
          location: await response.headerValue('location'),
          reason: await response.headerValue('non-authoritative-reason'),
        }
      : {}),
  }
}

/**
 * @param {string} url the article page
 * @param {string[]} notes the result's notes, for sizes Chromium did not report
 */
export async function browserBytes(url, notes) {
  const { chromium } = await import('@playwright/test')
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS })
  try {
    const page = await (await browser.newContext()).newPage()
    const finished = []
    page.on('requestfinished', (request) => finished.push(request))
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 })
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined)
    const origin = new URL(url).origin
    const entries = []
    for (const request of finished) entries.push(await describeRequest(request, origin))
    const js = entries.filter((entry) => entry.type === 'script')
    const sum = (list, key) => list.reduce((total, entry) => total + (entry[key] ?? 0), 0)
    const unknown = entries
      .filter((entry) => entry.transferBytes === null && entry.status === 200)
      .map((entry) => entry.url)
    if (unknown.length)
      notes.push(`Chromium reported no transfer size for ${unknown.join(', ')}: not counted in the reader's bytes.`)
    return {
      requests: entries.length,
      unknownSizes: unknown,
      totalBytes: sum(entries, 'transferBytes'),
      totalDecodedBytes: sum(entries, 'decodedBytes'),
      jsBytes: sum(js, 'transferBytes'),
      jsDecodedBytes: sum(js, 'decodedBytes'),
      js: js.map(({ url: file, transferBytes, decodedBytes, encoding }) => ({
        file,
        transferBytes,
        decodedBytes,
        encoding,
      })),
      resources: entries,
    }
  } finally {
    await browser.close()
  }
}
