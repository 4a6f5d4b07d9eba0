'use client'

import { useEffect, useState } from 'react'

const format = (iso: string, timeZone?: string) =>
  new Date(iso).toLocaleString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    second: '2-digit',
    timeZone,
    timeZoneName: timeZone ? 'short' : undefined,
  })

/** A version's time in the editor's own time zone (UTC until the browser has rendered it). */
export function VersionTime({ iso }: { iso: string }) {
  const [text, setText] = useState(() => format(iso, 'UTC'))
  useEffect(() => setText(format(iso)), [iso])
  return <time dateTime={iso}>{text}</time>
}
