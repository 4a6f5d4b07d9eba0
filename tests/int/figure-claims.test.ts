import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import type { SalaryTable } from '@payload-types'
import { ABOVE_WORDS, BELOW_WORDS, claimVerdict, NO_CLAIM, suggestClaim } from '@/figures/claims'
import { contentChanges, contradictedSentences } from '@/figures/changes'
import { resolveFigure, resolveFigures, type FigureFields } from '@/figures/resolve'
import { suggestClaims } from '@/figures/statements'
import { formatNumber } from '@/lib/format'
import { figure, paragraph, richText } from '@/seed/lexical'

/**
 * The claim rules, over every sign and ratio: a premium or difference claimed "higher" holds only
 * above 0, one claimed "lower" only below; a ratio claimed "outnumber" only above 1. A figure whose
 * value contradicts its claim is shown at its last agreeing value, and its sentence is reported.
 */

const amount = fc.integer({ min: 1_000, max: 1_000_000 })
const above = fc.constantFrom(...ABOVE_WORDS)
const below = fc.constantFrom(...BELOW_WORDS)

function table(a: number, b: number): SalaryTable {
  return {
    id: 't1',
    title: 'Pay',
    currency: 'USD',
    asOf: '2026-10-01T00:00:00.000Z',
    rows: [
      { role: 'A', tier: 'Big', base: a, equity: 0, bonus: 0, source: 'Survey A' },
      { role: 'B', tier: 'Big', base: b, equity: 0, bonus: 0, source: 'Survey B' },
    ],
    updatedAt: '',
    createdAt: '',
  } as SalaryTable
}

const comparison = (operation: 'premium' | 'difference' | 'ratio', claim: string | null, extra = {}): FigureFields =>
  ({
    source: 'salaryComparison',
    table: 't1',
    role: 'A',
    tier: 'Big',
    column: 'base',
    compareRole: 'B',
    compareTier: 'Big',
    compareColumn: 'base',
    operation,
    format: operation === 'ratio' ? 'multiplier' : operation === 'premium' ? 'percent' : 'currency',
    claim,
    ...extra,
  }) as FigureFields

const valueOf = (fields: FigureFields, a: number, b: number) => {
  const result = resolveFigure({ ...fields, table: table(a, b) }, { dataTables: [] })
  if (!result.ok) throw new Error(result.reason)
  return result.value
}

