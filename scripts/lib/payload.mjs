// Payload scripts (`payload run <file>`, src/scripts/*.ts) as the npm scripts and tests run them.
import { bin, retry, run } from './process.mjs'

/** Status of a `payload run` script stopped by its watchdog (src/scripts/runScript.ts). */
export const SCRIPT_TIMED_OUT = 75

/**
 * Runs a Payload script. A run its watchdog stopped (or that passed `timeoutMs`) is tried again,
 * since every such script (prepare, seed, backup, restore) is safe to repeat; `canRetry(output)`
 * can refuse when the output shows the script got further than its start-up. `output` and
 * `timeoutMs` are run()'s; `attempts` and `forMs` bound the retries.
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
  return retry(() => run(bin('payload'), ['run', file], { env, output, timeoutMs }), {
    attempts,
    forMs,
    when: (error) => (error.exitCode === SCRIPT_TIMED_OUT || error.timedOut) && canRetry(error.output ?? ''),
    onRetry: onRetry ?? ((_error, next) => console.error(`${file} stalled; trying again (${next}/${attempts}).`)),
  })
}
