import type { RichText } from '../lexical'

/** Keys name demo documents before they have ids; the seed resolves them. */
export type CategoryKey = 'comparisons' | 'career-paths' | 'skills'
export type FaqKey = 'ml-to-ai-transition' | 'job-security' | 'phd-required'
export type ArticleKey =
  'ai-vs-ml' | 'ml-career-path' | 'ai-pay-startups-vs-faang' | 'skills-gap' | 'ai-engineer-playbook'

/** Ids of documents created before article content is written. */
export type SeedRefs = {
  /** The one salary table with the six role × tier rows from the reference article. */
  salaryTableId: string
  faqIds: Record<FaqKey, string>
  articleIds: Record<ArticleKey, string>
}

export type CategorySeed = { key: CategoryKey; title: string; slug: string; description: string }

export type SalaryTableSeed = {
  title: string
  currency: string
  period: string
  asOf: string
  notes: string
  rows: { role: string; tier: string; base: number; equity: number; bonus: number; source: string }[]
}

export type FaqSeed = {
  key: FaqKey
  question: string
  answer: RichText
  note?: { label: 'Data Point' | 'Projection'; text: string }
  topics: CategoryKey[]
}

export type ArticleSeed = {
  key: ArticleKey
  title: string
  slug: string
  excerpt: string
  category: CategoryKey
  featured: boolean
  /** ISO date of first publication. */
  publishedAt: string
  related: ArticleKey[]
  content: (refs: SeedRefs) => RichText
}
