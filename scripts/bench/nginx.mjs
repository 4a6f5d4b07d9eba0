// The benchmark's second static ceiling: nginx (Debian's `nginx`, run as a plain process with its
// own prefix and configuration in a temporary folder, loopback only, stopped by its pid) serving
// the same pre-compressed HTML as the node static server, with `gzip_static`. It is the fastest a
// real web server answers this page on this machine: the app's targets are measured against it.
// One worker process, as the app and the node server each run on one core.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort, waitForHttp } from '../lib/http.mjs'
import { start } from '../lib/process.mjs'

/** nginx's path, or undefined when it is not installed. */
export function nginxBinary() {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).concat(['/usr/sbin', '/usr/local/sbin', '/usr/bin'])
  for (const dir of dirs) {
    const candidate = path.join(dir, 'nginx')
    if (dir && fs.existsSync(candidate)) return candidate
  }
  return undefined
}

/**
 * @param {string} prefix the temporary folder nginx keeps everything in
 * @param {number} port
 */
const config = (prefix, port) => `
daemon off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${prefix}/tmp/body;
  proxy_temp_path ${prefix}/tmp/proxy;
  fastcgi_temp_path ${prefix}/tmp/fastcgi;
  uwsgi_temp_path ${prefix}/tmp/uwsgi;
  scgi_temp_path ${prefix}/tmp/scgi;
  types { text/html html; }
  default_type text/html;
  charset utf-8;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  keepalive_requests 100000000;
  gzip_static on;
  gzip_vary on;
  server {
    listen 127.0.0.1:${port};
    root ${prefix}/www;
    index article.html;
    location / {
      add_header Cache-Control "public, max-age=0, must-revalidate";
    }
  }
}
`

/**
 * Starts nginx on a free loopback port serving `htmlFile` and its `.gz`; the caller stops it
 * (stop(server) or stopAll()). Resolves with undefined and a note when nginx is not installed.
 * @param {string} htmlFile
 * @param {string[]} notes
 */
export async function startNginxCeiling(htmlFile, notes) {
  const nginx = nginxBinary()
  if (!nginx) {
    notes.push('No nginx found (Debian/Ubuntu: apt-get install -y nginx-light): its ceiling is left out.')
    return undefined
  }
  // A folder of its own, readable by nginx's worker (which runs as `nobody` when started as root).
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'valenx-nginx-'))
  fs.chmodSync(prefix, 0o755)
  fs.mkdirSync(path.join(prefix, 'www'), { mode: 0o755 })
  fs.mkdirSync(path.join(prefix, 'tmp'))
  for (const suffix of ['', '.gz']) {
    const target = path.join(prefix, 'www', `article.html${suffix}`)
    fs.copyFileSync(htmlFile + suffix, target)
    fs.chmodSync(target, 0o644)
  }
  const port = await freePort()
  const conf = path.join(prefix, 'nginx.conf')
  fs.writeFileSync(conf, config(prefix, port))
  const server = start(nginx, ['-p', `${prefix}/`, '-c', conf, '-e', path.join(prefix, 'error.log')], {
    name: 'nginx',
  })
  const origin = `http://127.0.0.1:${port}`
  await waitForHttp(`${origin}/`, {
    child: server,
    timeoutMs: 10_000,
    intervalMs: 50,
    ready: (status) => status === 200,
  })
  const cleanup = () => fs.rmSync(prefix, { recursive: true, force: true })
  server.once('exit', cleanup)
  return { server, origin }
}
