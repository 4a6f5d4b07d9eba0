import type { Payload } from 'payload'

/** Exit status of a script stopped by its watchdog: the npm scripts retry it (scripts/lib/payload.mjs). */
export const SCRIPT_TIMED_OUT = 75

/**
 * Runs a script body against a booted Payload (`payload run <file>`), then exits with its status.
 *
 * Start-up used to stall now and then: Node lost the evaluation of one of Lexical's `*.node.mjs`
 * wrappers (modules with a top-level await), so importing the config stayed pending with nothing
 * left to run. The scripts now load Lexical's builds directly (scripts/lib/payload.mjs,
 * payloadNodeOptions). Should a start-up stall all the same, it is not hidden: an event loop that
 * empties before the script ends is reported at once, and a script that runs past
 * SCRIPT_TIMEOUT_MS (default 5 minutes; start-up alone SCRIPT_STARTUP_TIMEOUT_MS, 2 minutes) is
 * stopped, both with a status the callers retry, print and count. Every script run this way is
 * safe to run again.
 */
export async function runScript(main: (payload: Payload) => Promise<void>): Promise<never> {
  const limitMs = Number(process.env.SCRIPT_TIMEOUT_MS) || 5 * 60_000
  const stop = (message: string) => {
    console.error(message)
    process.exit(SCRIPT_TIMED_OUT)
  }
  // The timers must not keep the process alive themselves: a lost promise shows as beforeExit.
  const watchdog = setTimeout(
    () => stop(`Stopped: the script did not finish within ${Math.round(limitMs / 1000)} s.`),
    limitMs,
  ).unref()
  const startupLimitMs = Math.min(limitMs, Number(process.env.SCRIPT_STARTUP_TIMEOUT_MS) || 120_000)
  let phase = 'loading the Payload config'
  const startup = setTimeout(
    () => stop(`Stopped: Payload did not start within ${Math.round(startupLimitMs / 1000)} s (${phase}).`),
    startupLimitMs,
  ).unref()
  const lost = () =>
    stop(`Stopped: nothing left to run while ${phase} was still pending (a promise that can never settle).`)
  process.on('beforeExit', lost)
  let exitCode = 0
  try {
    const [{ default: config }, { getPayload }] = await Promise.all([import('@payload-config'), import('payload')])
    phase = 'starting Payload'
    const payload = await getPayload({ config })
    clearTimeout(startup)
    phase = 'the script'
    try {
      await main(payload)
    } finally {
      phase = 'closing Payload'
      await payload.destroy()
    }
  } catch (error) {
    console.error(error)
    exitCode = 1
  } finally {
    process.off('beforeExit', lost)
    clearTimeout(startup)
    clearTimeout(watchdog)
  }
  // A script may set process.exitCode to report failure without throwing (npm run import).
  process.exit(exitCode || Number(process.exitCode ?? 0))
}
