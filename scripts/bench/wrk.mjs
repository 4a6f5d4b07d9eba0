// The load generator: wrk (Debian's `wrk`), in a process of its own, so that the bench process
// (Node, like the server) never competes with the server for the event loop or skews its figures.
// One thread: wrk's C event loop drives 32 connections faster than any target here answers, and
// the second core stays for the server. scripts/bench/wrk-report.lua prints the outcome as JSON.
import fs from 'node:fs'
import path from 'node:path'

import { root, run } from '../lib/process.mjs'

const SCRIPT = path.join(root, 'scripts/bench/wrk-report.lua')

/** wrk's path, or undefined when it is not installed. */
export function wrkBinary() {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).concat(['/usr/bin', '/usr/local/bin'])) {
    const candidate = path.join(dir, 'wrk')
    if (dir && fs.existsSync(candidate)) return candidate
  }
  return undefined
}

/**
 * @typedef {{ requests: { average: number, total: number }, latency: { p50: number, p90: number,
 *   p99: number, max: number, average: number }, throughput: { average: number, total: number },
 *   errors: number, timeouts: number, non2xx: number, duration: number }} LoadOutcome
 *   Latencies in milliseconds, throughput in bytes (headers included); `non2xx` counts the answers
 *   wrk counts as errors (status 400 and above).
 */

/**
 * One wrk run against `url` for `duration` seconds (cycling through `paths` when given).
 * @param {{ url: string, connections: number, duration: number, paths?: string[] }} target
 * @returns {Promise<LoadOutcome>}
 */
export async function wrkRun({ url, connections, duration, paths }) {
  const wrk = wrkBinary()
  if (!wrk) throw new Error('npm run bench measures with wrk: install it (Debian/Ubuntu: apt-get install -y wrk).')
  const args = [
    '-t1',
    `-c${connections}`,
    `-d${duration}s`,
    '--timeout',
    '10s',
    '-H',
    'Accept-Encoding: gzip, deflate, br',
    '-s',
    SCRIPT,
    url,
  ]
  const output = await run(wrk, args, {
    env: { ...process.env, WRK_PATHS: (paths ?? []).join(' ') },
    output: 'collect',
    timeoutMs: (duration + 30) * 1000,
  })
  const line = output.split('\n').find((text) => text.startsWith('WRK_JSON '))
  if (!line) throw new Error(`wrk printed no result:\n${output.slice(-2000)}`)
  const raw = JSON.parse(line.slice('WRK_JSON '.length))
  const seconds = raw.durationUs / 1e6
  const ms = (us) => us / 1000
  return {
    requests: { average: raw.requests / seconds, total: raw.requests },
    latency: {
      p50: ms(raw.latencyUs.p50),
      p90: ms(raw.latencyUs.p90),
      p99: ms(raw.latencyUs.p99),
      max: ms(raw.latencyUs.max),
      average: ms(raw.latencyUs.mean),
    },
    throughput: { average: raw.bytes / seconds, total: raw.bytes },
    errors: raw.errors.connect + raw.errors.read + raw.errors.write,
    timeouts: raw.errors.timeout,
    non2xx: raw.errors.status,
    duration: seconds,
  }
}
