import { ImageResponse } from 'next/og'

import { OG_SIZE, SITE_NAME } from './site'

export { OG_SIZE }
export const OG_CONTENT_TYPE = 'image/png'

/**
 * The generated share card: the site's colours and Next's bundled default font, so it renders
 * offline and needs no font files of ours.
 */
export function ogImage({ eyebrow, title, footer }: { eyebrow: string; title: string; footer: string }): ImageResponse {
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: '72px 80px',
        background: '#fbfaf7',
        color: '#1b1d21',
        borderTop: '16px solid #0b5c8a',
      }}
    >
      <div style={{ display: 'flex', fontSize: 30, color: '#0b5c8a', letterSpacing: 1 }}>{eyebrow}</div>
      <div style={{ display: 'flex', fontSize: title.length > 60 ? 60 : 72, lineHeight: 1.15, fontWeight: 700 }}>
        {title}
      </div>
      <div style={{ display: 'flex', fontSize: 28, color: '#4a4f57' }}>
        {SITE_NAME} · {footer}
      </div>
    </div>,
    OG_SIZE,
  )
}
