// Loaded with `node --import` into a `payload run` process (tests/int/script-startup.test.ts):
// appends the URL of every ES module the process loads to the file RECORD_MODULES names.
import { register } from 'node:module'

const hooks = `
import fs from 'node:fs'
export async function load(url, context, next) {
  const result = await next(url, context)
  if (result.format === 'module' && url.startsWith('file:')) fs.appendFileSync(${JSON.stringify(process.env.RECORD_MODULES)}, url + '\\n')
  return result
}
`
if (process.env.RECORD_MODULES) register(`data:text/javascript,${encodeURIComponent(hooks)}`)
