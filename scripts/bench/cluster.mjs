// Stage 10, two instances behind Varnish (README, "Running several instances"): the single server
// stopped, Redis, two servers (server.mjs, as `npm run serve`) on the same database and build with
// REDIS_URL and EDGE_PURGE_URL, and Varnish with the shipped VCL in front. Measured: the cached
// article through Varnish beside the nginx ceiling, and the editor path across instances: a salary
// figure saved through instance A, timed until the article shows it through Varnish and on B.
import path from 'node:path'

import { CLUSTER_PACKAGES, missingClusterTools, startRedis, startVarnish } from '../lib/cluster.mjs'
import { freePort, waitForHttp } from '../lib/http.mjs'
import { start, stop } from '../lib/process.mjs'
import { serverCommand } from '../lib/site.mjs'
import { log } from './context.mjs'
import { firstSeen } from './editor-path.mjs'
import { signInAsEditor } from './editor-api.mjs'
import { loadTarget, pairedWithNginx } from './load.mjs'
import { startNginxCeiling } from './nginx.mjs'
import { ARTICLE_PATH } from './options.mjs'

const median = (sorted) => sorted[Math.floor((sorted.length - 1) / 2)]
const summary = (times) => {
  const sorted = times.map((ms) => ms ?? Infinity).sort((a, b) => a - b)
  const worst = sorted.at(-1)
  return {
    medianMs: median(sorted),
    worstMs: Number.isFinite(worst) ? worst : null,
    missed: times.filter((ms) => ms === null).length,
  }
}

/** @param {import('./context.mjs').BenchContext} bench */
export async function clusterStage(bench) {
  const { opts, env, workDir, result } = bench
  const missing = missingClusterTools(workDir)
  if (missing) {
    result.notes.push(`Two instances behind Varnish skipped: ${missing} (Debian: ${CLUSTER_PACKAGES}).`)
    return
  }
  // The single server would compete with the two for the cores.
  if (bench.app) await stop(bench.app.server)
  const [redisPort, portA, portB, edgePort] = await Promise.all([1, 2, 3, 4].map(() => freePort()))
  await startRedis(redisPort)
  const edge = `http://127.0.0.1:${edgePort}`
  const instances = [portA, portB].map((port, index) => {
    const [command, args] = serverCommand(port, ['-H', '127.0.0.1'])
    const instanceEnv = {
      ...env,
      NODE_ENV: 'production',
      PORT: String(port),
      WARM_UP: '0',
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      EDGE_PURGE_URL: edge,
    }
    return {
      url: `http://127.0.0.1:${port}`,
      server: start(command, args, { env: instanceEnv, name: `instance ${'AB'[index]}` }),
    }
  })
  await Promise.all(
    instances.map(({ url, server }) =>
      waitForHttp(url + ARTICLE_PATH, { child: server, timeoutMs: 240_000, ready: (status) => status === 200 }),
    ),
  )
  await startVarnish({ dir: path.join(workDir, 'varnish'), port: edgePort, ports: [portA, portB] })
  log(`two instances (Redis) behind Varnish at ${edge}`)

  // Measured in turn with nginx serving the same article, as the single server's article was.
  const nginx = bench.ceilingHtml ? await startNginxCeiling(bench.ceilingHtml, result.notes) : undefined
  const target = { name: 'article, Varnish', origin: edge, path: ARTICLE_PATH }
  const { entry } = nginx
    ? await pairedWithNginx(bench, target, nginx, { ceilingName: 'nginx beside it' })
    : { entry: await loadTarget(bench, target.name, target.origin, target.path) }
  if (nginx) await stop(nginx.server)
  else {
    const ceiling = result.load.find((candidate) => candidate.name === result.ceiling)
    entry.ratioToCeiling = ceiling ? entry.requestsPerSecond / ceiling.requestsPerSecond : null
  }

  // The editor path across instances: saved through A, read through Varnish and on B.
  const editor = await signInAsEditor({ ...bench, base: instances[0].url })
  const rows = structuredClone(editor.table.rows)
  const toVarnish = []
  const toOther = []
  for (let index = 0; index < opts.edits; index++) {
    rows[0].base = editor.table.rows[0].base + 50_000 + (index + 1) * 111
    const expected = editor.totalText(rows[0])
    await editor.saveRows(rows)
    const saved = performance.now()
    const [throughVarnish, onOther] = await Promise.all([
      firstSeen(edge + ARTICLE_PATH, expected),
      firstSeen(instances[1].url + ARTICLE_PATH, expected),
    ])
    toVarnish.push(throughVarnish.seen ? Math.round(throughVarnish.seen - saved) : null)
    toOther.push(onOther.seen ? Math.round(onOther.seen - saved) : null)
  }
  result.cluster = {
    instances: 2,
    article: entry.name,
    editToVarnish: { ...summary(toVarnish), edits: toVarnish },
    editToOtherInstance: { ...summary(toOther), edits: toOther },
  }
  log(
    `edit through A → page: through Varnish worst ${result.cluster.editToVarnish.worstMs} ms, ` +
      `on B worst ${result.cluster.editToOtherInstance.worstMs} ms (of ${opts.edits})`,
  )
}
