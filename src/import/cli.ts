/**
 * `npm run import -- <file>…` (scripts/import.mjs passes the arguments in IMPORT_ARGS): imports
 * each Markdown or HTML file as a draft, with the same plan and checks as the admin view, as the
 * user named by --user (default: ADMIN_EMAIL, else admin@valenx.local), who must be an editor or
 * an admin. One summary line per file; each file is created in its own transaction.
 */
import fs from 'node:fs'
import path from 'node:path'

import { createLocalReq, type Payload } from 'payload'

import { isEditorUser } from '@/access'
import { runScript } from '@/scripts/runScript'

import { createImport } from './create'
import { lookups } from './lookups'
import { buildPlan, type ImportFormat } from './plan'
import { MAX_SOURCE_BYTES, tooLarge } from './request'

type Options = { files: string[]; cwd: string; user: string; dryRun: boolean; category?: string; format?: ImportFormat }

const FORMATS: Record<string, ImportFormat> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'markdown',
  '.html': 'html',
  '.htm': 'html',
}
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`

async function importFile(
  payload: Payload,
  user: Record<string, unknown>,
  file: string,
  options: Options,
): Promise<boolean> {
  const name = path.relative(options.cwd, file) || file
  const format = options.format ?? FORMATS[path.extname(file).toLowerCase()]
  if (!format)
    return fail(
      name,
      `unknown format “${path.extname(file) || 'no extension'}”: name the file .md or .html, or pass --format markdown|html`,
    )
  if (!fs.existsSync(file)) return fail(name, 'no such file')
  const bytes = fs.statSync(file).size
  if (bytes > MAX_SOURCE_BYTES) return fail(name, tooLarge(bytes).message)
  const source = fs.readFileSync(file, 'utf8')
  // Scripts run outside Next: there is no page cache to revalidate (see src/lib/revalidate.ts).
  const req = await createLocalReq({ user: user as never, context: { disableRevalidate: true } }, payload)
  const { plan, draft } = await buildPlan({ format, source, category: options.category }, lookups(req))
  if (plan.errors.length)
    return fail(
      name,
      plan.errors.map((error) => (error.line ? `line ${error.line}: ${error.message}` : error.message)).join('; '),
    )
  const salary = plan.tables.filter((table) => table.becomes === 'salary-tables').length
  const data = plan.tables.length - salary
  const reused = plan.faqs.filter((faq) => faq.reuses).length
  const summary = [
    plural(salary, 'salary table'),
    plural(data, 'data table'),
    `${plural(plan.faqs.length, 'FAQ')}${reused ? ` (${reused} reused)` : ''}`,
    plural(plan.figures.length, 'figure'),
    `${plural(plan.unmatchedNumbers.length, 'number')} left as text`,
    plural(plan.warnings.length, 'warning'),
  ].join(', ')
  if (options.dryRun) console.log(`plan ${name} → /blog/${plan.article.slug}: ${summary} (dry run, nothing created)`)
  else {
    try {
      const result = await createImport(req, plan, draft)
      console.log(`✓ ${name} → draft /blog/${result.article.slug} (article ${result.article.id}): ${summary}`)
    } catch (error) {
      return fail(name, error instanceof Error ? error.message : String(error))
    }
  }
  for (const warning of plan.warnings) console.log(`    warning: ${warning}`)
  return true
}

function fail(name: string, message: string): false {
  console.log(`✗ ${name}: ${message} (nothing created)`)
  return false
}

await runScript(async (payload) => {
  const options = JSON.parse(process.env.IMPORT_ARGS ?? '{}') as Options
  if (!options.files?.length) throw new Error('Name the files to import: npm run import -- post.md other.html')
  const { docs } = await payload.find({
    collection: 'users',
    where: { email: { equals: options.user } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const user = docs[0]
  if (!user) throw new Error(`No user ${options.user}: pass --user <email> of an editor or admin (or set ADMIN_EMAIL).`)
  if (!isEditorUser(user as never))
    throw new Error(`${options.user} is not an editor or an admin: only they can import posts.`)
  let failed = 0
  for (const file of options.files)
    if (!(await importFile(payload, { ...user, collection: 'users' }, file, options))) failed++
  console.log(
    `${options.files.length - failed} of ${plural(options.files.length, 'file')} ${options.dryRun ? 'planned' : 'imported as drafts'}${failed ? `, ${failed} refused` : ''}.`,
  )
  if (failed) process.exitCode = 1
})
