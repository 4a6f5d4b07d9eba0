import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article } from '@payload-types'
import { paragraph, richText } from '@/seed/lexical'

import { ADMIN, createUser, SEED_SLUG, seedDemo } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'
import { apiClient, type RestResponse } from '../helpers/rest'

/**
 * Who may do what, executed for real: every cell below is one REST request made with that role's
 * token against the real database. `null` marks an operation the collection does not have.
 *
 * - readPublished: GET a published document by id (users: another user's profile, which signed-in
 *                  colleagues may read for the name only; media: the list)
 * - readDraft:     GET a never-published draft by id with ?draft=true
 * - create:        POST a new document (as a draft where the collection has drafts)
 * - publish:       POST a new document with _status 'published'
 * - update:        PATCH a draft (for articles, one that lists the author among its authors;
 *                  users: another user; site: the global)
 * - delete:        DELETE a document made for the purpose
 * - readVersions:  GET the collection's version history
 */

type Role = 'anonymous' | 'author' | 'editor' | 'admin'
const ROLES: Role[] = ['anonymous', 'author', 'editor', 'admin']
const OPERATIONS = ['readPublished', 'readDraft', 'create', 'publish', 'update', 'delete', 'readVersions'] as const
type Operation = (typeof OPERATIONS)[number]
type Row = Record<Operation, boolean | null>
type Target = 'articles' | 'salary-tables' | 'faqs' | 'categories' | 'media' | 'users' | 'site'

const row = (...cells: (boolean | null)[]): Row =>
  Object.fromEntries(OPERATIONS.map((operation, index) => [operation, cells[index]])) as Row

// prettier-ignore
const expected: Record<Target, Record<Role, Row>> = {
  //                           readPublished readDraft create publish update delete readVersions
  articles: {
    anonymous:      row(true,  false, false, false, false, false, false),
    author:         row(true,  true,  true,  false, true,  false, true),
    editor:         row(true,  true,  true,  true,  true,  true,  true),
    admin:          row(true,  true,  true,  true,  true,  true,  true),
  },
  'salary-tables': {
    anonymous:      row(true,  false, false, false, false, false, false),
    author:         row(true,  true,  false, false, false, false, false),
    editor:         row(true,  true,  true,  true,  true,  true,  true),
    admin:          row(true,  true,  true,  true,  true,  true,  true),
  },
  faqs: {
    anonymous:      row(true,  false, false, false, false, false, false),
    author:         row(true,  true,  false, false, false, false, false),
    editor:         row(true,  true,  true,  true,  true,  true,  true),
    admin:          row(true,  true,  true,  true,  true,  true,  true),
  },
  categories: {
    anonymous:      row(true,  null,  false, null,  false, false, null),
    author:         row(true,  null,  false, null,  false, false, null),
    editor:         row(true,  null,  true,  null,  true,  true,  null),
    admin:          row(true,  null,  true,  null,  true,  true,  null),
  },
  media: {
    anonymous:      row(true,  null,  null,  null,  null,  null,  null),
    author:         row(true,  null,  null,  null,  null,  null,  null),
    editor:         row(true,  null,  null,  null,  null,  null,  null),
    admin:          row(true,  null,  null,  null,  null,  null,  null),
  },
  users: {
    anonymous:      row(false, null,  false, null,  false, false, null),
    author:         row(true,  null,  false, null,  false, false, null),
    editor:         row(true,  null,  false, null,  false, false, null),
    admin:          row(true,  null,  true,  null,  true,  true,  null),
  },
  site: {
    anonymous:      row(true,  null,  null,  null,  false, null,  null),
    author:         row(true,  null,  null,  null,  false, null,  null),
    editor:         row(true,  null,  null,  null,  true,  null,  null),
    admin:          row(true,  null,  null,  null,  true,  null,  null),
  },
}

let payload: Payload
let api: ReturnType<typeof apiClient>
const tokens: Partial<Record<Role, string>> = {}
const ids: Record<string, { published?: string; draft?: string }> = {}
let authorId: string
let adminId: string
let categoryId: string
let serial = 0

const unique = (label: string) => `${label} ${++serial} ${Date.now()}`
const body = (text: string) => richText(paragraph(text))

