import { getSalaryTable } from '@/data'
import { salaryTableCsvName, salaryTableToCsv } from '@/salary-tables/csv'

// Generated on first request, then served from the cache until the table is published again.
export const dynamic = 'force-static'
export const dynamicParams = true
export const revalidate = false

export function generateStaticParams() {
  return []
}

/** "Download CSV" under each salary table: the current published figures. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params
  const id = file.endsWith('.csv') ? file.slice(0, -'.csv'.length) : ''
  const table = id ? await getSalaryTable(id) : null
  if (!table) return new Response('No published salary table here.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  return new Response(salaryTableToCsv(table), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${salaryTableCsvName(table)}"`,
    },
  })
}
