import fc from 'fast-check'
import type { CollectionSlug, Field, Payload, PayloadRequest, Tab } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEFAULT_MAX_ROWS } from '@/input/shape'
import { block, bullets, figure, heading, link, paragraph, richText } from '@/seed/lexical'

import { bootDemo } from '../helpers/demo'
import { createUser } from '../helpers/fixtures'
import { shutdown } from '../helpers/payload'
import { apiClient, type RestResponse } from '../helpers/rest'

/**
 * Wrongly shaped bodies generated from the configs themselves. For every collection and global the
 * running config holds, every data field is found by walking its own field config (groups, tabs,
 * rows, array rows, blocks, and the fields of the links and blocks inside rich text, through the
 * editor's own features), and fast-check puts a value of the wrong shape for that field's type at
 * that place in an otherwise stored document. Whatever it picks, the answer must be a 400 whose
 * field errors name that place, and the document, its versions and its anonymous view must be
 * exactly as before. A field added tomorrow is covered by this test without a line changed here.
 *
 * Seeded and bounded: FC_SEED=<n> replays a failure, FC_RUNS raises the count.
 */

const SEED = Number(process.env.FC_SEED ?? 20_261_201)
const RUNS = Number(process.env.FC_RUNS ?? 40)

let payload: Payload
let api: ReturnType<typeof apiClient>
let token: string
const sent: Record<string, number> = {}

type Data = Record<string, unknown>
type Path = (string | number)[]
type Site = { path: Path; field: Field | (Tab & { type: 'group' }) }

const isPlainObject = (value: unknown): value is Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/* ---------------------------------------------------------------- the sites, from the config ------- */

type SubFields = Map<string, (args: { node: unknown; req: PayloadRequest }) => Field[] | null | undefined>
const subFieldsOf = (field: Field): SubFields | undefined =>
  (field as { editor?: { editorConfig?: { features?: { getSubFields?: SubFields } } } }).editor?.editorConfig?.features
    ?.getSubFields

/** Every place in `value` where a field of `fields` stores data, with that field's config. */
function sitesOf(fields: (Field | Tab)[], value: Data, prefix: Path, out: Site[]): Site[] {
  for (const field of fields) {
    const name = 'name' in field && typeof field.name === 'string' && field.name ? field.name : undefined
    if (!('type' in field) || field.type === 'group') {
      const inner = (field as { fields: Field[] }).fields
      if (!name) sitesOf(inner, value, prefix, out)
      else {
        out.push({ path: [...prefix, name], field: { ...field, type: 'group' } as Site['field'] })
        if (isPlainObject(value?.[name])) sitesOf(inner, value[name] as Data, [...prefix, name], out)
      }
      continue
    }
    if (field.type === 'tabs') sitesOf(field.tabs, value, prefix, out)
    else if (!name) sitesOf((field as { fields?: Field[] }).fields ?? [], value, prefix, out)
    else if (field.type === 'join' || field.type === 'ui' || ('virtual' in field && field.virtual)) continue
    else {
      const path = [...prefix, name]
      out.push({ path, field })
      const stored = value?.[name]
      if (field.type === 'array' && Array.isArray(stored) && isPlainObject(stored[0]))
        sitesOf(field.fields, stored[0], [...path, 0], out)
      if (field.type === 'blocks' && Array.isArray(stored) && isPlainObject(stored[0])) {
        const chosen = field.blocks.find((candidate) => candidate.slug === (stored[0] as Data).blockType)
        if (chosen) sitesOf(chosen.fields, stored[0], [...path, 0], out)
      }
      if (field.type === 'richText' && isPlainObject(stored)) richTextSites(field, stored, path, out)
    }
  }
  return out
}

