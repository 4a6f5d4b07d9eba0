// Helpers shared by the npm scripts (start, test, benchmark): child processes, ports, secrets.
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
export const bin = (name) => path.join(root, 'node_modules', '.bin', name)

/** Runs a command to completion, streaming its output; rejects on a non-zero exit. */
export function run(command, args, { env = process.env, capture = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit' })
    let stdout = ''
    if (capture) child.stdout.on('data', (chunk) => {
      stdout += chunk
      process.stdout.write(chunk)
    })
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (code === 0) resolve(stdout)
      else reject(Object.assign(new Error(`${path.basename(command)} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`), { exitCode: code }))
    })
  })
}

/** Status of a `payload run` script stopped by its watchdog (src/scripts/runScript.ts). */
export const SCRIPT_TIMED_OUT = 75

/**
 * Runs a Payload script (`payload run <file>`); a run its watchdog stopped is tried again, since
 * every such script (migrate, seed) is safe to repeat.
 */
export async function runPayloadScript(file, { env = process.env, capture = false, attempts = 5 } = {}) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run(bin('payload'), ['run', file], { env, capture })
    } catch (error) {
      if (attempt >= attempts || error.exitCode !== SCRIPT_TIMED_OUT) throw error
      console.error(`${file} stalled; trying again (${attempt + 1}/${attempts}).`)
    }
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

export async function waitForHttp(url, { timeoutMs = 120_000, child } = {}) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`server exited (code ${child.exitCode}) before ${url} answered`)
    try {
      const response = await fetch(url, { redirect: 'manual' })
      if (response.status < 500) return response.status
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`)
}


/** A hash of everything a production build depends on: when it changes, `npm start` rebuilds. */
export function sourceStamp() {
  const hash = crypto.createHash('sha256')
  const entries = ['app', 'collections', 'src', 'migrations', 'payload.config.ts', 'payload-types.ts', 'next.config.mjs', 'tsconfig.json', 'package-lock.json']
  const walk = (target) => {
    const full = path.join(root, target)
    if (!fs.existsSync(full)) return
    const stat = fs.statSync(full)
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) walk(path.join(target, name))
    } else {
      hash.update(target)
      hash.update(fs.readFileSync(full))
    }
  }
  for (const entry of entries) walk(entry)
  return hash.digest('hex')
}

/**
 * Next keeps `unstable_cache` entries in <distDir>/cache/fetch-cache across builds, and the build
 * pre-renders pages from them. They belong to the database they were read from: before a build for a
 * new, reseeded or restored database they must go, or its pages show the old content.
 */
export function clearDataCache(distDir) {
  fs.rmSync(path.join(root, distDir, 'cache', 'fetch-cache'), { recursive: true, force: true })
}
