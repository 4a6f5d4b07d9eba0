// Child processes for the npm scripts, the benchmark and the end-to-end servers: run a command to
// completion, start a long-running one in its own process group, stop that group and wait for it.
import { spawn } from 'node:child_process'
import path from 'node:path'

/** The repository: every command runs here. */
export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')

/** @param {string} name a binary of an installed package (node_modules/.bin) */
export const bin = (name) => path.join(root, 'node_modules', '.bin', name)

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * @typedef {import('node:child_process').ChildProcess & { name: string, output: string }} Started
 *   a process from start(): `output` holds the end of what it printed
 * @typedef {Error & { exitCode?: number | null, timedOut?: boolean, output: string }} RunError
 */

/** Everything start() (or run() with a deadline) launched that has not exited yet, for stopAll(). */
const running = new Set()

function track(child) {
  running.add(child)
  child.on('exit', () => running.delete(child))
}

/** Keeps the end of what the child prints on its piped streams in `child.output`; `echo` passes it on. */
function keepOutput(child, { keepChars = Infinity, echo = false } = {}) {
  child.output = ''
  for (const [stream, sink] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    stream?.on('data', (chunk) => {
      child.output = (child.output + chunk).slice(-keepChars)
      if (echo) sink.write(chunk)
    })
  }
}

/**
 * Starts a long-running command in its own process group, so that stop() reaches whatever it
 * spawns. What it prints is kept (the last `keepChars` characters) and, with `echo`, passed on.
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, name?: string, keepChars?: number, echo?: boolean }} [options]
 * @returns {Started}
 */
export function start(
  command,
  args,
  { env = process.env, name = path.basename(command), keepChars = 20_000, echo = false } = {},
) {
  const child = /** @type {Started} */ (
    spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  )
  child.name = name
  keepOutput(child, { keepChars, echo })
  track(child)
  return child
}

const hasExited = (child) => child.exitCode !== null || child.signalCode !== null

/**
 * Sends `signal` to the child's process group and waits until the child has exited. A group still
 * there after `graceMs` gets SIGKILL; `graceMs: Infinity` waits as long as it takes (a test that
 * checks a graceful shutdown must not have it cut short).
 * @param {import('node:child_process').ChildProcess | undefined} child
 * @param {{ signal?: NodeJS.Signals, graceMs?: number }} [options]
 */
export async function stop(child, { signal = 'SIGTERM', graceMs = 5_000 } = {}) {
  if (!child?.pid || hasExited(child)) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const send = (name) => {
    try {
      process.kill(-child.pid, name)
    } catch {
      // No such group: gone, or (just after spawn) not created yet, when the child alone is there.
      child.kill(name)
    }
  }
  send(signal)
  if (graceMs === Infinity) {
    await exited
    return
  }
  if ((await Promise.race([exited, sleep(graceMs).then(() => 'late')])) === 'late') {
    send('SIGKILL')
    await Promise.race([exited, sleep(2_000)])
  }
}

/** Stops everything start() (or run() with a deadline) launched that is still running. */
export async function stopAll() {
  await Promise.all([...running].map((child) => stop(child)))
}

/**
 * On the first SIGINT or SIGTERM: stops what stopAll() stops, runs `cleanup`, exits 130.
 * @param {() => void | Promise<void>} [cleanup]
 */
export function stopAllOnSignal(cleanup = () => undefined) {
  let stopping = false
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (stopping) return
      stopping = true
      console.error(`\n${signal}: stopping the servers…`)
      stopAll()
        .then(cleanup)
        .finally(() => process.exit(130))
    })
  }
}

/**
 * Runs a server in the foreground for as long as this script lives: its output on this terminal,
 * SIGINT and SIGTERM passed on to it, and when it exits, `cleanup` runs and this script exits with
 * its status. `cleanup` also runs on the signal, in case the server never exits.
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, cleanup?: () => void }} [options]
 */
export function serveInForeground(command, args, { env = process.env, cleanup = () => undefined } = {}) {
  const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' })
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      child.kill(signal)
      cleanup()
    })
  }
  child.on('exit', (code) => {
    cleanup()
    process.exit(code ?? 0)
  })
  return child
}

/**
 * Runs a command to completion and resolves with what it printed on stdout. `output` says where
 * its output goes: 'inherit' (this terminal; resolves ''), 'tee' (stdout shown and kept, stderr
 * shown) or 'collect' (both kept, nothing shown). With `timeoutMs` it runs in its own process group
 * (as start() does), stopped as a whole at the deadline. A failure rejects with a RunError: its
 * `exitCode`, `timedOut`, and in `output` what was kept.
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, output?: 'inherit' | 'tee' | 'collect', timeoutMs?: number }} [options]
 * @returns {Promise<string>}
 */
export function run(command, args, { env = process.env, output = 'inherit', timeoutMs } = {}) {
  const label = `${path.basename(command)} ${args.join(' ')}`
  const detached = Boolean(timeoutMs)
  // A command in a process group of its own must not read the terminal: it is not in the foreground.
  const stdin = output === 'inherit' && !detached ? 'inherit' : 'ignore'
  const stdio = [stdin, output === 'inherit' ? 'inherit' : 'pipe', output === 'collect' ? 'pipe' : 'inherit']
  const child = /** @type {Started} */ (spawn(command, args, { cwd: root, env, stdio, detached }))
  child.name = label
  keepOutput(child, { echo: output === 'tee' })
  if (detached) track(child)
  let stdout = ''
  child.stdout?.on('data', (chunk) => (stdout += chunk))
  return new Promise((resolve, reject) => {
    let timedOut = false
    const deadline = detached ? setTimeout(() => ((timedOut = true), stop(child)), timeoutMs) : undefined
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      clearTimeout(deadline)
      if (code === 0 && !timedOut) return resolve(stdout)
      const why = timedOut ? `did not finish within ${timeoutMs / 1000} s` : `failed (${signal ?? `exit ${code}`})`
      reject(Object.assign(new Error(`${label} ${why}`), { exitCode: code, timedOut, output: child.output }))
    })
  })
}

/**
 * Calls `attempt` until it resolves. A rejection is tried again while `when(error)` holds, fewer than
 * `attempts` calls were made and `forMs` has not passed since the first; otherwise it is thrown.
 * @template T
 * @param {(attempt: number) => Promise<T>} attempt
 * @param {{ attempts?: number, forMs?: number, when?: (error: any) => boolean,
 *   onRetry?: (error: any, next: number) => void }} [options]
 * @returns {Promise<T>}
 */
export async function retry(
  attempt,
  { attempts = Infinity, forMs = Infinity, when = () => true, onRetry = () => undefined } = {},
) {
  const giveUpAt = Date.now() + forMs
  for (let count = 1; ; count++) {
    try {
      return await attempt(count)
    } catch (error) {
      if (count >= attempts || Date.now() > giveUpAt || !when(error)) throw error
      onRetry(error, count + 1)
    }
  }
}