/** The fields of every link and block node in a stored rich text value, as the editor's features declare them. */
function richTextSites(field: Field, value: Data, path: Path, out: Site[]) {
  const subFields = subFieldsOf(field)
  if (!subFields) return
  const stack: [unknown, Path][] = [[value.root, [...path, 'root']]]
  while (stack.length) {
    const [node, nodePath] = stack.pop() as [Data, Path]
    if (!isPlainObject(node)) continue
    const type = String(node.type)
    const fn = subFields.get(type === 'autolink' ? 'link' : type)
    const fields = fn?.({ node, req: { payload } as PayloadRequest })
    if (fields?.length && isPlainObject(node.fields)) sitesOf(fields, node.fields, [...nodePath, 'fields'], out)
    if (Array.isArray(node.children))
      node.children.forEach((child, index) => stack.push([child, [...nodePath, 'children', index]]))
  }
}

/* ---------------------------------------------------------------- wrong shapes, by field type ------ */

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000'

function tooMany(field: Field, item: unknown) {
  const max = (field as { maxRows?: number }).maxRows ?? DEFAULT_MAX_ROWS
  return Array.from({ length: max + 1 }, () => structuredClone(item))
}

/** Values of the wrong shape for `field`, each one the shape check must refuse. */
function wrongFor(field: Site['field']): fc.Arbitrary<unknown> {
  const hasMany = 'hasMany' in field && field.hasMany === true
  const notText = fc.oneof(fc.integer(), fc.boolean(), fc.constant({ a: 1 }), fc.array(fc.string(), { minLength: 1 }))
  const maxLength = (field as { maxLength?: number }).maxLength
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
      if (hasMany) return fc.oneof(fc.string(), fc.constant([null]), fc.constant([5]), fc.constant(tooMany(field, 'x')))
      return maxLength === undefined ? notText : fc.oneof(notText, fc.constant('x'.repeat(maxLength + 1)))
    case 'number':
      return hasMany
        ? fc.oneof(fc.integer(), fc.constant(['1']), fc.constant([null]))
        : fc.oneof(fc.constantFrom('12', ''), fc.boolean(), fc.constant({}), fc.constant([1]))
    case 'checkbox':
      return fc.oneof(fc.constantFrom('true', 'false', ''), fc.integer(), fc.constant({}))
    case 'date':
      return fc.oneof(
        fc.constantFrom('not a date', '2026-13-45', 'x'.repeat(80)),
        fc.integer(),
        fc.constant({}),
        fc.boolean(),
      )
    case 'select':
    case 'radio': {
      const options = field.options.map((option) => (typeof option === 'string' ? option : option.value))
      const notAnOption = fc.string({ minLength: 1 }).filter((value) => !options.includes(value))
      return hasMany
        ? fc.oneof(
            notAnOption,
            notAnOption.map((value) => [value]),
          )
        : fc.oneof(notAnOption, fc.integer(), fc.constant({ value: options[0] }))
    }
    case 'relationship':
    case 'upload': {
      const targets = Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo]
      const one = Array.isArray(field.relationTo)
        ? fc.oneof(
            fc.constant(UNKNOWN_ID),
            fc.constant({ relationTo: 'no-such-collection', value: UNKNOWN_ID }),
            fc.constant({ relationTo: targets[0], value: true }),
            fc.constant({ relationTo: targets[0], value: UNKNOWN_ID }),
          )
        : fc.oneof(fc.boolean(), fc.constant({ foo: 1 }), fc.constant([[1]]), fc.constant(UNKNOWN_ID))
      return hasMany
        ? fc.oneof(
            fc.constant('not-a-list'),
            fc.constant([null]),
            fc.constant([true]),
            one.map((v) => [v]),
          )
        : one
    }
    case 'richText':
      return fc.oneof(
        fc.constantFrom('<p>html</p>', [], { root: 5 }, { root: { type: 'paragraph', children: [] } }),
        fc.constant({ root: { type: 'root', children: [null] } }),
        fc.string({ minLength: 1, maxLength: 12 }).map((type) => ({
          root: { type: 'root', children: [{ type: `x-${type}`, version: 1, children: [] }] },
        })),
      )
    case 'group':
      return fc.oneof(fc.integer(), fc.string(), fc.constant([]), fc.boolean())
    case 'array':
    case 'blocks':
      return fc.oneof(
        fc.integer({ min: 1 }),
        fc.string(),
        fc.constant({ 0: {} }),
        fc.constant([null]),
        fc.constant([5]),
        fc.constant(['row']),
        fc.constant(tooMany(field, field.type === 'blocks' ? { blockType: field.blocks[0]?.slug } : {})),
        ...(field.type === 'blocks' ? [fc.constant([{ blockType: 'no-such-block' }])] : []),
      )
    case 'point':
      return fc.constantFrom([181, 0], [0, 91], 'x', [1])
    case 'json':
      return fc.constant(JSON.parse('{"a":'.repeat(60) + '1' + '}'.repeat(60)))
    default:
      throw new Error(`No wrong shapes for a ${field.type} field: add them here.`)
  }
}

