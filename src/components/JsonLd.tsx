import { serializeJsonLd, type JsonLdObject } from '@/seo/jsonLd'

/** Structured data for search engines: one script per object, safe to embed (see serializeJsonLd). */
export function JsonLd({ data }: { data: JsonLdObject[] }) {
  return (
    <>
      {data.map((item, index) => (
        <script
          key={`${item['@type']}-${index}`}
          type="application/ld+json"
          dangerouslySetInnerHTML={{ __html: serializeJsonLd(item) }}
        />
      ))}
    </>
  )
}
