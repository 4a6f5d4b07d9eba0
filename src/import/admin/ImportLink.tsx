import type { ServerProps } from 'payload'

import { isEditorUser } from '@/access'

/** "Import a post", on the dashboard and above the articles list, for the editors who may use it. */
export function ImportLink({ user, payload }: ServerProps) {
  if (!isEditorUser(user ?? null)) return null
  return (
    <p style={{ margin: '0 0 var(--base)' }}>
      <a
        className="btn btn--style-secondary btn--size-small"
        href={`${payload.config.routes.admin}/import`}
        style={{ margin: 0 }}
      >
        Import a post
      </a>{' '}
      <span style={{ color: 'var(--theme-elevation-600)' }}>
        from Markdown or HTML, with its tables, FAQs and live figures.
      </span>
    </p>
  )
}