/** Nodes no rich text editor here takes, each with where its refusal is reported. */
const badNodes: [unknown, string][] = [
  [null, ''],
  [{ type: 'mystery', version: 1 }, ''],
  [{ type: 'text', text: 5, version: 1 }, ''],
  [{ type: 'heading', tag: 'h9', children: [], version: 1 }, ''],
  [{ type: 'list', listType: 'zigzag', tag: 'ul', children: [], version: 1 }, ''],
  [{ type: 'paragraph', children: 'text', version: 1 }, ''],
  [
    { type: 'link', fields: { linkType: 'custom', url: '//evil.test', newTab: false }, children: [], version: 3 },
    '.fields.url',
  ],
  [{ type: 'block', fields: { blockType: 'no-such-block' }, version: 2 }, '.fields'],
]

/* ---------------------------------------------------------------- fixtures --------------------------- */

type Target = { slug: string; global?: boolean; id?: string; skip?: Set<string> }
const targets: Target[] = []

beforeAll(async () => {
  ;({ payload, api, adminToken: token } = await bootDemo())
  const first = async (collection: CollectionSlug) =>
    String((await payload.find({ collection, limit: 1, depth: 0, sort: 'createdAt' })).docs[0].id)
  const [category, table, faq, seedArticle] = await Promise.all(
    (['categories', 'salary-tables', 'faqs', 'articles'] as const).map(first),
  )
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#345678' } })
    .png()
    .toBuffer()
  const media = await payload.create({
    collection: 'media',
    data: { alt: 'Shapes', caption: 'A caption' },
    file: { data: png, mimetype: 'image/png', name: 'shapes.png', size: png.length },
  })
  const { user } = await createUser(payload, 'editor', 'shapes-editor@test.valenx')
  const admin = (await payload.find({ collection: 'users', where: { role: { equals: 'admin' } }, limit: 1 })).docs[0]
  const content = richText(
    heading('h2', 'A heading'),
    paragraph(
      'Text with ',
      link('https://example.com/', 'a link'),
      ' and ',
      figure({
        source: 'salaryCell',
        table,
        role: 'AI Engineer',
        tier: 'FAANG+ (L5-L7)',
        column: 'total',
        format: 'currency',
      }),
      '.',
    ),
    bullets('one', 'two'),
    block('salaryTable', { table, caption: 'Pay', showChart: true }),
    block('dataTable', {
      caption: 'Demand',
      columns: [
        { label: 'Role', type: 'text' },
        { label: 'Jobs', type: 'number', source: 'LinkedIn' },
      ],
      rows: [{ cells: [{ value: 'AI Engineer' }, { value: '100' }] }],
      currency: 'USD',
    }),
    block('callout', {
      label: 'Note',
      content: richText(paragraph('Inside ', link('https://example.org/', 'a callout'))),
    }),
    block('faqList', { faqs: [faq] }),
    block('recommendedReading', { label: 'Read', linkType: 'external', url: 'https://example.net/', title: 'More' }),
  )
  const article = await payload.create({
    collection: 'articles',
    data: {
      title: 'Every field has a shape',
      excerpt: 'The fixture of the shape properties.',
      category,
      content,
      heroImage: media.id,
      relatedPosts: [seedArticle],
      authors: [admin.id],
      hiddenChanges: ['a-key'],
      previousSlugs: [{ slug: 'an-old-address' }],
      meta: { title: 'Meta title', description: 'Meta description', image: media.id },
      _status: 'published',
    } as never,
  })
  const search = (await payload.find({ collection: 'search', where: { 'doc.value': { equals: article.id } } })).docs[0]
  await payload.updateGlobal({
    slug: 'site',
    data: { navigation: [{ label: 'Blog', href: '/blog' }], footerLinks: [{ label: 'Feed', href: '/feed.xml' }] },
  })
  const ids: Record<string, string> = {
    articles: String(article.id),
    'salary-tables': table,
    faqs: faq,
    categories: category,
    media: String(media.id),
    users: String(user.id),
    search: String(search.id),
  }
  for (const collection of payload.config.collections) {
    if (collection.slug.startsWith('payload-')) continue
    if (!ids[collection.slug]) throw new Error(`No fixture for the collection “${collection.slug}”: add one above.`)
    // Payload drops these before any hook sees them: the stored file's own identity, never taken from a client.
    const skip = collection.upload ? new Set(['filename', 'sizes', 'url', 'prefix', '_objectKey']) : undefined
    targets.push({ slug: collection.slug, id: ids[collection.slug], skip })
  }
  for (const global of payload.config.globals) targets.push({ slug: global.slug, global: true })
})

