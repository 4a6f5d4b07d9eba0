'use client'

const format = (iso: string) =>
  new Date(iso).toLocaleString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    second: '2-digit',
  })

/**
 * A version's time in the editor's own time zone. The server renders it in its own; the browser's
 * differs, so the mismatch is expected.
 */
export function VersionTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {format(iso)}
    </time>
  )
}
