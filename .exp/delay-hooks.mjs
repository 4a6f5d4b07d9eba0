// Loader hooks that only slow loading down at random, as a busy machine or a transpiler does;
// with MARK, every ES module reports when its body starts and ends.
import fs from 'node:fs'
const max = Number(process.env.DELAY_MAX_MS ?? 15)
export async function load(url, context, next) {
  await new Promise((r) => setTimeout(r, Math.random() * max))
  const result = await next(url, context)
  if (process.env.MARK && result.format === 'module' && url.startsWith('file:')) {
    fs.appendFileSync(process.env.MARK, url + '\n')
    const u = JSON.stringify(url)
    return { ...result, source: `globalThis.__tla.start(${u});\n` + String(result.source) + `\n;globalThis.__tla.end(${u});\n` }
  }
  return result
}
