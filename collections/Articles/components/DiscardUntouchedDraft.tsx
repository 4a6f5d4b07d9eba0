'use client'

import { useDocumentInfo, useFormFields, useFormModified } from '@payloadcms/ui'
import { useEffect, useRef } from 'react'

/** Forms of each article open in this tab; React mounts a form twice in development. */
const open = new Map<string, number>()

/**
 * Display only, on the article form: when the form of a draft that was never given a title is
 * left (another admin page, a closed tab), asks the server to discard it. The server deletes it
 * only if it is still the untouched placeholder "Create New" made (collections/Articles/untouched).
 */
export function DiscardUntouchedDraft() {
  const { id, collectionSlug } = useDocumentInfo()
  const title = useFormFields(([fields]) => fields.title?.value)
  const modified = useFormModified()
  const state = useRef({ title, modified })
  useEffect(() => {
    state.current = { title, modified }
  }, [title, modified])

  useEffect(() => {
    if (!id || collectionSlug !== 'articles') return
    const key = String(id)
    const discard = () => {
      const { title: current, modified: changed } = state.current
      if (changed || (typeof current === 'string' && current.trim() !== '')) return
      // keepalive: the request outlives the page that sends it.
      void fetch(`/api/articles/${key}/discard`, { method: 'POST', credentials: 'include', keepalive: true }).catch(
        () => undefined,
      )
    }
    open.set(key, (open.get(key) ?? 0) + 1)
    window.addEventListener('pagehide', discard)
    return () => {
      window.removeEventListener('pagehide', discard)
      open.set(key, (open.get(key) ?? 1) - 1)
      // Left for another admin page, unless the same form mounted again at once.
      setTimeout(() => {
        if (!open.get(key)) discard()
      }, 0)
    }
  }, [id, collectionSlug])

  return null
}
