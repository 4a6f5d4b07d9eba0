'use client'

import { ConfirmationModal, useModal } from '@payloadcms/ui'
import { useEffect } from 'react'

import type { RowCitation } from '@/salary-tables/impact'

export type PendingRemoval = { index: number; name: string; citation: RowCitation }

const MODAL = 'salary-row-remove'

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`

/** "3 figures cite it: 2 in “A”, 1 in “B”." */
export function citationSentence({ figures, articles }: RowCitation): string {
  const where = articles.map((article) => `${article.figures} in “${article.title}”`).join(', ')
  return `${plural(figures, 'figure')} in ${plural(articles.length, 'article')} ${figures === 1 ? 'cites' : 'cite'} this row: ${where}.`
}

/**
 * Asks before a row that figures cite is removed, naming how many and where: once the table is
 * saved without it, those figures show their last published value until someone fixes them.
 */
export function RemoveRowModal({
  pending,
  onConfirm,
  onCancel,
}: {
  pending: PendingRemoval | null
  onConfirm: () => void
  onCancel: () => void
}) {
  const { openModal, closeModal } = useModal()
  useEffect(() => {
    if (pending) openModal(MODAL)
    else closeModal(MODAL)
  }, [pending, openModal, closeModal])

  return (
    <ConfirmationModal
      modalSlug={MODAL}
      heading={pending ? `Remove ${pending.name}?` : 'Remove this row?'}
      body={
        pending ? (
          <div data-testid="remove-row-confirmation">
            <p>{citationSentence(pending.citation)}</p>
            <p>
              Once the table is saved without it, they show their last published value until someone points them at
              another row.
            </p>
          </div>
        ) : null
      }
      confirmLabel="Remove row"
      cancelLabel="Keep row"
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  )
}
