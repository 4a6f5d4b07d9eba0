import type { Payload } from 'payload'

/**
 * Runs a script body against a booted Payload (`payload run <file>`), then exits with its status.
 * Node may otherwise exit half-way: during Payload's start-up there are moments when a promise is
 * pending but nothing keeps the event loop busy, and the script silently stops. The timer prevents it.
 */
export async function runScript(main: (payload: Payload) => Promise<void>): Promise<never> {
  const keepAlive = setInterval(() => undefined, 1000)
  let exitCode = 0
  try {
    const [{ default: config }, { getPayload }] = await Promise.all([import('@payload-config'), import('payload')])
    const payload = await getPayload({ config })
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
  }
  process.exit(exitCode)
}
