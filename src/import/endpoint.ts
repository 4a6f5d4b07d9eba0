/**
 * `POST /api/articles/import` (editors and admins): `{ format, source, dryRun, category? }` →
 * the plan (dry run), or `201 { article, salaryTables, faqs, figures, warnings }` once created.
 * A post the plan finds errors in answers 400 with the errors (each naming its line) and the plan,
 * and nothing is created.
 */
import { ValidationError, type Endpoint, type PayloadRequest } from 'payload'

import { isEditorUser } from '@/access'

import { createImport } from './create'
import { lookups } from './lookups'
import { buildPlan } from './plan'
import { MAX_BODY_BYTES, readImportInput, tooLarge, type InputProblem } from './request'

const noStore = { 'cache-control': 'private, no-store' }
const refuse = (status: number, message: string, extra: Record<string, unknown> = {}) =>
  Response.json({ errors: [{ message, ...extra }] }, { status, headers: noStore })
const problem = ({ status, field, message }: InputProblem) => refuse(status, message, field ? { field } : {})

/** The body as text, or too large: stops reading past the limit instead of buffering any size. */
async function readBody(req: PayloadRequest): Promise<string | { tooLarge: number }> {
  const declared = Number(req.headers.get('content-length'))
  if (declared > MAX_BODY_BYTES) return { tooLarge: declared }
  const stream = req.body as ReadableStream<Uint8Array> | null | undefined
  if (!stream) return (await req.text?.()) ?? ''
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > MAX_BODY_BYTES) {
      await reader.cancel()
      return { tooLarge: total }
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

export const importEndpoint: Endpoint = {
  path: '/import',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return refuse(403, 'Sign in as an editor to import posts.')
    if (!isEditorUser(req.user)) return refuse(403, 'Only editors and admins can import posts.')
    if (!/^application\/json\b/i.test(req.headers.get('content-type') ?? '')) {
      return refuse(
        400,
        'Send the post as JSON (Content-Type: application/json): { "format": "markdown" | "html", "source": "…", "dryRun": true }.',
      )
    }
    const body = await readBody(req)
    if (typeof body !== 'string') return problem(tooLarge(body.tooLarge / 3))
    let json: unknown
    try {
      json = JSON.parse(body)
    } catch {
      return refuse(400, 'The body is not valid JSON.')
    }
    const input = readImportInput(json)
    if ('status' in input) return problem(input)

    const { plan, draft } = await buildPlan(input, lookups(req))
    if (plan.errors.length) {
      return Response.json(
        {
          errors: plan.errors.map((error) => ({
            message: error.line ? `line ${error.line}: ${error.message}` : error.message,
            ...(error.line ? { line: error.line } : {}),
          })),
          plan,
        },
        { status: 400, headers: noStore },
      )
    }
    if (input.dryRun) return Response.json({ dryRun: true, plan }, { headers: noStore })
    try {
      const result = await createImport(req, plan, draft)
      return Response.json(result, { status: 201, headers: noStore })
    } catch (error) {
      if (error instanceof ValidationError) {
        const fields = (error.data as { errors?: { path?: string; message?: string }[] } | undefined)?.errors ?? []
        return Response.json(
          {
            errors: fields.length
              ? fields.map((field) => ({ message: `${field.path}: ${field.message}`, field: field.path }))
              : [{ message: error.message }],
            plan,
          },
          { status: 400, headers: noStore },
        )
      }
      throw error
    }
  },
}
