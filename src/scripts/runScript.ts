import type { Payload } from 'payload'

/** Exit status of a script stopped by its watchdog: the npm scripts retry it (scripts/lib/payload.mjs). */
export const SCRIPT_TIMED_OUT = 75

/**
 * Runs a script body against a booted Payload (`payload run <file>`), then exits with its status.
 * Node may otherwise exit half-way: during Payload's start-up there are moments when a promise is
 * pending but nothing keeps the event loop busy, and the script silently stops. The timer prevents
 * that; on a heavily loaded machine the same start-up has also been seen to stall outright, so a
 * watchdog ends a script that runs past SCRIPT_TIMEOUT_MS (default 5 minutes) with a status the
 * callers retry. Every script run this way is safe to run again.
 */
export async function runScript(main: (payload: Payload) => Promise<void>): Promise<never> {
  const keepAlive = setInterval(() => undefined, 1000)
  const limitMs = Number(process.env.SCRIPT_TIMEOUT_MS) || 5 * 60_000
  const watchdog = setTimeout(() => {
    console.error(`Stopped: the script did not finish within ${Math.round(limitMs / 1000)} s.`)
    process.exit(SCRIPT_TIMED_OUT)
  }, limitMs)
  // The stalls seen so far all happened while Payload started (loading the config or connecting):
  // a long script (the 10,000-article seed) should not wait its whole time limit to find out.
  const startupLimitMs = Math.min(limitMs, Number(process.env.SCRIPT_STARTUP_TIMEOUT_MS) || 120_000)
  const startup = setTimeout(() => {
    console.error(`Stopped: Payload did not start within ${Math.round(startupLimitMs / 1000)} s.`)
    process.exit(SCRIPT_TIMED_OUT)
  }, startupLimitMs)
  let exitCode = 0
  try {
    const [{ default: config }, { getPayload }] = await Promise.all([import('@payload-config'), import('payload')])
    const payload = await getPayload({ config })
    clearTimeout(startup)
    try {
      await main(payload)
    } finally {
      await payload.destroy()
    }
  } catch (error) {
    console.error(error)
    exitCode = 1
  } finally {
    clearInterval(keepAlive)
    clearTimeout(startup)
    clearTimeout(watchdog)
  }
  // A script may set process.exitCode to report failure without throwing (npm run import).
  process.exit(exitCode || Number(process.exitCode ?? 0))
}
