/**
 * Structured data for the article page, as plain objects built from the article as a reader reads
 * it (depth 2: category, FAQs and salary tables populated). Pure functions, so tests can check
 * exactly what search engines get; `JsonLd` renders them.
 */
import type { Article, Faq, SalaryTable } from '@payload-types'
import { contentModifiedAt } from '@/lib/articleDates'
import { formatDate } from '@/lib/format'
import { blocksOf, plainText, type LexicalRoot } from '@/lib/lexical'
import { articlePath, blogPath, categoryPath, homePath } from '@/lib/paths'
import { PAY_PARTS, rowTotal, type PayColumn } from '@/salary-tables/model'

import { articleImage } from './articleImage'
import { absoluteUrl, SITE_NAME } from './site'

export type JsonLdObject = { '@context': 'https://schema.org'; '@type': string; [key: string]: unknown }

type Options = { authorNames?: string[] }

const CONTEXT = 'https://schema.org' as const

function publisher() {
  return { '@type': 'Organization', name: SITE_NAME, url: absoluteUrl(homePath()) }
}

function categoryOf(article: Pick<Article, 'category'>) {
  return article.category && typeof article.category === 'object' ? article.category : null
}

export function articleJsonLd(article: Article, { authorNames = [] }: Options = {}): JsonLdObject {
  const url = absoluteUrl(articlePath(article.slug as string))
  const image = articleImage(article)
  const category = categoryOf(article)
  return {
    '@context': CONTEXT,
    '@type': 'Article',
    headline: article.title,
    description: article.meta?.description || article.excerpt,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    ...(article.publishedAt ? { datePublished: article.publishedAt } : {}),
    // Moves when a salary table it shows is edited, not only when the article is.
    dateModified: contentModifiedAt(article),
    // Without a named person the publisher is the author, as on the page itself.
    author: authorNames.length ? authorNames.map((name) => ({ '@type': 'Person', name })) : [publisher()],
    publisher: publisher(),
    ...(category ? { articleSection: category.title } : {}),
    ...(image ? { image: [image.url] } : {}),
  }
}

/** The FAQs the article shows, in order; FAQs a reader cannot see (drafts, left as ids) are left out. */
export function faqPageJsonLd(article: Pick<Article, 'content'>): JsonLdObject | null {
  const faqs = blocksOf(article.content as LexicalRoot, 'faqList')
    .flatMap((block) => (Array.isArray(block.faqs) ? block.faqs : []))
    .filter((faq): faq is Faq => typeof faq === 'object' && faq !== null && 'question' in faq)
  if (!faqs.length) return null
  return {
    '@context': CONTEXT,
    '@type': 'FAQPage',
    mainEntity: faqs.map((faq) => ({
      '@type': 'Question',
      name: faq.question,
      acceptedAnswer: { '@type': 'Answer', text: plainText(faq.answer as LexicalRoot) },
    })),
  }
}

/** "2023–2024" as ISO 8601 ("2023/2024"); anything else is passed on as the editor wrote it. */
export function temporalCoverage(period: string | null | undefined): string | undefined {
  if (!period?.trim()) return undefined
  const range = /^\s*(\d{4}(?:-\d{2}){0,2})\s*[–—-]\s*(\d{4}(?:-\d{2}){0,2})\s*$/.exec(period)
  return range ? `${range[1]}/${range[2]}` : period.trim()
}

/** Each amount of a row as a dataset names it, parts first, as the table's columns. */
const MEASURE_NAMES: Record<PayColumn, string> = {
  base: 'Base salary',
  equity: 'Equity per year',
  bonus: 'Bonus',
  total: 'Total compensation (base + equity per year + bonus)',
}
const MEASURES = [...PAY_PARTS, 'total' as const].map((column) => MEASURE_NAMES[column])

