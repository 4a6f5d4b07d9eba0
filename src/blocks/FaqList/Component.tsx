import type { Faq, FaqListBlock } from '@payload-types'
import { liveNote } from '@/figures/summary'
import { RichText } from '@/rendering/RichText'

type Props = Omit<FaqListBlock, 'blockType'> & { blockType?: string }

export function FaqListView({ faqs }: Props) {
  // A FAQ the reader may not see (a draft, or deleted) arrives as a bare id: leave it out.
  const visible = (faqs ?? []).filter((faq): faq is Faq => typeof faq === 'object' && faq !== null)
  if (!visible.length) return null
  return (
    <div className="faq-list">
      {visible.map((faq, index) => (
        <section key={faq.id} className="faq-item" aria-labelledby={`faq-${faq.id}`}>
          <h3 id={`faq-${faq.id}`} className="faq-question">
            Q{index + 1}: {faq.question}
          </h3>
          <div className="faq-answer">
            <span className="faq-answer-label">A:</span>
            <RichText data={faq.answer} />
          </div>
          {faq.note?.label && faq.note.text ? (
            <p className="faq-note">
              <em>{faq.note.label}:</em> {liveNote(faq)}
            </p>
          ) : null}
        </section>
      ))}
    </div>
  )
}
