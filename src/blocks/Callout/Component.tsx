import type { CalloutBlock } from '@payload-types'
import { RichText } from '@/rendering/RichText'

type Props = Omit<CalloutBlock, 'blockType'> & { blockType?: string }

export function CalloutView({ label, content }: Props) {
  const variant = label.toLowerCase().replace(/\s+/g, '-')
  return (
    <aside className={`callout callout--${variant}`} aria-label={label}>
      <p className="callout-label">{label}</p>
      <RichText data={content} className="callout-body" />
    </aside>
  )
}