/** Valid input for a new document of each collection. */
function input(collection: CollectionSlug): Record<string, unknown> {
  switch (collection) {
    case 'articles':
      return {
        title: unique('Matrix article'),
        excerpt: 'Access matrix.',
        category: categoryId,
        content: body('Access matrix.'),
      }
    case 'salary-tables':
      return {
        title: unique('Matrix table'),
        asOf: '2026-06-01',
        rows: [{ role: 'AI Engineer', tier: 'Matrix', base: 1, equity: 2, bonus: 3, source: 'Test' }],
      }
    case 'faqs':
      return { question: unique('Matrix question?'), answer: body('Matrix answer.') }
    case 'categories':
      return { title: unique('Matrix category') }
    case 'users': {
      const name = unique('matrix').replace(/\W+/g, '-')
      return { email: `${name}@test.valenx`, password: 'matrix-password-123', name, role: 'author' }
    }
    default:
      throw new Error(`no input for ${collection}`)
  }
}

const hasDrafts = (collection: CollectionSlug) => ['articles', 'salary-tables', 'faqs'].includes(collection)

async function makeDoc(collection: CollectionSlug, status?: 'draft' | 'published'): Promise<string> {
  const data = {
    ...input(collection),
    ...(status ? { _status: status } : {}),
    ...(collection === 'articles' ? { authors: [authorId] } : {}),
  }
  const doc = await payload.create({
    collection,
    data: data as never,
    draft: status === 'draft',
    overrideAccess: true,
    depth: 0,
  })
  return String(doc.id)
}

const allowed = (response: RestResponse, status: number) => response.status === status
/** A refusal never leaks the document: 403, or 404 where a read is narrowed to what the role may see. */
function expectRefusal(response: RestResponse, operation: Operation) {
  if (operation.startsWith('read')) expect([403, 404]).toContain(response.status)
  else expect(response.status).toBe(403)
}

async function attempt(
  target: Target,
  operation: Operation,
  token: string | undefined,
): Promise<{ ok: boolean; response: RestResponse; check?: () => Promise<void> }> {
  if (target === 'site') {
    if (operation === 'readPublished') {
      const response = await api.rest('GET', '/globals/site', { token })
      return { ok: allowed(response, 200) && Boolean(response.body.siteName), response }
    }
    const tagline = unique('Matrix tagline')
    const response = await api.rest('POST', '/globals/site', { token, body: { tagline } })
    const check = async () => expect((await payload.findGlobal({ slug: 'site' })).tagline).not.toBe(tagline)
    return { ok: allowed(response, 200), response, check }
  }

  const collection = target
  const fixture = ids[collection] ?? {}
  const draftQuery = hasDrafts(collection) ? '?draft=true' : ''
  switch (operation) {
    case 'readPublished': {
      if (collection === 'media') {
        const response = await api.rest('GET', '/media?limit=1', { token })
        return { ok: allowed(response, 200) && Array.isArray(response.body.docs), response }
      }
      const id = collection === 'users' ? adminId : fixture.published
      const response = await api.rest('GET', `/${collection}/${id}`, { token })
      return { ok: allowed(response, 200) && response.body.id === id, response }
    }
    case 'readDraft': {
      const response = await api.rest('GET', `/${collection}/${fixture.draft}?draft=true`, { token })
      return { ok: allowed(response, 200) && response.body.id === fixture.draft, response }
    }
    case 'create':
    case 'publish': {
      const data = {
        ...input(collection),
        ...(hasDrafts(collection) ? { _status: operation === 'publish' ? 'published' : 'draft' } : {}),
      }
      const before = (await payload.count({ collection, overrideAccess: true })).totalDocs
      const response = await api.rest('POST', `/${collection}${operation === 'create' ? draftQuery : ''}`, {
        token,
        body: data,
      })
      const check = async () =>
        expect((await payload.count({ collection, overrideAccess: true })).totalDocs).toBe(before)
      return { ok: allowed(response, 201), response, check }
    }
    case 'update': {
      const id = collection === 'users' ? adminId : (fixture.draft ?? fixture.published)
      const field = {
        articles: 'title',
        'salary-tables': 'title',
        faqs: 'question',
        categories: 'description',
        users: 'name',
      }[collection as string] as string
      const value = unique('Changed')
      const response = await api.rest('PATCH', `/${collection}/${id}${draftQuery}`, { token, body: { [field]: value } })
      const check = async () => {
        const doc = await payload.findByID({
          collection,
          id: id as string,
          draft: true,
          overrideAccess: true,
          depth: 0,
        })
        expect((doc as unknown as Record<string, unknown>)[field]).not.toBe(value)
      }
      return { ok: allowed(response, 200), response, check }
    }
    case 'delete': {
      const id = await makeDoc(collection, hasDrafts(collection) ? 'draft' : undefined)
      const response = await api.rest('DELETE', `/${collection}/${id}`, { token })
      const check = async () =>
        expect(
          (await payload.count({ collection, where: { id: { equals: id } }, overrideAccess: true })).totalDocs,
        ).toBe(1)
      return { ok: allowed(response, 200), response, check }
    }
    case 'readVersions': {
      const response = await api.rest('GET', `/${collection}/versions?limit=5`, { token })
      return { ok: allowed(response, 200) && response.body.totalDocs > 0, response }
    }
  }
}

