import { RichText as LexicalRichText } from '@payloadcms/richtext-lexical/react'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

import { jsxConverters } from './converters'

type Props = {
  data: SerializedEditorState | Record<string, unknown> | null | undefined
  className?: string
}

/** Renders stored Lexical content to HTML on the server, with the Valenx block views. */
export function RichText({ data, className }: Props) {
  if (!data) return null
  return (
    <LexicalRichText data={data as SerializedEditorState} converters={jsxConverters} className={className ?? 'prose'} />
  )
}
