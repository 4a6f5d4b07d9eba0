import { notFound } from 'next/navigation'

/**
 * Every address no other route serves (`/no-such-page`, `/blog/a/b`): the site's own "Page not
 * found" (../not-found.tsx), inside the reader layout with its navigation. Without this route
 * such an address got Next's bare default 404: the app has no root layout (the site and the admin
 * are two route groups, each its own root), and a group's not-found page only answers for the
 * routes inside that group.
 */
export function generateStaticParams() {
  return []
}

export default function MissingPage(): never {
  notFound()
}