beforeAll(async () => {
  const context = await bootPayload()
  payload = context.payload
  api = apiClient(context.config)
  await seedDemo(payload)

  const author = await createUser(payload, 'author')
  const editor = await createUser(payload, 'editor')
  authorId = String(author.user.id)
  tokens.author = await api.login(author.email, author.password)
  tokens.editor = await api.login(editor.email, editor.password)
  tokens.admin = await api.login(ADMIN.email, ADMIN.password)
  adminId = String((await payload.find({ collection: 'users', where: { email: { equals: ADMIN.email } } })).docs[0].id)

  const [category] = (await payload.find({ collection: 'categories', limit: 1 })).docs
  categoryId = String(category.id)
  for (const collection of ['articles', 'salary-tables', 'faqs'] as const) {
    const [published] = (
      await payload.find({ collection, where: { _status: { equals: 'published' } }, limit: 1, depth: 0 })
    ).docs
    ids[collection] = { published: String(published.id), draft: await makeDoc(collection, 'draft') }
  }
  ids.categories = { published: categoryId }
})

afterAll(async () => {
  await shutdown(payload)
})

describe('access matrix (REST, real database)', () => {
  for (const [target, byRole] of Object.entries(expected) as [Target, Record<Role, Row>][]) {
    describe(target, () => {
      for (const role of ROLES) {
        const cells = OPERATIONS.filter((operation) => byRole[role][operation] !== null)
        it(`${role}: ${cells.map((operation) => `${operation} ${byRole[role][operation] ? '✓' : '✗'}`).join(', ')}`, async () => {
          for (const operation of cells) {
            const want = byRole[role][operation] as boolean
            const { ok, response, check } = await attempt(target, operation, tokens[role])
            expect(
              ok,
              `${role} ${operation} ${target}: HTTP ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`,
            ).toBe(want)
            if (!want) {
              expectRefusal(response, operation)
              await check?.()
            }
          }
        })
      }
    })
  }

  it('lets every signed-in user read and edit their own profile, but not their role', async () => {
    const response = await api.rest('PATCH', `/users/${authorId}`, {
      token: tokens.author,
      body: { name: 'Renamed author', role: 'admin' },
    })
    expect(response.status).toBe(200)
    const stored = await payload.findByID({ collection: 'users', id: authorId, overrideAccess: true })
    expect(stored.name).toBe('Renamed author')
    expect(stored.role).toBe('author')
    expect((await api.rest('GET', `/users/${authorId}`, { token: tokens.author })).status).toBe(200)
  })

  it("shows colleagues each other's names, never their emails or roles; anonymous clients no user at all", async () => {
    for (const role of ['author', 'editor'] as const) {
      const other = await api.rest('GET', `/users/${adminId}`, { token: tokens[role] })
      expect(other.status, role).toBe(200)
      expect(typeof other.body.name, role).toBe('string')
      expect(other.body, role).not.toHaveProperty('email')
      expect(other.body, role).not.toHaveProperty('role')
      const list = await api.rest('GET', '/users?limit=100', { token: tokens[role] })
      expect(list.status, role).toBe(200)
      expect(list.body.docs.length, role).toBeGreaterThan(1)
      expect(
        list.body.docs.map((doc: { id: string }) => doc.id),
        role,
      ).toContain(adminId)
      const me = (await api.rest('GET', '/users/me', { token: tokens[role] })).body.user.id as string
      const others = list.body.docs.filter((doc: { id: string }) => doc.id !== me)
      expect(
        others.every((doc: object) => !('email' in doc) && !('role' in doc)),
        role,
      ).toBe(true)
      // Nor can they find someone by email or role.
      expect(
        (
          await api.rest('GET', `/users?where[email][equals]=${encodeURIComponent(ADMIN.email)}`, {
            token: tokens[role],
          })
        ).body.docs?.length ?? 0,
        role,
      ).toBe(0)
      const gql = await api.gql<{ Users: { docs: { name: string; email: string | null; role: string | null }[] } }>(
        '{ Users(limit: 100) { docs { name email role } } }',
        { token: tokens[role] },
      )
      expect(JSON.stringify(gql.body), role).not.toContain(ADMIN.email)
    }
    const own = await api.rest('GET', `/users/${authorId}`, { token: tokens.author })
    expect(own.body).toMatchObject({ email: expect.stringContaining('@'), role: 'author' })
    const admin = await api.rest('GET', `/users/${authorId}`, { token: tokens.admin })
    expect(admin.body).toMatchObject({ email: expect.stringContaining('@'), role: 'author' })
    expect((await api.rest('GET', `/users/${adminId}`)).status).toBe(403)
    expect((await api.rest('GET', '/users')).status).toBe(403)
  })
})

