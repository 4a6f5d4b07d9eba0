import type { SalaryTableSeed } from './types'

export const salaryTable: SalaryTableSeed = {
  title: 'AI vs ML Engineer compensation, median, USD',
  currency: 'USD',
  period: '2023–2024',
  asOf: '2026-06-01',
  notes:
    'Median total compensation in US dollars by role and company tier, where total = base salary + equity per year + bonus.',
  rows: [
    {
      role: 'AI Engineer',
      tier: 'FAANG+ (L5-L7)',
      base: 165_000,
      equity: 35_000,
      bonus: 10_000,
      source: 'Levels.fyi (2023)',
    },
    {
      role: 'AI Engineer',
      tier: 'Unicorn Startups',
      base: 140_000,
      equity: 30_000,
      bonus: 10_000,
      source: 'Blind, Glassdoor',
    },
    {
      role: 'AI Engineer',
      tier: 'Non-Tech Enterprises',
      base: 125_000,
      equity: 15_000,
      bonus: 10_000,
      source: 'Payscale',
    },
    {
      role: 'ML Engineer',
      tier: 'FAANG+ (L5-L7)',
      base: 140_000,
      equity: 25_000,
      bonus: 7_000,
      source: 'Levels.fyi (2023)',
    },
    { role: 'ML Engineer', tier: 'Unicorn Startups', base: 125_000, equity: 22_000, bonus: 8_000, source: 'Blind' },
    {
      role: 'ML Engineer',
      tier: 'Non-Tech Enterprises',
      base: 110_000,
      equity: 12_000,
      bonus: 8_000,
      source: 'Payscale',
    },
  ],
}