afterAll(async () => {
  console.log(`input-shapes.test.ts: wrongly shaped bodies sent per target (seed ${SEED}): ${JSON.stringify(sent)}`)
  await shutdown(payload)
})

/* ---------------------------------------------------------------- the property ---------------------- */

async function stored(target: Target): Promise<Data> {
  if (target.global) return (await payload.findGlobal({ slug: target.slug as 'site', depth: 0 })) as unknown as Data
  return (await payload.findByID({
    collection: target.slug as CollectionSlug,
    id: target.id as string,
    depth: 0,
    draft: true,
    overrideAccess: true,
  })) as unknown as Data
}

async function snapshot(target: Target) {
  const anonymous = await api.rest(
    'GET',
    target.global ? `/globals/${target.slug}?depth=0` : `/${target.slug}/${target.id}?depth=0`,
  )
  const versioned = payload.config.collections.find((collection) => collection.slug === target.slug)?.versions
  const versions = !versioned
    ? 0
    : (
        await payload.countVersions({
          collection: target.slug as CollectionSlug,
          where: { parent: { equals: target.id } },
        })
      ).totalDocs
  const live = target.global
    ? null
    : await payload.findByID({
        collection: target.slug as CollectionSlug,
        id: target.id as string,
        depth: 0,
        overrideAccess: true,
      })
  return { latest: await stored(target), live, versions, anonymous: [anonymous.status, anonymous.body] }
}

function setAt(container: unknown, path: Path, value: unknown) {
  let node = container as Data
  for (const key of path.slice(0, -1)) node = node[key] as Data
  node[path.at(-1) as string] = value
}

function expectRefusedAt(response: RestResponse, where: string, body: unknown) {
  const shown = JSON.stringify(body).slice(0, 300)
  expect(response.status, `${shown} → ${JSON.stringify(response.body).slice(0, 400)}`).toBe(400)
  const paths: string[] = (response.body?.errors?.[0]?.data?.errors ?? []).map((error: { path: string }) => error.path)
  expect(
    paths.some((path) => path === where || path.startsWith(`${where}.`)),
    `${shown}: expected an error at ${where}, got ${paths.join(', ')}`,
  ).toBe(true)
}

