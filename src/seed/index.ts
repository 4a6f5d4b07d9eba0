import type { Payload, RequestContext } from 'payload'

import { articles, categories, faqs, salaryTable } from './content'
import type { ArticleKey, CategoryKey, FaqKey, SeedRefs } from './content/types'
import { paragraph, richText } from './lexical'

export type SeedOptions = {
  adminEmail: string
  adminPassword: string
  adminName?: string
  log?: (message: string) => void
}

/** Seeding writes many documents outside a Next request: no cache exists yet to revalidate. */
const context: RequestContext = { disableRevalidate: true }

export async function isDatabaseEmpty(payload: Payload): Promise<boolean> {
  const [users, articleCount] = await Promise.all([
    payload.count({ collection: 'users', overrideAccess: true }),
    payload.count({ collection: 'articles', overrideAccess: true }),
  ])
  return users.totalDocs === 0 && articleCount.totalDocs === 0
}

async function findIdBy(
  payload: Payload,
  collection: 'categories' | 'articles' | 'faqs' | 'salary-tables',
  field: string,
  value: string,
) {
  const { docs } = await payload.find({
    collection,
    where: { [field]: { equals: value } },
    limit: 1,
    depth: 0,
    draft: true,
    overrideAccess: true,
    pagination: false,
  })
  return docs[0]?.id as string | undefined
}

/**
 * Creates the demo content of Valenx Press. Idempotent: each document is looked up by its natural
 * key (email, slug, title, question) and created only when missing, so a second run changes nothing
 * and never overwrites an editor's work.
 */
export async function seed(payload: Payload, options: SeedOptions): Promise<{ created: number }> {
  const log = options.log ?? ((message: string) => payload.logger.info(message))
  let created = 0

  const existingAdmin = await payload.find({
    collection: 'users',
    where: { email: { equals: options.adminEmail } },
    limit: 1,
    overrideAccess: true,
  })
  if (!existingAdmin.docs.length) {
    await payload.create({
      collection: 'users',
      data: {
        email: options.adminEmail,
        password: options.adminPassword,
        name: options.adminName ?? 'Valenx Admin',
        role: 'admin',
      },
      overrideAccess: true,
      context,
    })
    created++
    log(`Created admin user ${options.adminEmail}`)
  }

  const categoryIds = {} as Record<CategoryKey, string>
  for (const category of categories) {
    let id = await findIdBy(payload, 'categories', 'slug', category.slug)
    if (!id) {
      const doc = await payload.create({
        collection: 'categories',
        data: { title: category.title, slug: category.slug, description: category.description },
        overrideAccess: true,
        context,
      })
      id = doc.id
      created++
    }
    categoryIds[category.key] = id
  }

  let salaryTableId = await findIdBy(payload, 'salary-tables', 'title', salaryTable.title)
  if (!salaryTableId) {
    const doc = await payload.create({
      collection: 'salary-tables',
      data: { ...salaryTable, _status: 'published' },
      overrideAccess: true,
      context,
    })
    salaryTableId = doc.id
    created++
  }

  const faqIds = {} as Record<FaqKey, string>
  for (const faq of faqs) {
    let id = await findIdBy(payload, 'faqs', 'question', faq.question)
    if (!id) {
      const doc = await payload.create({
        collection: 'faqs',
        data: {
          question: faq.question,
          answer: faq.answer as never,
          note: faq.note ?? {},
          topics: faq.topics.map((key) => categoryIds[key]),
          _status: 'published',
        },
        overrideAccess: true,
        context,
      })
      id = doc.id
      created++
    }
    faqIds[faq.key] = id
  }

  // Articles link to each other, so they are created first with a placeholder body and then
  // given their content and related posts once every id is known.
  const articleIds = {} as Record<ArticleKey, string>
  const newArticles = new Set<ArticleKey>()
  for (const article of articles) {
    let id = await findIdBy(payload, 'articles', 'slug', article.slug)
    if (!id) {
      const doc = await payload.create({
        collection: 'articles',
        data: {
          title: article.title,
          slug: article.slug,
          excerpt: article.excerpt,
          category: categoryIds[article.category],
          content: richText(paragraph(article.excerpt)) as never,
          _status: 'draft',
        },
        draft: true,
        overrideAccess: true,
        context,
      })
      id = doc.id
      newArticles.add(article.key)
      created++
    }
    articleIds[article.key] = id
  }

  const refs: SeedRefs = { salaryTableId, faqIds, articleIds }
  const adminId = (
    await payload.find({
      collection: 'users',
      where: { email: { equals: options.adminEmail } },
      limit: 1,
      overrideAccess: true,
    })
  ).docs[0]?.id
  for (const article of articles) {
    if (!newArticles.has(article.key)) continue
    await payload.update({
      collection: 'articles',
      id: articleIds[article.key],
      data: {
        content: article.content(refs) as never,
        relatedPosts: article.related.map((key) => articleIds[key]),
        featured: article.featured,
        publishedAt: article.publishedAt,
        authors: adminId ? [adminId] : [],
        _status: 'published',
      },
      overrideAccess: true,
      context,
    })
  }
  log(created ? `Seeded ${created} demo documents.` : 'Demo content already present; nothing to seed.')
  return { created }
}