export function datasetJsonLd(
  table: SalaryTable,
  { caption, anchor, pagePath }: { caption?: string | null; anchor: string; pagePath: string },
): JsonLdObject {
  const rows = table.rows ?? []
  const sources = [...new Set(rows.map((row) => row.source).filter(Boolean))]
  const currency = table.currency || 'USD'
  const roles = [...new Set(rows.map((row) => row.role))]
  const description =
    table.notes?.trim() ||
    `Median compensation in ${currency} for ${roles.join(', ')}, by company tier: base salary, equity per year, bonus and total.`
  return {
    '@context': CONTEXT,
    '@type': 'Dataset',
    name: caption || table.title,
    description: `${description} Figures checked ${formatDate(table.asOf)}.`,
    url: `${absoluteUrl(pagePath)}#${anchor}`,
    ...(temporalCoverage(table.period) ? { temporalCoverage: temporalCoverage(table.period) } : {}),
    dateModified: table.updatedAt,
    creator: publisher(),
    // The sources named under the table, one per row source, as the reader sees them.
    citation: sources,
    isAccessibleForFree: true,
    variableMeasured: MEASURES.map((name) => ({ '@type': 'PropertyValue', name, unitText: currency })),
  }
}

/**
 * The table's rows as schema.org Occupations, one per role and tier: its median total compensation
 * per year as a MonetaryAmountDistribution, the base salary beside it, and the Dataset they come from.
 */
export function occupationsJsonLd(table: SalaryTable, { datasetUrl }: { datasetUrl: string }): JsonLdObject[] {
  const currency = table.currency || 'USD'
  const distribution = (name: string, median: number) => ({
    '@type': 'MonetaryAmountDistribution',
    name,
    currency,
    duration: 'P1Y',
    median,
  })
  return (table.rows ?? []).map((row) => ({
    '@context': CONTEXT,
    '@type': 'Occupation',
    name: `${row.role} (${row.tier})`,
    description: `${row.role} at ${row.tier} companies: median compensation, ${table.title}.`,
    estimatedSalary: [distribution(MEASURE_NAMES.total, rowTotal(row)), distribution(MEASURE_NAMES.base, row.base)],
    subjectOf: { '@type': 'Dataset', url: datasetUrl },
  }))
}

/** One Dataset per salary table the article shows, each followed by its Occupations; unpublished tables (left as ids) are not shown, so not listed. */
export function datasetsJsonLd(article: Pick<Article, 'content' | 'slug'>): JsonLdObject[] {
  return blocksOf(article.content as LexicalRoot, 'salaryTable').flatMap((block) => {
    const table = block.table
    if (!table || typeof table !== 'object') return []
    const salaryTable = table as SalaryTable
    // Same anchor as the table's caption in SalaryTableView.
    const anchor = `salary-table-${(block.id as string | undefined) ?? salaryTable.id}`
    const pagePath = articlePath(article.slug as string)
    const dataset = datasetJsonLd(salaryTable, { caption: block.caption as string | undefined, anchor, pagePath })
    return [dataset, ...occupationsJsonLd(salaryTable, { datasetUrl: dataset.url as string })]
  })
}

export function breadcrumbJsonLd(article: Pick<Article, 'title' | 'slug' | 'category'>): JsonLdObject {
  const category = categoryOf(article)
  const trail = [
    { name: 'Home', path: homePath() },
    { name: 'Blog', path: blogPath() },
    ...(category ? [{ name: category.title, path: categoryPath(category.slug as string) }] : []),
    { name: article.title, path: articlePath(article.slug as string) },
  ]
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(crumb.path),
    })),
  }
}

/** Everything the article page embeds, in the order above. */
export function articlePageJsonLd(article: Article, options: Options = {}): JsonLdObject[] {
  const faq = faqPageJsonLd(article)
  return [articleJsonLd(article, options), ...(faq ? [faq] : []), ...datasetsJsonLd(article), breadcrumbJsonLd(article)]
}

/** JSON for a <script> element: `<` escaped so no string in the content can close the script. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c')
}
