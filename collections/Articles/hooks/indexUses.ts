import type { CollectionBeforeChangeHook } from 'payload'

import { blocksOf, relationId, walkNodes, type LexicalRoot } from '@/lib/lexical'

const ids = (values: unknown[]) => [...new Set(values.map(relationId).filter((id): id is string => Boolean(id)))]

/**
 * Kept on every save, as the salary tables are (indexContent): which FAQs the article shows (its
 * FAQ lists) and which images (the hero, the share image, images in the body). They are the
 * relations the "Used by" lists of FAQs and media join on, and what cards and feeds date an
 * article by (a FAQ's edit is the article's). Computed from whatever the save leaves in place: a
 * save that does not send the content keeps the content's, whatever a client sends for these.
 */
export const indexUses: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const content = (data.content ?? originalDoc?.content) as LexicalRoot
  const faqs = blocksOf(content, 'faqList').flatMap((block) => (Array.isArray(block.faqs) ? block.faqs : []))
  const uploads = [...walkNodes(content)]
    .filter((node) => node.type === 'upload' && node.relationTo === 'media')
    .map((node) => node.value)
  const meta = (data.meta ?? originalDoc?.meta) as { image?: unknown } | undefined
  const hero = 'heroImage' in data ? data.heroImage : originalDoc?.heroImage
  data.faqs = ids(faqs)
  data.images = ids([hero, meta?.image, ...uploads])
  return data
}
