// Ports and readiness for the servers the scripts and tests start.
import net from 'node:net'

import { sleep } from './process.mjs'

/**
 * A TCP port free on the loopback interface right now (the OS picks it).
 * @returns {Promise<number>}
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address())
      server.close(() => resolve(port))
    })
  })
}

/**
 * Polls `url` until it answers with a status `ready` accepts (any below 500 unless told), and
 * resolves with that status. Fails at `timeoutMs`, or as soon as `child` (the server being waited
 * for) exits; the error then carries the end of what the child printed, when start() kept it.
 * @typedef {import('node:child_process').ChildProcess & { output?: string }} Child
 * @param {string} url
 * @param {{ timeoutMs?: number, intervalMs?: number, requestTimeoutMs?: number,
 *   ready?: (status: number) => boolean, child?: Child }} [options]
 * @returns {Promise<number>}
 */
export async function waitForHttp(
  url,
  { timeoutMs = 120_000, intervalMs = 300, requestTimeoutMs = 30_000, ready = (status) => status < 500, child } = {},
) {
  const printed = () => (child?.output ? `:\n${child.output.slice(-4_000)}` : '')
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) {
      throw new Error(`the server exited (code ${child.exitCode}) before ${url} answered${printed()}`)
    }
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(requestTimeoutMs) })
      await response.arrayBuffer()
      if (ready(response.status)) return response.status
    } catch {
      // not listening yet
    }
    await sleep(intervalMs)
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s${printed()}`)
}
