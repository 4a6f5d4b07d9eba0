// Payload scripts (`payload run <file>`, src/scripts/*.ts) as the npm scripts and tests run them.
import fs from 'node:fs'
import path from 'node:path'

import { retry, root, run } from './process.mjs'

/** Status of a `payload run` script stopped by its watchdog (src/scripts/runScript.ts). */
export const SCRIPT_TIMED_OUT = 75

/**
 * Node options for every process that loads the Payload config natively (`payload run`, the
 * `payload` CLI). Lexical's packages resolve, under Node's default `node` export condition, to
 * `*.node.mjs` wrappers whose top-level `await import('./X.dev.mjs')` picks a build at run time
 * (node_modules/lexical/dist/Lexical.node.mjs, line 9). @payloadcms/richtext-lexical imports 13 of
 * them at once, and Node (V8's module evaluation, seen in Node 20.20 and 22.23) now and then never
 * resumes a module whose asynchronous dependencies have all finished: the config's import stays
 * pending with nothing left to run, and the script stops or stalls. The `development` /
 * `production` conditions, which Lexical's exports list before `node`, select the same builds
 * directly, so no module with a top-level await is loaded (tests/int/script-startup.test.ts).
 * @param {NodeJS.ProcessEnv} [env]
 */
export const payloadNodeOptions = (env = process.env) => [
  `--conditions=${env.NODE_ENV === 'production' ? 'production' : 'development'}`,
]

/**
 * The `payload` CLI as the scripts run it: `[command, args]` for run().
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {[string, string[]]}
 */
export const payloadCommand = (args, env = process.env) => [
  process.execPath,
  [...payloadNodeOptions(env), path.join(root, 'node_modules', 'payload', 'bin.js'), ...args],
]

/**
 * Records a retried start-up where `npm test` reads it (VALENX_RETRY_LOG, set by scripts/test.mjs),
 * so that no retry goes unseen, and prints it.
 * @param {string} file
 * @param {import('./process.mjs').RunError} error
 * @param {number} next
 * @param {number} attempts
 */
export function reportRetry(file, error, next, attempts) {
  const why = error.timedOut ? 'did not finish in time' : `exit ${error.exitCode}`
  const tail = (error.output ?? '').trim().split('\n').slice(-2).join(' | ').slice(0, 300)
  console.error(`${file} stalled (${why}: ${tail}); trying again (${next}/${attempts}).`)
  const log = process.env.VALENX_RETRY_LOG
  if (log) fs.appendFileSync(log, `${JSON.stringify({ file, why, tail, at: new Date().toISOString() })}\n`)
}

/**
 * Runs a Payload script. A run its watchdog stopped (or that passed `timeoutMs`) is tried again,
 * printed and recorded (reportRetry), since every such script (prepare, seed, backup, restore) is
 * safe to repeat; `canRetry(output)` can refuse when the output shows the script got further than
 * its start-up; `onRetry` is told of each retry as well. `output` and `timeoutMs` are run()'s;
 * `attempts` and `forMs` bound the retries.
 * @param {string} file
 * @param {{ env?: NodeJS.ProcessEnv, output?: 'inherit' | 'tee' | 'collect', timeoutMs?: number,
 *   attempts?: number, forMs?: number, canRetry?: (output: string) => boolean,
 *   onRetry?: (error: import('./process.mjs').RunError, next: number) => void }} [options]
 * @returns {Promise<string>}
 */
export function runPayloadScript(
  file,
  { env = process.env, output = 'inherit', timeoutMs, attempts = 5, forMs, canRetry = () => true, onRetry } = {},
) {
  const [command, args] = payloadCommand(['run', file], env)
  return retry(() => run(command, args, { env, output, timeoutMs }), {
    attempts,
    forMs,
    when: (error) => (error.exitCode === SCRIPT_TIMED_OUT || error.timedOut) && canRetry(error.output ?? ''),
    onRetry: (error, next) => {
      reportRetry(file, error, next, attempts)
      onRetry?.(error, next)
    },
  })
}