describe('claim rules', () => {
  it('a premium or a difference claimed with an "above" word holds exactly when a > b', () => {
    fc.assert(
      fc.property(
        amount,
        amount,
        above,
        fc.constantFrom('premium' as const, 'difference' as const),
        (a, b, word, op) => {
          const fields = comparison(op, word)
          expect(claimVerdict(fields, valueOf(fields, a, b))).toBe(a > b ? 'holds' : 'contradicted')
        },
      ),
    )
  })

  it('a premium or a difference claimed with a "below" word ("lag", "lower") holds exactly when a < b', () => {
    fc.assert(
      fc.property(
        amount,
        amount,
        below,
        fc.constantFrom('premium' as const, 'difference' as const),
        (a, b, word, op) => {
          const fields = comparison(op, word)
          expect(claimVerdict(fields, valueOf(fields, a, b))).toBe(a < b ? 'holds' : 'contradicted')
        },
      ),
    )
  })

  it('a ratio claimed "outnumber" or "x times" holds exactly when it is above 1, "fewer" exactly below 1', () => {
    fc.assert(
      fc.property(amount, amount, fc.constantFrom('outnumber', 'outnumbers', 'times', 'more'), (a, b, word) => {
        const fields = comparison('ratio', word)
        expect(claimVerdict(fields, valueOf(fields, a, b))).toBe(a / b > 1 ? 'holds' : 'contradicted')
        const fewer = comparison('ratio', 'fewer')
        expect(claimVerdict(fewer, valueOf(fewer, a, b))).toBe(a / b < 1 ? 'holds' : 'contradicted')
      }),
    )
  })

  it('claims nothing without words, with "none", or with words that say nothing of sign or size', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true }),
        fc.constantFrom(null, '', NO_CLAIM, 'None', 'median', 'in total'),
        (value, claim) => {
          expect(claimVerdict(comparison('premium', claim), value)).toBeNull()
        },
      ),
    )
  })

  it('suggests the nearest direction word after a comparison, else before it; never for a single cell', () => {
    fc.assert(
      fc.property(
        fc.oneof(above, below),
        fc.array(fc.constantFrom('the', 'median', 'pay', 'at', 'FAANG'), { maxLength: 3 }),
        (word, filler) => {
          const figureFields = comparison('premium', null)
          expect(suggestClaim(figureFields, 'they earn', ` ${word} ${filler.join(' ')} than`)).toBe(word)
          expect(suggestClaim(figureFields, `postings ${word} ${filler.join(' ')}`, '.')).toBe(word)
          expect(suggestClaim({ source: 'salaryCell' }, 'they earn', ` ${word}`)).toBeNull()
        },
      ),
    )
    expect(suggestClaim(comparison('premium', null), 'the median earns', ' in total.')).toBeNull()
  })

  it('fills in the claims of a sentence on save, from its own sentence only; an editor’s words are kept', () => {
    const premium = figure(comparison('premium', null) as never)
    const ratio = figure(comparison('ratio', null) as never)
    const chosen = figure(comparison('premium', 'lag') as never)
    const content = richText(
      paragraph('AI engineers earn ', premium, ' higher than ML engineers. Postings for ML outnumber AI ', ratio, '.'),
      paragraph('Startups ', chosen, ' more, says the editor.'),
    )
    expect(suggestClaims(content)).toBe(2)
    expect((premium.fields as FigureFields).claim).toBe('higher')
    expect((ratio.fields as FigureFields).claim).toBe('outnumber')
    expect((chosen.fields as FigureFields).claim).toBe('lag')
  })
})

describe('what readers see of a contradicted claim', () => {
  it('keeps the last value that agreed with the claim, marked as held with what the table says now', () => {
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        const premium = comparison('premium', 'higher', { id: 'f1', lastValue: '22%', table: table(a, b) })
        const content = richText(paragraph('They earn ', figure(premium as never), ' higher.'))
        resolveFigures(content)
        const node = (content.root.children[0] as { children: { fields: FigureFields }[] }).children[1].fields
        if (a > b) {
          expect(node.held).toBeNull()
          expect(node.display).toBe(`${formatNumber(((a - b) / b) * 100)}%`)
        } else {
          expect(node.display).toBe('22%')
          expect(node.held).toEqual({ value: expect.stringMatching(/^-?\d/), claim: 'higher' })
        }
        expect(node.provenance).toMatchObject({
          table: 'Pay',
          asOf: '2026-10-01',
          cells: [
            { label: 'A · Big, Base salary', source: 'Survey A' },
            { label: 'B · Big, Base salary', source: 'Survey B' },
          ],
          formula: expect.stringMatching(/^\(\$[\d,]+ − \$[\d,]+\) \/ \$[\d,]+ × 100 = -?[\d,]+%$/),
        })
        expect(contradictedSentences(content, new Map([['t1', table(a, b)]]))).toHaveLength(a > b ? 0 : 1)
      }),
    )
  })

  it('reports a sentence whose claim a table change inverts, before → after, and what readers would keep', () => {
    const premium = comparison('premium', 'higher', { lastValue: '25%' })
    const content = richText(paragraph('They earn ', figure(premium as never), ' higher. Nothing else.'))
    const { sentences, broken } = contentChanges(content, 'body', new Set(['t1']), {
      before: new Map([['t1', table(125_000, 100_000)]]),
      after: new Map([['t1', table(90_000, 100_000)]]),
    })
    expect(broken).toEqual([])
    expect(sentences).toEqual([
      {
        where: 'body',
        before: 'They earn 25% higher.',
        after: 'They earn -10% higher.',
        shown: 'They earn 25% higher.',
        claim: 'contradicted',
      },
    ])
  })
})
