// Chromium as the end-to-end tests and the benchmark launch it.
import fs from 'node:fs'

/** Flags for Chromium on a shared machine with no sandbox, GPU or network beyond the site. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * The system's Chromium: CHROME_PATH, else Debian's or Ubuntu's; undefined when there is none.
 * @returns {string | undefined}
 */
export function systemChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  return candidates.find((candidate) => candidate && fs.existsSync(candidate))
}
