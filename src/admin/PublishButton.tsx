'use client'

import {
  Button,
  PublishButton as PayloadPublishButton,
  useConfig,
  useDocumentInfo,
  useForm,
  useFormBackgroundProcessing,
  useFormProcessing,
  useLocale,
  useTranslation,
} from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useCallback, useEffect, useRef, useState } from 'react'

/**
 * "Publish changes" that publishes exactly what is on screen, on one click.
 *
 * Payload's own button published what the form held, and the form lags the editor: the rich-text
 * field hands Lexical's state to the form from an idle callback (up to 500 ms after the last
 * keystroke, @payloadcms/richtext-lexical/dist/field/Field.js, useRunDeprioritized), so a click
 * right after typing published the text without its last keystrokes, and said it had. And it is
 * disabled while an autosave runs (FormSubmit: backgroundProcessing), so a click then did nothing.
 *
 * This one stays clickable; on a click it hands every editor's current state to the form, waits
 * for a running autosave or save to finish, then submits as Payload's does. Payload's button stays
 * in the page, its own main button hidden (app/(payload)/custom.scss), for its menu ("Schedule
 * publish") and its Ctrl/Cmd+S.
 */

type LexicalRoot = HTMLElement & { __lexicalEditor?: { getEditorState: () => { toJSON: () => unknown } } }

const AUTOSAVE_WAIT_MS = 30_000

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))

export function PublishButton() {
  const {
    id,
    collectionSlug,
    globalSlug,
    hasPublishPermission,
    setHasPublishedDoc,
    setMostRecentVersionIsAutosaved,
    setUnpublishedVersionCount,
    uploadStatus,
  } = useDocumentInfo()
  const { submit, dispatchFields, getField, setModified } = useForm()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const { code: locale } = useLocale()
  const { t } = useTranslation()
  const backgroundProcessing = useFormBackgroundProcessing()
  const processing = useFormProcessing()
  // Read by the waiting click handler, which outlives this render.
  const busy = useRef({ backgroundProcessing, processing })
  useEffect(() => {
    busy.current = { backgroundProcessing, processing }
  }, [backgroundProcessing, processing])
  const buttonRef = useRef<HTMLDivElement>(null)
  const [publishing, setPublishing] = useState(false)

  /** Every top-level rich-text field of this form gets its editor's current state. */
  const flushEditors = useCallback(() => {
    const form = buttonRef.current?.closest('form') ?? document
    for (const root of form.querySelectorAll<LexicalRoot>('[data-lexical-editor="true"]')) {
      const field = root.closest<HTMLElement>('.rich-text-lexical[data-field-path]')
      // An editor inside a block of another editor is part of that editor's state.
      if (!field || field.parentElement?.closest('.rich-text-lexical')) continue
      const path = field.dataset.fieldPath
      const editor = root.__lexicalEditor
      if (!path || !editor) continue
      const value = editor.getEditorState().toJSON()
      if (JSON.stringify(getField(path)?.value) === JSON.stringify(value)) continue
      dispatchFields({ type: 'UPDATE', path, value })
      setModified(true)
    }
  }, [dispatchFields, getField, setModified])

  const publish = useCallback(async () => {
    if (publishing) return
    setPublishing(true)
    try {
      flushEditors()
      const until = Date.now() + AUTOSAVE_WAIT_MS
      await nextFrame()
      while ((busy.current.backgroundProcessing || busy.current.processing) && Date.now() < until) await nextFrame()
      // Typing may have gone on while the autosave ran.
      flushEditors()
      await nextFrame()
      const query = new URLSearchParams({ depth: '0', ...(locale ? { locale } : {}) })
      const path = globalSlug ? `/globals/${globalSlug}` : `/${collectionSlug}${id ? `/${id}` : ''}`
      const result = await submit({
        action: formatAdminURL({ apiRoute: api, path: `${path}?${query}` as `/${string}` }),
        method: id || globalSlug ? 'PATCH' : 'POST',
        overrides: { _status: 'published' },
      })
      if (result) {
        setUnpublishedVersionCount(0)
        setMostRecentVersionIsAutosaved(false)
        setHasPublishedDoc(true)
      }
    } finally {
      setPublishing(false)
    }
  }, [
    publishing,
    flushEditors,
    locale,
    globalSlug,
    collectionSlug,
    id,
    submit,
    api,
    setUnpublishedVersionCount,
    setMostRecentVersionIsAutosaved,
    setHasPublishedDoc,
  ])

  if (!hasPublishPermission) return null
  return (
    <div className="valenx-publish" ref={buttonRef}>
      <Button
        buttonStyle="primary"
        size="medium"
        id="valenx-publish"
        disabled={publishing || uploadStatus === 'uploading'}
        onClick={() => void publish()}
      >
        {t('version:publishChanges')}
      </Button>
      <div className="valenx-publish__menu">
        <PayloadPublishButton />
      </div>
    </div>
  )
}
