import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import { describe, expect, it } from 'vitest'

import { payloadCommand, payloadNodeOptions } from '../../scripts/lib/payload.mjs'
import { root, run } from '../../scripts/lib/process.mjs'

/**
 * `payload run` scripts (prepare, backup, restore, the bench seed) used to stall at start-up now
 * and then, more often on a loaded machine: Node never resumed one of the modules waiting on
 * Lexical's `*.node.mjs` wrappers, each a top-level `await import('./X.dev.mjs')`, so importing the
 * config stayed pending with nothing left to run. The scripts load Lexical's builds directly
 * (scripts/lib/payload.mjs, payloadNodeOptions). The race itself cannot be reproduced on demand,
 * so this checks its precondition: a script's process loads no ES module with a top-level await
 * (its own file aside), and without the fix Node would load them. Run without the fix, about one
 * start-up in three on a loaded machine ended with runScript's "nothing left to run while loading
 * the Payload config was still pending" (exit 75).
 */
const acorn = createRequire(import.meta.url)('acorn') as typeof import('acorn')
const recorder = pathToFileURL(path.join(root, 'tests/helpers/recordModules.mjs')).href
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'valenx-startup-'))

type Node = { type: string; [key: string]: unknown }
const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).type === 'string'
const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression'])

/** Whether the module awaits outside any function: an `await` or `for await` on its top level. */
function awaitsOnTopLevel(node: Node): boolean {
  if (FUNCTIONS.has(node.type)) return false
  if (node.type === 'AwaitExpression' || (node.type === 'ForOfStatement' && node.await === true)) return true
  return Object.values(node).some((value) =>
    Array.isArray(value)
      ? value.some((item) => isNode(item) && awaitsOnTopLevel(item))
      : isNode(value) && awaitsOnTopLevel(value),
  )
}

function hasTopLevelAwait(file: string): boolean {
  const source = fs.readFileSync(file, 'utf8')
  return awaitsOnTopLevel(acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'module' }) as unknown as Node)
}

/** Runs tests/int/scripts/boot.ts with `payload run`; returns its output and the ES modules it loaded. */
async function boot(name: string) {
  const record = path.join(work, `${name}.txt`)
  const env = {
    ...Object.fromEntries(
      Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV'),
    ),
    NODE_OPTIONS: `--no-deprecation --import=${recorder}`,
    RECORD_MODULES: record,
  } as unknown as NodeJS.ProcessEnv
  const output = await run(...payloadCommand(['run', 'tests/int/scripts/boot.ts'], env), { env, output: 'collect' })
  const modules = [...new Set(fs.readFileSync(record, 'utf8').split('\n').filter(Boolean))].map((url) =>
    fileURLToPath(url.split('?')[0]),
  )
  return { output, modules }
}

const relative = (file: string) => path.relative(root, file)

describe('payload run start-up', () => {
  it('loads no module with a top-level await besides the script, so no start-up waits on one', async () => {
    const { output, modules } = await boot('script')
    expect(output).toMatch(/booted: \d+ collections/)
    expect(modules.length).toBeGreaterThan(500)
    expect(modules.some((file) => file.includes('/lexical/dist/Lexical.'))).toBe(true)
    const waiting = modules.filter(
      // TypeScript files are this project's own (the script itself awaits runScript at its top);
      // Payload's bin.js is the process's entry, evaluated alone before anything imports.
      (file) => !file.endsWith('.ts') && !file.endsWith('node_modules/payload/bin.js') && hasTopLevelAwait(file),
    )
    expect(waiting.map(relative)).toEqual([])
  }, 240_000)

  it("without those options Node resolves Lexical's packages to the top-level-await wrappers that stalled", async () => {
    const packages = [
      'lexical',
      '@lexical/html',
      '@lexical/list',
      '@lexical/rich-text',
      '@lexical/table',
      '@lexical/utils',
    ]
    const resolve = `for (const name of ${JSON.stringify(packages)}) console.log(import.meta.resolve(name))`
    const resolved = async (options: string[]) =>
      (await run(process.execPath, [...options, '--input-type=module', '-e', resolve], { output: 'collect' }))
        .trim()
        .split('\n')
        .map((url) => fileURLToPath(url))
    const byDefault = await resolved([])
    expect(byDefault.map(relative)).toContain('node_modules/lexical/dist/Lexical.node.mjs')
    expect(byDefault.every(hasTopLevelAwait)).toBe(true)
    const asTheScripts = await resolved(payloadNodeOptions())
    expect(asTheScripts.some(hasTopLevelAwait)).toBe(false)
  })
})
