import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import { isEditorUser } from '@/access'

import { ImportForm } from './ImportForm'

export const IMPORT_VIEW_PATH = '/import'

/**
 * The admin view "Import a post" (/admin/import): paste or upload a post, review the plan, then
 * create the draft. Custom views are reachable signed out, so this one sends visitors to the login
 * and tells authors that importing is for editors; the endpoint refuses them in any case.
 */
export function ImportView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, locale, visibleEntities } = initPageResult
  const admin = req.payload.config.routes.admin
  if (!req.user) redirect(`${admin}/login?redirect=${encodeURIComponent(`${admin}${IMPORT_VIEW_PATH}`)}`)
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <h1 style={{ margin: 'calc(var(--base) * 1.5) 0 var(--base)' }}>Import a post</h1>
        {isEditorUser(req.user) ? (
          <ImportForm articlesUrl={`${admin}/collections/articles`} />
        ) : (
          <p role="alert">
            Only editors and admins can import posts. Ask an editor to import it, or write the article as a draft.
          </p>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
