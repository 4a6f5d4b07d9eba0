import type { CategorySeed } from './types'

export const categories: CategorySeed[] = [
  {
    key: 'comparisons',
    title: 'Comparisons',
    slug: 'comparisons',
    description: 'Side-by-side looks at tech roles, their pay and their demand, built on sourced figures.',
  },
  {
    key: 'career-paths',
    title: 'Career Paths',
    slug: 'career-paths',
    description: 'How engineering careers move from entry level to senior roles, and where they can lead next.',
  },
  {
    key: 'skills',
    title: 'Skills',
    slug: 'skills',
    description: 'The languages, frameworks and working habits employers look for, and how to build them.',
  },
]
