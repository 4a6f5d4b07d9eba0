import { Gutter, SetDocumentStepNav } from '@payloadcms/ui'
import type { DocumentViewServerProps, Field, TypeWithID } from 'payload'

import { summarizeVersion } from './summaries'
import { VersionTime } from './VersionTime'

const PER_PAGE = 20

type VersionDoc = {
  id: string | number
  updatedAt: string
  autosave?: boolean
  version: Record<string, unknown> & { _status?: string; updatedBy?: unknown }
}

const idOf = (value: unknown): string | null =>
  typeof value === 'string' || typeof value === 'number'
    ? String(value)
    : value && typeof value === 'object' && 'id' in value
      ? String((value as TypeWithID).id)
      : null

/**
 * The Versions tab of salary tables and articles: each saved version with who saved it and what it
 * changed against the one before ("AI Engineer · FAANG+ base $165,000 → $170,000"), where Payload's
 * own list shows only a date and an id. Each date opens Payload's comparison of that version, with
 * Restore. Versions are read as the signed-in user (their access rules apply), the editors' names
 * as colleagues may see them (collections/Users).
 */
export async function VersionsView(props: DocumentViewServerProps) {
  const { initPageResult, searchParams } = props
  const { req, collectionConfig, docID } = initPageResult
  if (!collectionConfig || docID === undefined) return null
  const slug = collectionConfig.slug as 'salary-tables'
  const page = Math.max(1, Number.parseInt(String(searchParams?.page ?? '1'), 10) || 1)
  const base = `/admin/collections/${slug}/${docID}/versions`

  const read = { collection: slug, depth: 0, overrideAccess: false, user: req.user, req } as const
  const found = await req.payload.findVersions({
    ...read,
    where: { parent: { equals: docID } },
    sort: '-updatedAt',
    limit: PER_PAGE,
    page,
  })
  const versions = found.docs as unknown as VersionDoc[]
  // The version before the page's oldest, to say what that one changed.
  const last = versions.at(-1)
  const before = last
    ? ((
        await req.payload.findVersions({
          ...read,
          where: { and: [{ parent: { equals: docID } }, { updatedAt: { less_than: last.updatedAt } }] },
          sort: '-updatedAt',
          limit: 1,
          pagination: false,
        })
      ).docs[0] as unknown as VersionDoc | undefined)
    : undefined
  const published = found.docs.length
    ? ((
        await req.payload.findVersions({
          ...read,
          where: { and: [{ parent: { equals: docID } }, { 'version._status': { equals: 'published' } }] },
          sort: '-updatedAt',
          limit: 1,
          pagination: false,
        })
      ).docs[0] as unknown as VersionDoc | undefined)
    : undefined

  const editorIds = [...new Set(versions.map((doc) => idOf(doc.version.updatedBy)).filter(Boolean))] as string[]
  const editors = editorIds.length
    ? await req.payload.find({
        collection: 'users',
        where: { id: { in: editorIds } },
        depth: 0,
        limit: editorIds.length,
        pagination: false,
        overrideAccess: false,
        user: req.user,
        req,
        select: { name: true },
      })
    : { docs: [] }
  const names = new Map(editors.docs.map((user) => [String(user.id), user.name]))

  const fields = collectionConfig.fields as Field[]
  const rows = versions.map((doc, index) => {
    const older = versions[index + 1] ?? before
    const status =
      doc.id === published?.id
        ? 'Published (current)'
        : index === 0 && page === 1 && doc.version._status !== 'published'
          ? 'Draft (current)'
          : doc.version._status === 'published'
            ? 'Published before'
            : 'Draft'
    return {
      id: String(doc.id),
      at: doc.updatedAt,
      status: doc.autosave ? `${status}, autosaved` : status,
      who: names.get(idOf(doc.version.updatedBy) ?? '') ?? '—',
      changes: summarizeVersion(slug, fields, older?.version, doc.version),
    }
  })

  return (
    <>
      <SetDocumentStepNav
        collectionSlug={slug}
        id={docID}
        pluralLabel={typeof collectionConfig.labels?.plural === 'string' ? collectionConfig.labels.plural : slug}
        useAsTitle={collectionConfig.admin?.useAsTitle}
        view="Versions"
      />
      <main className="versions">
        <Gutter className="versions__wrap">
          {rows.length === 0 ? (
            <p>No versions yet.</p>
          ) : (
            <div className="table" data-testid="version-list">
              <table cellPadding="0" cellSpacing="0">
                <thead>
                  <tr>
                    <th scope="col">Saved</th>
                    <th scope="col">By</th>
                    <th scope="col">Status</th>
                    <th scope="col">What changed</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id} data-testid="version-row">
                      <td style={{ whiteSpace: 'nowrap' }}>
                        <a href={`${base}/${row.id}`}>
                          <VersionTime iso={row.at} />
                        </a>
                      </td>
                      <td>{row.who}</td>
                      <td style={{ whiteSpace: 'nowrap' }}>{row.status}</td>
                      <td>
                        {row.changes.length ? (
                          <ul style={{ margin: 0, paddingLeft: '1.1rem' }}>
                            {row.changes.map((line, index) => (
                              <li key={index}>{line}</li>
                            ))}
                          </ul>
                        ) : (
                          <span className="field-description">No change (saved or published as it was)</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {found.totalPages > 1 && (
            <nav aria-label="Version pages" style={{ display: 'flex', gap: '1rem', marginTop: '1rem' }}>
              {found.hasPrevPage && <a href={`${base}?page=${page - 1}`}>← Newer</a>}
              <span>
                Page {page} of {found.totalPages} ({found.totalDocs} versions)
              </span>
              {found.hasNextPage && <a href={`${base}?page=${page + 1}`}>Older →</a>}
            </nav>
          )}
        </Gutter>
      </main>
    </>
  )
}