describe('every field of every collection and global refuses values of the wrong shape', () => {
  it('finds fixtures and fields for every collection and global of the config', async () => {
    expect(targets.map((target) => target.slug)).toEqual(
      expect.arrayContaining(['articles', 'site', 'search', 'media']),
    )
    for (const target of targets)
      expect(sitesOf(fieldsOf(target), await stored(target), [], []).length).toBeGreaterThan(1)
  })

  const fieldsOf = (target: Target) =>
    target.global
      ? payload.config.globals.find((global) => global.slug === target.slug)!.fields
      : payload.config.collections.find((collection) => collection.slug === target.slug)!.fields

  it.each(['articles', 'salary-tables', 'faqs', 'categories', 'media', 'users', 'search', 'site'])(
    '%s: a wrong shape anywhere is a 400 naming the place, and nothing changes',
    async (slug) => {
      const target = targets.find((candidate) => candidate.slug === slug)
      expect(target, `${slug} is in the config`).toBeDefined()
      const document = await stored(target as Target)
      const sites = sitesOf(fieldsOf(target as Target), document, [], []).filter(
        (site) => !(target as Target).skip?.has(String(site.path[0])),
      )
      const sample = fc
        .constantFrom(...sites)
        .chain((site) => fc.tuple(fc.constant(site), wrongFor(site.field), fc.boolean(), fc.boolean()))
      await fc.assert(
        fc.asyncProperty(sample, async ([site, wrong, asDraft, create]) => {
          const [top, ...rest] = site.path as [string, ...Path]
          const body: Data = { [top]: rest.length ? structuredClone(document[top]) : wrong }
          if (rest.length) setAt(body[top], rest, wrong)
          const before = await snapshot(target as Target)
          sent[slug] = (sent[slug] ?? 0) + 1
          const response = target!.global
            ? await api.rest('POST', `/globals/${slug}`, { token, body })
            : create
              ? await api.rest('POST', `/${slug}`, { token, body })
              : await api.rest('PATCH', `/${slug}/${target!.id}${asDraft ? '?draft=true' : ''}`, { token, body })
          expectRefusedAt(response, site.path.join('.'), body)
          expect(await snapshot(target as Target)).toEqual(before)
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      )
    },
  )

  it('articles: a bad node anywhere in any rich text is refused at that node', async () => {
    const target = targets.find((candidate) => candidate.slug === 'articles') as Target
    const document = await stored(target)
    // Every element node of every rich text value the article stores (its body, and callouts' text).
    const parents: Path[] = []
    const stack: [unknown, Path][] = [[(document.content as Data).root, ['content', 'root']]]
    while (stack.length) {
      const [node, path] = stack.pop() as [Data, Path]
      if (!isPlainObject(node)) continue
      if (Array.isArray(node.children)) {
        parents.push(path)
        node.children.forEach((child, index) => stack.push([child, [...path, 'children', index]]))
      }
      if (isPlainObject(node.fields))
        for (const [key, value] of Object.entries(node.fields))
          if (isPlainObject(value) && isPlainObject(value.root))
            stack.push([value.root, [...path, 'fields', key, 'root']])
    }
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...parents),
        fc.constantFrom(...badNodes),
        fc.boolean(),
        async (parent, [node, suffix], asDraft) => {
          const content = structuredClone(document.content) as Data
          let element = content as unknown as Data
          for (const key of parent.slice(1)) element = element[key] as Data
          const children = element.children as unknown[]
          children.push(structuredClone(node))
          const before = await snapshot(target)
          sent['articles rich text'] = (sent['articles rich text'] ?? 0) + 1
          const response = await api.rest('PATCH', `/articles/${target.id}${asDraft ? '?draft=true' : ''}`, {
            token,
            body: { content },
          })
          expectRefusedAt(response, `${[...parent, 'children', children.length - 1].join('.')}${suffix}`, node)
          expect(await snapshot(target)).toEqual(before)
        },
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    )
  })
})
