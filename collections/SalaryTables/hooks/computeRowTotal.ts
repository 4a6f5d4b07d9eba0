import type { FieldHook } from 'payload'

import { rowTotal } from '@/salary-tables/model'

/** The total is never taken from input: whatever a client sends, the parts decide it. */
export const computeRowTotal: FieldHook = ({ siblingData }) => rowTotal(siblingData ?? {})