describe('GraphQL for anonymous clients', () => {
  it('shows no drafts, no versions and no users', async () => {
    const draftId = ids.articles.draft as string
    const list = await api.gql<{ Articles: { docs: { id: string }[] } }>(
      '{ Articles(draft: true, limit: 200) { docs { id } } }',
    )
    expect(list.body.data?.Articles.docs.map((doc) => doc.id)).not.toContain(draftId)
    expect(list.body.data?.Articles.docs.length).toBeGreaterThan(0)

    const single = await api.gql<{ Article: { id: string } | null }>(
      `{ Article(id: "${draftId}", draft: true) { id title } }`,
    )
    expect(single.body.data?.Article ?? null).toBeNull()
    expect(JSON.stringify(single.body)).not.toContain('Matrix article')

    const tables = await api.gql<{ SalaryTables: { docs: { id: string }[] } }>(
      '{ SalaryTables(draft: true) { docs { id } } }',
    )
    expect(tables.body.data?.SalaryTables.docs.map((doc) => doc.id)).not.toContain(ids['salary-tables'].draft)

    const users = await api.gql('{ Users { docs { id email } } }')
    expect(users.body.errors?.length).toBeGreaterThan(0)
    expect(JSON.stringify(users.body)).not.toContain('@test.valenx')

    const versions = await api.gql('{ versionsArticles { docs { id } } }')
    expect(versions.body.errors?.length).toBeGreaterThan(0)
  })

  it('shows drafts to a signed-in author (the refusals above are about the missing token)', async () => {
    const draftId = ids.articles.draft as string
    const single = await api.gql<{ Article: { id: string } | null }>(
      `{ Article(id: "${draftId}", draft: true) { id } }`,
      { token: tokens.author },
    )
    expect(single.body.data?.Article?.id).toBe(draftId)
  })
})

