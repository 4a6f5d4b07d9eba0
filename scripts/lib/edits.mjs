// Every kind of edit an editor makes to what readers see, and the reader pages each one must reach
// (issue 13). One definition for two users: the end-to-end walk (tests/e2e/dependencies.spec.ts)
// asserts that each page shows each edit, and the benchmark (scripts/bench/edit-kinds.mjs) times
// how long each takes. Everything goes through the REST API, as an editor's client would, on a
// fixture of its own (its own author, category, image, salary table, FAQ and two articles).
import crypto from 'node:crypto'
import zlib from 'node:zlib'

/** Signs in over REST; resolves with a client that sends that session with every call. */
export async function restClient(base, { email, password }) {
  const login = await fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  const { token } = await login.json()
  if (!token) throw new Error(`login as ${email} failed (${login.status})`)
  const auth = { authorization: `JWT ${token}` }
  const call = async (method, path, body) => {
    const response = await fetch(`${base}/api${path}`, {
      method,
      headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    if (!response.ok) throw new Error(`${method} /api${path}: ${response.status} ${text.slice(0, 500)}`)
    return JSON.parse(text)
  }
  return {
    base,
    auth,
    get: (path) => call('GET', path),
    post: async (path, body) => (await call('POST', path, body)).doc,
    patch: async (path, body) => (await call('PATCH', path, body)).doc,
    delete: (path) => call('DELETE', path),
    /** Saves a global (Payload's REST API updates globals with POST). */
    saveGlobal: async (slug, body) => (await call('POST', `/globals/${slug}`, body)).result,
    /** Uploads a generated PNG to `media`. */
    upload: async (alt) => {
      const form = new FormData()
      form.append('file', new Blob([pngImage(64, 48)], { type: 'image/png' }), `graph-${Date.now()}.png`)
      form.append('_payload', JSON.stringify({ alt }))
      const response = await fetch(`${base}/api/media`, { method: 'POST', headers: auth, body: form })
      const text = await response.text()
      if (!response.ok) throw new Error(`upload: ${response.status} ${text.slice(0, 500)}`)
      return JSON.parse(text).doc
    },
  }
}

/** A small opaque PNG (a grey rectangle), so the fixture needs no file on disk. */
export function pngImage(width, height) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (buffer) => {
    let c = 0xffffffff
    for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type, data) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc(body))
    return Buffer.concat([length, body, sum])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 0 // greyscale
  const rows = Buffer.alloc((width + 1) * height, 0x80)
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const text = (value) => ({ type: 'text', text: value, format: 0, detail: 0, mode: 'normal', style: '', version: 1 })
const element = { direction: 'ltr', format: '', indent: 0, version: 1 }
const paragraph = (...children) => ({
  type: 'paragraph',
  children: children.map((child) => (typeof child === 'string' ? text(child) : child)),
  textFormat: 0,
  textStyle: '',
  ...element,
})
const richText = (...children) => ({ root: { type: 'root', children, ...element } })
const blockId = () => crypto.randomBytes(12).toString('hex')
const block = (blockType, fields) => ({
  type: 'block',
  fields: { id: blockId(), blockName: '', blockType, ...fields },
  format: '',
  version: 2,
})
const figure = (fields) => ({
  type: 'inlineBlock',
  fields: { id: blockId(), blockName: '', blockType: 'figure', decimals: 0, ...fields },
  version: 1,
})

const money = (value) => `$${value.toLocaleString('en-US')}`
const excerptOf = (fx) => `Excerpt ${fx.excerptEdit}: base pay is ${money(fx.base)} for ${fx.word}.`
const ROW = { role: 'Graph Engineer', tier: 'Tier One' }
const BASE = 100_000

/**
 * Creates the fixture's documents, all published, and resolves with them. `stamp` makes every name
 * unique to this run, and `word` (in the article's title) is what the search page is asked for.
 * @param {Awaited<ReturnType<typeof restClient>>} api
 */
export async function createFixture(
  api,
  stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
) {
  const word = `graph${stamp}`
  const author = await api.post('/users', {
    email: `graph-${stamp}@valenx.local`,
    password: `graph-${stamp}-password`,
    name: `Author ${stamp}`,
    role: 'author',
  })
  const category = await api.post('/categories', { title: `Category ${stamp}`, slug: `category-${stamp}` })
  const image = await api.upload(`Picture ${stamp}`)
  const table = await api.post('/salary-tables', {
    title: `Table ${stamp}`,
    currency: 'USD',
    period: '2025',
    asOf: '2026-01-01',
    rows: [
      { ...ROW, base: BASE, equity: 20_000, bonus: 5_000, source: `Survey ${stamp}` },
      {
        role: 'Other Engineer',
        tier: 'Tier One',
        base: 90_000,
        equity: 10_000,
        bonus: 5_000,
        source: `Survey ${stamp}`,
      },
    ],
    _status: 'published',
  })
  const faq = await api.post('/faqs', {
    question: `Question ${stamp}?`,
    answer: richText(paragraph(`Answer ${stamp}.`)),
    note: { label: 'Data Point', text: `Note ${stamp}.` },
    _status: 'published',
  })
  const baseFigure = figure({ source: 'salaryCell', table: table.id, ...ROW, column: 'base', format: 'currency' })
  const article = await api.post('/articles', {
    title: `Article ${word}`,
    // The number is the figure's value when saved: it follows the figure from then on.
    excerpt: `Base pay is ${money(BASE)} for ${word}.`,
    category: category.id,
    authors: [author.id],
    heroImage: image.id,
    featured: true,
    content: richText(
      paragraph('Base pay is ', baseFigure, ' in this fixture.'),
      block('salaryTable', { table: table.id, showChart: false }),
      block('faqList', { faqs: [faq.id] }),
    ),
    _status: 'published',
  })
  const related = await api.post('/articles', {
    title: `Related ${stamp}`,
    excerpt: `The article that lists ${word} among its related posts.`,
    category: category.id,
    relatedPosts: [article.id],
    content: richText(paragraph(`Related reading for ${stamp}.`)),
    _status: 'published',
  })
  return { stamp, word, author, category, image, table, faq, article, related, base: BASE, edits: 0 }
}

/**
 * Deletes the fixture's documents, their document locks first (an edit view left open holds one):
 * on a server other journeys share, its featured article would otherwise stay on their home page.
 */
export async function removeFixture(api, fixture) {
  const docs = [
    ['articles', fixture.related],
    ['articles', fixture.article],
    ['faqs', fixture.faq],
    ['salary-tables', fixture.table],
    ['media', fixture.image],
    ['categories', fixture.category],
    ['users', fixture.author],
  ]
  for (const [collection, doc] of docs) {
    if (!doc?.id) continue
    await api.delete(`/payload-locked-documents?where[document.value][equals]=${doc.id}`).catch(() => undefined)
    await api.delete(`/${collection}/${doc.id}`)
  }
}

/** The reader pages that show the fixture, by the names the edit kinds use. */
export const pagesOf = (fixture) => ({
  article: `/blog/${fixture.article.slug}`,
  related: `/blog/${fixture.related.slug}`,
  home: '/',
  blog: '/blog',
  category: `/blog/category/${fixture.category.slug}`,
  feed: '/feed.xml',
  search: `/search?q=${fixture.word}`,
  sitemap: '/sitemaps/articles-1.xml',
})

/** Every page that lists the article as a card or an entry. */
const LISTS = ['related', 'home', 'blog', 'category', 'feed', 'search']
const everywhere = (value, names) => Object.fromEntries(names.map((name) => [name, value]))
/** The article's sitemap entry with the date readers see. */
const lastmod = (fixture, iso) => `/blog/${fixture.article.slug}</loc><lastmod>${iso}</lastmod>`

/**
 * The edit kinds: each applies its edit (the `n`th of the run, so each value is new) and resolves
 * with what each page must then show. `covers` names the reader-visible fields it changes
 * (`collection.field`, `global.field`), for the test that every such field has an edit. A kind whose
 * text follows later edits of other kinds also says what its pages show now (`showsNow`).
 * @type {{ name: string, covers: string[], apply: (api: any, fixture: any, n: number) => Promise<Record<string, string>>, showsNow?: (fixture: any) => Record<string, string> }[]}
 */
export const EDIT_KINDS = [
  {
    name: 'FAQ question',
    covers: ['faqs.question'],
    apply: async (api, fx, n) => {
      const question = `Question ${fx.stamp} edit ${n}?`
      const saved = await api.patch(`/faqs/${fx.faq.id}`, { question })
      // A FAQ is part of the article's content: its edit dates the article too.
      return { article: question, sitemap: lastmod(fx, saved.updatedAt) }
    },
  },
  {
    name: 'FAQ answer',
    covers: ['faqs.answer'],
    apply: async (api, fx, n) => {
      const answer = `Answer ${fx.stamp} edit ${n}.`
      const saved = await api.patch(`/faqs/${fx.faq.id}`, { answer: richText(paragraph(answer)) })
      return { article: answer, sitemap: lastmod(fx, saved.updatedAt) }
    },
  },
  {
    name: 'FAQ note',
    covers: ['faqs.note'],
    apply: async (api, fx, n) => {
      const note = `Note ${fx.stamp} edit ${n}.`
      const saved = await api.patch(`/faqs/${fx.faq.id}`, { note: { label: 'Projection', text: note } })
      return { article: note, sitemap: lastmod(fx, saved.updatedAt) }
    },
  },
  {
    name: 'category title',
    covers: ['categories.title'],
    apply: async (api, fx, n) => {
      const title = `Category ${fx.stamp} edit ${n}`
      await api.patch(`/categories/${fx.category.id}`, { title })
      return everywhere(title, ['article', ...LISTS])
    },
  },
  {
    name: 'category description',
    covers: ['categories.description'],
    apply: async (api, fx, n) => {
      const description = `Description ${fx.stamp} edit ${n}.`
      await api.patch(`/categories/${fx.category.id}`, { description })
      return { category: description }
    },
  },
  {
    name: 'author name',
    covers: ['users.name'],
    apply: async (api, fx, n) => {
      const name = `Author ${fx.stamp} edit ${n}`
      await api.patch(`/users/${fx.author.id}`, { name })
      return { article: name }
    },
  },
  {
    name: 'media alt',
    covers: ['media.alt'],
    apply: async (api, fx, n) => {
      const alt = `Picture ${fx.stamp} edit ${n}`
      await api.patch(`/media/${fx.image.id}`, { alt })
      return { article: alt }
    },
  },
  {
    name: 'site',
    covers: ['site.siteName', 'site.tagline'],
    apply: async (api, fx, n) => {
      const tagline = `Tagline ${fx.stamp} edit ${n}`
      await api.saveGlobal('site', { tagline })
      return everywhere(tagline, ['article', 'related', 'home', 'blog', 'category', 'search'])
    },
  },
  {
    name: 'salary cell',
    covers: ['salary-tables.rows'],
    apply: async (api, fx, n) => {
      fx.base = BASE + 111 * n
      const rows = structuredClone(fx.table.rows)
      rows[0].base = fx.base
      const saved = await api.patch(`/salary-tables/${fx.table.id}`, { rows })
      const total = money(rows[0].base + rows[0].equity + rows[0].bonus)
      // The excerpt's number is bound to the figure: every card and the meta description follow it.
      return {
        ...everywhere(money(fx.base), ['article', ...LISTS]),
        article: total,
        sitemap: lastmod(fx, saved.updatedAt),
      }
    },
  },
  {
    name: 'article title',
    covers: ['articles.title'],
    apply: async (api, fx, n) => {
      const title = `Article ${fx.word} edit ${n}`
      const saved = await api.patch(`/articles/${fx.article.id}`, { title })
      return { ...everywhere(title, ['article', ...LISTS]), sitemap: lastmod(fx, saved.updatedAt) }
    },
  },
  {
    name: 'article excerpt',
    covers: ['articles.excerpt'],
    apply: async (api, fx, n) => {
      fx.excerptEdit = n
      const saved = await api.patch(`/articles/${fx.article.id}`, { excerpt: excerptOf(fx) })
      return { ...everywhere(excerptOf(fx), ['article', ...LISTS]), sitemap: lastmod(fx, saved.updatedAt) }
    },
    // Its number is bound to the salary cell: a later cell edit changes what every page shows.
    showsNow: (fx) => everywhere(excerptOf(fx), ['article', ...LISTS]),
  },
]

/**
 * Fetches each page until it shows what it must, or `timeoutMs` passes; resolves with, per page,
 * the milliseconds from `since` to the first fetch that showed it (null: not within the time).
 * @param {string} base @param {Record<string, string>} pages name → path
 * @param {Record<string, string>} expected name → text @param {{ since?: number, timeoutMs?: number }} [options]
 */
export async function whenShown(base, pages, expected, { since = performance.now(), timeoutMs = 10_000 } = {}) {
  const entries = await Promise.all(
    Object.entries(expected).map(async ([name, wanted]) => {
      const deadline = since + timeoutMs
      while (performance.now() < deadline) {
        try {
          const response = await fetch(base + pages[name], {
            headers: { 'accept-encoding': 'gzip' },
            signal: AbortSignal.timeout(Math.round(Math.max(1_000, deadline - performance.now()))),
          })
          // As a reader reads it: the search page marks the query's words (<mark>) inside the text.
          const body = (await response.text()).replace(/<\/?mark>/g, '')
          if (response.status === 200 && body.includes(wanted)) return [name, Math.round(performance.now() - since)]
        } catch {
          // timed out or refused: try again until the deadline
        }
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      return [name, null]
    }),
  )
  return Object.fromEntries(entries)
}
