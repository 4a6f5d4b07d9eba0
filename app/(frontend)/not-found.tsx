import { blogPath, searchPath } from '@/lib/paths'

export default function NotFound() {
  return (
    <div className="page-narrow not-found">
      <h1>Page not found</h1>
      <p>There is no published article at this address. It may have moved or not be published yet.</p>
      <p>
        <a href={blogPath()}>Browse the blog</a> or <a href={searchPath()}>search the articles</a>.
      </p>
    </div>
  )
}
