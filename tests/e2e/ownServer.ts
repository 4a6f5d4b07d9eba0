import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

/**
 * A production server of its own, for tests that break it (tests/e2e/faults.spec.ts): its own
 * SQLite database in a temporary folder, prepared as `npm start` does, and its own copy of the
 * build the shared e2e server uses, so pages it re-renders never land in that server's cache.
 */
const root = process.cwd()
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name)

export type OwnServer = {
  url: string
  dataDir: string
  dbFile: string
  /** Everything the current server process printed. */
  log: () => string
  start: () => Promise<number>
  /** Ends the server's whole process group with this signal and waits for it to be gone. */
  stop: (signal?: NodeJS.Signals) => Promise<void>
  dispose: () => Promise<void>
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export async function ownServer(name: string): Promise<OwnServer> {
  const sharedBuild = path.join(root, process.env.E2E_DIST_DIR || '.next-e2e')
  if (!fs.existsSync(path.join(sharedBuild, 'BUILD_ID'))) throw new Error(`No production build in ${sharedBuild}: the e2e web server builds it first.`)
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
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_OPTIONS: '--no-deprecation',
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URI: `file:${dbFile}`,
    NEXT_DIST_DIR: distDir,
    NEXT_PUBLIC_SERVER_URL: url,
  }
  // As scripts/lib.mjs runPayloadScript: a start-up its watchdog stopped (exit 75) is tried again.
  // Stalls come in runs on a busy machine (three in a row were seen), so the start-up gets 60 s and
  // the attempts go on for up to 5 minutes rather than a fixed count.
  const giveUpAt = Date.now() + 300_000
  for (;;) {
    try {
      execFileSync(bin('payload'), ['run', 'src/scripts/prepare.ts'], {
        cwd: root,
        env: { ...env, SCRIPT_TIMEOUT_MS: '120000', SCRIPT_STARTUP_TIMEOUT_MS: '60000' },
        stdio: 'pipe',
      })
      break
    } catch (error) {
      if (Date.now() > giveUpAt || (error as { status?: number }).status !== 75) throw error
    }
  }

  let child: ChildProcess | undefined
  let output = ''
  const start = async () => {
    output = ''
    const started = Date.now()
    // Its own process group, so that a signal reaches the server and any worker it forks.
    child = spawn(process.execPath, [path.join(root, 'server.mjs'), '-p', String(port)], { cwd: root, env: { ...env, NODE_ENV: 'production' }, detached: true })
    child.stdout?.on('data', (chunk) => (output += chunk))
    child.stderr?.on('data', (chunk) => (output += chunk))
    const deadline = Date.now() + 120_000
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`)
      try {
        const response = await fetch(`${url}/`, { signal: AbortSignal.timeout(10_000) })
        if (response.status === 200) return Date.now() - started
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    throw new Error(`the server did not answer within 120 s:\n${output}`)
  }
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const current = child
    if (!current?.pid || current.exitCode !== null || current.signalCode !== null) return
    const exited = new Promise((resolve) => current.once('exit', resolve))
    process.kill(-current.pid, signal)
    await exited
  }
  return {
    url,
    dataDir,
    dbFile,
    log: () => output,
    start,
    stop,
    dispose: async () => {
      await stop('SIGTERM')
      fs.rmSync(dataDir, { recursive: true, force: true })
      fs.rmSync(path.join(root, distDir), { recursive: true, force: true })
    },
  }
}