describe('authors write drafts and never publish', () => {
  const publicStatus = async (id: string) => (await api.rest('GET', `/articles/${id}`)).status

  it('creates a draft, edits it, and is refused publishing with a clear message', async () => {
    const created = await api.rest('POST', '/articles?draft=true', {
      token: tokens.author,
      body: { ...input('articles'), _status: 'draft' },
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id as string
    expect(
      created.body.doc.authors.map((author: { id: string } | string) =>
        typeof author === 'string' ? author : author.id,
      ),
    ).toEqual([authorId])

    expect(
      (
        await api.rest('PATCH', `/articles/${id}?draft=true`, {
          token: tokens.author,
          body: { title: 'Own draft, edited' },
        })
      ).status,
    ).toBe(200)
    // Without ?draft=true the write goes to the document itself, which is fine while it is a draft.
    expect(
      (await api.rest('PATCH', `/articles/${id}`, { token: tokens.author, body: { excerpt: 'Still a draft.' } }))
        .status,
    ).toBe(200)

    for (const [method, path] of [
      ['PATCH', `/articles/${id}`],
      ['PATCH', `/articles/${id}?draft=true`],
    ] as const) {
      const publish = await api.rest(method, path, { token: tokens.author, body: { _status: 'published' } })
      expect(publish.status, path).toBe(403)
      expect(publish.body.errors[0].message).toMatch(/Authors cannot publish/)
    }
    const direct = await api.rest('POST', '/articles', {
      token: tokens.author,
      body: { ...input('articles'), _status: 'published' },
    })
    expect(direct.status).toBe(403)
    expect(direct.body.errors[0].message).toMatch(/Authors cannot publish/)

    const stored = await payload.findByID({ collection: 'articles', id, overrideAccess: true, depth: 0 })
    expect(stored._status).toBe('draft')
    expect(stored.title).toBe('Own draft, edited')
    expect(await publicStatus(id)).toBe(404)
  })

  it("cannot edit someone else's article or any salary table", async () => {
    const seed = (await payload.find({ collection: 'articles', where: { slug: { equals: SEED_SLUG } }, depth: 0 }))
      .docs[0]
    for (const path of [`/articles/${seed.id}?draft=true`, `/articles/${seed.id}`]) {
      const response = await api.rest('PATCH', path, { token: tokens.author, body: { title: 'Hijacked' } })
      expect(response.status, path).toBe(403)
    }
    const [table] = (await payload.find({ collection: 'salary-tables', limit: 1, depth: 0 })).docs
    for (const path of [`/salary-tables/${table.id}?draft=true`, `/salary-tables/${table.id}`]) {
      const response = await api.rest('PATCH', path, {
        token: tokens.author,
        body: { rows: [{ ...table.rows[0], base: 1 }] },
      })
      expect(response.status, path).toBe(403)
    }
    expect((await payload.findByID({ collection: 'articles', id: seed.id, depth: 0, draft: true })).title).toBe(
      seed.title,
    )
    expect(
      (await payload.findByID({ collection: 'salary-tables', id: table.id, depth: 0, draft: true })).rows[0].base,
    ).toBe(table.rows[0].base)
  })

  it('cannot unpublish or change a published article they co-author, but can propose a draft of it', async () => {
    const article = (
      await payload.find({ collection: 'articles', where: { slug: { equals: 'ml-engineer-career-path' } }, depth: 0 })
    ).docs[0] as Article
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { authors: [authorId] },
      overrideAccess: true,
      context: { disableRevalidate: true },
    })

    const unpublish = await api.rest('PATCH', `/articles/${article.id}`, {
      token: tokens.author,
      body: { _status: 'draft' },
    })
    expect(unpublish.status).toBe(403)
    expect(unpublish.body.errors[0].message).toMatch(/cannot change or unpublish a published article/)

    const liveEdit = await api.rest('PATCH', `/articles/${article.id}`, {
      token: tokens.author,
      body: { title: 'Edited live by an author' },
    })
    expect(liveEdit.status).toBe(403)

    const bulk = await api.rest('PATCH', `/articles?where[id][equals]=${article.id}`, {
      token: tokens.author,
      body: { _status: 'draft' },
    })
    expect(bulk.status).toBe(403)

    const graphql = await api.gql(
      `mutation { updateArticle(id: "${article.id}", data: { _status: draft }) { id _status } }`,
      { token: tokens.author },
    )
    expect(graphql.body.errors?.[0]?.message).toMatch(/cannot change or unpublish/)

    const proposal = await api.rest('PATCH', `/articles/${article.id}?draft=true`, {
      token: tokens.author,
      body: { title: 'A better title, proposed' },
    })
    expect(proposal.status).toBe(200)

    const live = await api.rest<Article>('GET', `/articles/${article.id}`)
    expect(live.status).toBe(200)
    expect(live.body._status).toBe('published')
    expect(live.body.title).toBe(article.title)

    // An editor may unpublish it.
    expect(
      (await api.rest('PATCH', `/articles/${article.id}`, { token: tokens.editor, body: { _status: 'draft' } })).status,
    ).toBe(200)
    expect(await publicStatus(article.id)).toBe(404)
  })
})
