import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort, waitForHttp } from '../../scripts/lib/http.mjs'
import { root, start as startProcess, stop as stopProcess, type Started } from '../../scripts/lib/process.mjs'
import { prepareDatabase, serverCommand, siteEnv } from '../../scripts/lib/site.mjs'

/**
 * A production server of its own, for tests that break it (tests/e2e/faults.spec.ts): its own
 * SQLite database in a temporary folder, prepared as `npm start` does, and its own copy of the
 * build the shared e2e server uses, so pages it re-renders never land in that server's cache.
 */
export type OwnServer = {
  url: string
  dataDir: string
  dbFile: string
  /** Everything the current server process printed. */
  log: () => string
  /** Starts the server; resolves with the milliseconds until its home page answered 200. */
  start: () => Promise<number>
  /** Ends the server's whole process group with this signal and waits for it to be gone. */
  stop: (signal?: NodeJS.Signals) => Promise<void>
  dispose: () => Promise<void>
}

/** `env`: settings of this server only (e.g. SMTP_HOST for the password-reset journey). */
export async function ownServer(name: string, options: { env?: Record<string, string> } = {}): Promise<OwnServer> {
  const sharedBuild = path.join(root, process.env.E2E_DIST_DIR || '.next-e2e')
  if (!fs.existsSync(path.join(sharedBuild, 'BUILD_ID')))
    throw new Error(`No production build in ${sharedBuild}: the e2e web server builds it first.`)
  const distDir = `.next-${name}-${process.pid}`
  // The build cache is only for `next build`; node_modules holds relative links, valid at the same depth.
  fs.cpSync(sharedBuild, path.join(root, distDir), {
    recursive: true,
    verbatimSymlinks: true,
    filter: (source) => source !== path.join(sharedBuild, 'cache'),
  })

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `valenx-${name}-`))
  const dbFile = path.join(dataDir, `${name}.db`)
  const port = await freePort()
  const url = `http://localhost:${port}`
  const env = { ...siteEnv({ port, databaseUri: `file:${dbFile}`, dataDir, distDir }), ...options.env }
  // A start-up that stalls all the same is stopped after 60 s and tried again, printed and counted
  // in `npm test`'s summary (scripts/lib/payload.mjs).
  await prepareDatabase(
    { ...env, SCRIPT_TIMEOUT_MS: '120000', SCRIPT_STARTUP_TIMEOUT_MS: '60000' },
    { output: 'collect', attempts: 3 },
  )

  let child: Started | undefined
  const start = async () => {
    const started = Date.now()
    const [command, args] = serverCommand(port)
    child = startProcess(command, args, { env: { ...env, NODE_ENV: 'production' }, name, keepChars: Infinity })
    await waitForHttp(`${url}/`, {
      child,
      timeoutMs: 120_000,
      intervalMs: 250,
      requestTimeoutMs: 10_000,
      ready: (status) => status === 200,
    })
    return Date.now() - started
  }
  // No SIGKILL after a grace period: a test that sends SIGTERM checks the graceful shutdown.
  const stop = (signal: NodeJS.Signals = 'SIGTERM') => stopProcess(child, { signal, graceMs: Infinity })
  return {
    url,
    dataDir,
    dbFile,
    log: () => child?.output ?? '',
    start,
    stop,
    dispose: async () => {
      await stop('SIGTERM')
      fs.rmSync(dataDir, { recursive: true, force: true })
      fs.rmSync(path.join(root, distDir), { recursive: true, force: true })
    },
  }
}
