import type { Endpoint, PayloadRequest } from 'payload'

import type { SalaryTable } from '@payload-types'
import { isEditorUser } from '@/access'
import { validateMoney } from '@/fields/money'
import { CsvError, diffIsEmpty, diffSalaryRows, keepRowIds, parseSalaryCsv, rowFigures } from '@/salary-tables/csv'
import { salaryTableCsvName, salaryTableToCsv, type ImportedRow } from '@/salary-tables/csv'
import { tableImpact } from '@/salary-tables/impact'
import { previewTableChange } from '@/salary-tables/preview'
import { inputProblems } from '@/hooks/rejectMalformedInput'
import { isPlainObject } from '@/input/shape'

const SLUG = 'salary-tables'

type Refusal = { signIn: string; only: string }
const CSV_TOOLS: Refusal = { signIn: 'use the CSV tools', only: 'export or import salary tables' }

/** Editors only: these tools read drafts, and the CSV import writes figures every article follows. */
function refuse(req: PayloadRequest, what: Refusal): Response | undefined {
  // 403 for anonymous too, as Payload answers any request its access rules refuse.
  if (!req.user)
    return Response.json({ errors: [{ message: `Sign in as an editor to ${what.signIn}.` }] }, { status: 403 })
  if (!isEditorUser(req.user))
    return Response.json({ errors: [{ message: `Only editors can ${what.only}.` }] }, { status: 403 })
  return undefined
}

async function latest(req: PayloadRequest): Promise<SalaryTable | undefined> {
  const id = req.routeParams?.id as string | undefined
  if (!id) return undefined
  try {
    return (await req.payload.findByID({
      collection: SLUG,
      id,
      depth: 0,
      draft: true,
      overrideAccess: false,
      user: req.user,
      req,
    })) as SalaryTable
  } catch {
    return undefined
  }
}

/** The table the request names, as its latest version (drafts included), or the answer that refuses it. */
async function editableTable(req: PayloadRequest, what: Refusal = CSV_TOOLS): Promise<SalaryTable | Response> {
  const refused = refuse(req, what)
  if (refused) return refused
  return (await latest(req)) ?? Response.json({ errors: [{ message: 'No such salary table.' }] }, { status: 404 })
}

const amountRule = (value: number | undefined) =>
  validateMoney(value as number, { required: true } as never) as string | true

export const exportCsv: Endpoint = {
  path: '/:id/csv',
  method: 'get',
  handler: async (req) => {
    const table = await editableTable(req)
    if (table instanceof Response) return table
    return new Response(salaryTableToCsv(table), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${salaryTableCsvName(table)}"`,
        // Drafts included: never let a shared cache keep it.
        'cache-control': 'private, no-store',
      },
    })
  },
}

/**
 * POST { csv } with ?dryRun=1: the diff against the latest version, nothing written. Without
 * dryRun: the same checks, then one update as the signed-in editor (so the version records who),
 * published, and only when something changes.
 */
export const importCsv: Endpoint = {
  path: '/:id/import',
  method: 'post',
  handler: async (req) => {
    const table = await editableTable(req)
    if (table instanceof Response) return table

    let csv: unknown
    try {
      csv = ((await req.json?.()) as { csv?: unknown } | undefined)?.csv
    } catch {
      csv = undefined
    }
    if (typeof csv !== 'string')
      return Response.json(
        { errors: [{ message: 'Send the file as JSON: { "csv": "role,tier,…" }.' }] },
        { status: 400 },
      )

    let rows: ImportedRow[]
    try {
      rows = parseSalaryCsv(csv, amountRule)
    } catch (error) {
      if (error instanceof CsvError) {
        return Response.json(
          { errors: [{ message: error.message, line: error.line, column: error.column ?? null }] },
          { status: 400 },
        )
      }
      throw error
    }

    const diff = diffSalaryRows(rowFigures(table.rows), rows)
    const dryRun = ['1', 'true'].includes(new URL(req.url ?? 'http://localhost').searchParams.get('dryRun') ?? '')
    if (dryRun || diffIsEmpty(diff)) return Response.json({ dryRun, applied: false, diff })

    try {
      await req.payload.update({
        collection: SLUG,
        id: table.id,
        data: { rows: keepRowIds(table.rows, rows), _status: 'published' },
        overrideAccess: false,
        user: req.user,
        req,
      })
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      return Response.json({ errors: [{ message: `The table refused the import: ${message}` }] }, { status: 400 })
    }
    return Response.json({ dryRun: false, applied: true, diff })
  },
}

/**
 * GET: the articles that use this table and the figures in them that no longer resolve against
 * what readers see (a row gone, the table unpublished), with the sentence the admin shows after a
 * save. The save itself never fails over this: those figures show their last published value.
 */
export const impact: Endpoint = {
  path: '/:id/impact',
  method: 'get',
  handler: async (req) => {
    const table = await editableTable(req, {
      signIn: 'see where this table’s figures are used',
      only: 'see where a table’s figures are used',
    })
    if (table instanceof Response) return table
    return Response.json(await tableImpact(req.payload, table), { headers: { 'cache-control': 'private, no-store' } })
  },
}

const PREVIEW_BODY = 'Send the proposed table as a JSON object of fields, as for a PATCH, such as {"rows": [...]}.'

/**
 * POST the proposed table (a PATCH body: the fields sent replace the published ones; `_status:
 * "draft"` would unpublish it) → every statement readers would see change, before → after with its
 * claim, and every figure that would break. Editors only; nothing is written.
 */
export const preview: Endpoint = {
  path: '/:id/preview',
  method: 'post',
  handler: async (req) => {
    if (!req.user)
      return Response.json({ errors: [{ message: 'Sign in as an editor to preview a change.' }] }, { status: 401 })
    if (!isEditorUser(req.user))
      return Response.json({ errors: [{ message: 'Only editors can preview a table’s changes.' }] }, { status: 403 })
    const table = await latest(req)
    if (!table) return Response.json({ errors: [{ message: 'No such salary table.' }] }, { status: 404 })

    let body: unknown
    try {
      body = await req.json?.()
    } catch {
      body = undefined
    }
    if (!isPlainObject(body)) return Response.json({ errors: [{ message: PREVIEW_BODY }] }, { status: 400 })
    const { confirmContradictions: _confirm, ...proposal } = body
    const problems = await inputProblems(req.payload.collections[SLUG].config.fields, proposal, req)
    if (problems.length)
      return Response.json(
        {
          errors: [
            {
              name: 'ValidationError',
              message: `The proposed table is not valid: ${problems.map((problem) => problem.path).join(', ')}.`,
              data: { errors: problems },
            },
          ],
        },
        { status: 400 },
      )

    // What a PATCH without ?draft=true changes: the published table (or, never published, the latest).
    const { docs } = await req.payload.find({
      collection: SLUG,
      where: { id: { equals: table.id } },
      depth: 0,
      limit: 1,
      pagination: false,
      joins: false,
      overrideAccess: false,
      req,
    })
    const base = (docs[0] as SalaryTable | undefined) ?? table
    const proposed = proposal._status === 'draft' ? null : ({ ...base, ...proposal, id: table.id } as SalaryTable)
    return Response.json(await previewTableChange(req.payload, table.id, proposed), {
      headers: { 'cache-control': 'private, no-store' },
    })
  },
}
