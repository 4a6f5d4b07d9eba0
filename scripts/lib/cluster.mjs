// The engines of a deployment of several instances, as the cluster test and the benchmark start
// them on this machine: Redis and Varnish with the shipped deploy/varnish/default.vcl, each a
// plain process on a loopback port, with its files in a folder of the caller's (README, "Running
// several instances"). Debian packages: redis-server, varnish, varnish-modules (for xkey).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { waitForHttp } from './http.mjs'
import { root, start, stop } from './process.mjs'

export const CLUSTER_PACKAGES = 'redis-server varnish varnish-modules'

/**
 * varnishd's `vsl_mask` as shipped (README, "The edge cache"; docker-compose.yml): its shared log
 * keeps errors, sessions and backend fetches, not each request's URL, headers and timings. Writing
 * those costs a cached hit about a tenth of its rate on this machine (`npm run bench`). For access
 * logs (varnishncsa, varnishlog -g request) an operator runs `varnishadm param.reset vsl_mask`.
 */
export const VARNISH_LOG_MASK =
  '-ReqStart,-ReqMethod,-ReqURL,-ReqProtocol,-ReqHeader,-ReqUnset,-RespProtocol,-RespStatus,-RespReason,-RespHeader,-RespUnset,-BereqHeader,-BerespHeader,-BereqUnset,-BerespUnset,-VCL_call,-VCL_return,-VCL_Log,-Timestamp,-ReqAcct,-Link,-Hit'
export const SHIPPED_VCL = path.join(root, 'deploy/varnish')

/** A program's path: on PATH, or in /usr/sbin (varnishd, for users without it on PATH). */
export function programPath(name) {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).concat(['/usr/sbin', '/usr/bin'])
  for (const dir of dirs) if (dir && fs.existsSync(path.join(dir, name))) return path.join(dir, name)
  return undefined
}

/**
 * What is missing to run Redis and Varnish with the xkey module, or null when nothing is.
 * @param {string} scratch a folder it may write into
 */
export function missingClusterTools(scratch) {
  if (!programPath('redis-server')) return 'redis-server is not installed'
  const varnishd = programPath('varnishd')
  if (!varnishd) return 'varnishd is not installed'
  // The smallest VCL that imports xkey compiles only where the module is installed.
  const dir = fs.mkdtempSync(path.join(scratch, 'xkey-'))
  try {
    fs.writeFileSync(path.join(dir, 'xkey.vcl'), 'vcl 4.1;\nimport xkey;\nbackend none none;\n')
    const compiled = spawnSync(
      varnishd,
      ['-C', '-j', 'none', '-n', path.join(dir, 'n'), '-f', path.join(dir, 'xkey.vcl')],
      {
        encoding: 'utf8',
      },
    )
    if (compiled.status !== 0)
      return `Varnish's xkey module is not installed (${compiled.stderr.trim().split('\n').pop()})`
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
  return null
}

/**
 * redis-server on `port`, loopback only, nothing saved to disk.
 * @param {number} port
 */
export async function startRedis(port) {
  const server = start(
    programPath('redis-server') ?? 'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
    { name: 'redis-server' },
  )
  await waitForRedis(port, server).catch(async (error) => {
    await stop(server)
    throw error
  })
  return server
}

async function waitForRedis(port, server) {
  const { createConnection } = await import('node:net')
  const deadline = Date.now() + 20_000
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`redis-server exited: ${server.output}`)
    const answered = await new Promise((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' }, () => socket.write('PING\r\n'))
      socket.on('data', (data) => (socket.destroy(), resolve(String(data).startsWith('+PONG'))))
      socket.on('error', () => resolve(false))
    })
    if (answered) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`redis-server did not answer on port ${port}`)
}

/**
 * varnishd on `port` with the shipped default.vcl, copied into `dir` beside a backends.vcl that
 * is the shipped one with `ports` in place of 3001 and 3002; its work folder (`-n`) and pid file
 * (`-P`) in `dir` too. In the foreground (`-F`), so that stopping the returned process (its pid,
 * the one in the pid file) stops it. Resolves once Varnish answers /api/health through an instance.
 * @param {{ dir: string, port: number, ports: [number, number] }} options
 */
export async function startVarnish({ dir, port, ports }) {
  fs.mkdirSync(dir, { recursive: true })
  fs.copyFileSync(path.join(SHIPPED_VCL, 'default.vcl'), path.join(dir, 'default.vcl'))
  const backends = fs
    .readFileSync(path.join(SHIPPED_VCL, 'backends.vcl'), 'utf8')
    .replace('"3001"', `"${ports[0]}"`)
    .replace('"3002"', `"${ports[1]}"`)
  fs.writeFileSync(path.join(dir, 'backends.vcl'), backends)
  const pidFile = path.join(dir, 'varnishd.pid')
  // -j none: no privilege separation, which needs root and a work folder its user can enter.
  const args = ['-F', '-j', 'none', '-n', path.join(dir, 'work'), '-P', pidFile, '-a', `127.0.0.1:${port}`]
  const server = start(
    programPath('varnishd') ?? 'varnishd',
    [...args, '-f', path.join(dir, 'default.vcl'), '-s', 'malloc,128m', '-p', `vsl_mask=${VARNISH_LOG_MASK}`],
    {
      name: 'varnishd',
    },
  )
  const origin = `http://127.0.0.1:${port}`
  await waitForHttp(`${origin}/api/health`, {
    child: server,
    timeoutMs: 60_000,
    ready: (status) => status === 200,
  }).catch(async (error) => {
    await stop(server)
    throw error
  })
  return { server, origin, pidFile }
}
