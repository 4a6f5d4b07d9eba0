import type { PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SalaryTable } from '@payload-types'
import { afterCommit } from '@/db/afterCommit'

import { bootDemo } from '../helpers/demo'
import { shutdown } from '../helpers/payload'

/**
 * Pages are revalidated from `afterChange` hooks, which run inside the save's transaction. If they
 * revalidated there, a reader arriving before the commit would re-render the old figures and that
 * page would stay cached. So the work waits for the commit (src/db/afterCommit.ts): at that point
 * a reader outside the transaction already sees the new data; a rolled-back save revalidates nothing.
 */

let ctx: Awaited<ReturnType<typeof bootDemo>>
let tableId: string

beforeAll(async () => {
  ctx = await bootDemo()
  tableId = String((await ctx.payload.find({ collection: 'salary-tables', limit: 1, depth: 0 })).docs[0].id)
})

afterAll(async () => shutdown(ctx?.payload))

const readerSees = async () =>
  (
    (await ctx.payload.findByID({
      collection: 'salary-tables',
      id: tableId,
      depth: 0,
      overrideAccess: false,
    })) as SalaryTable
  ).notes

describe('work after a save', () => {
  it('waits for the commit, and then a reader already sees what was saved', async ({ skip }) => {
    const transactionID = await ctx.payload.db.beginTransaction()
    // Without a transaction (MongoDB without a replica set) there is nothing to wait for: skipped, not passed.
    if (!transactionID) return skip('the database has no transactions (MongoDB without a replica set)')
    const req = { transactionID } as Partial<PayloadRequest>
    const before = await readerSees()
    await ctx.payload.update({
      collection: 'salary-tables',
      id: tableId,
      data: { notes: 'Checked after commit.' },
      req,
    })

    let seenAfterCommit: Promise<string | null | undefined> | undefined
    afterCommit(req, () => {
      seenAfterCommit = readerSees()
    })
    expect(seenAfterCommit).toBeUndefined()
    expect(await readerSees()).toBe(before)

    await ctx.payload.db.commitTransaction(transactionID)
    expect(seenAfterCommit).toBeDefined()
    expect(await seenAfterCommit).toBe('Checked after commit.')
  })

  it('never runs for a save that was rolled back', async ({ skip }) => {
    const transactionID = await ctx.payload.db.beginTransaction()
    if (!transactionID) return skip('the database has no transactions (MongoDB without a replica set)')
    const req = { transactionID } as Partial<PayloadRequest>
    await ctx.payload.update({ collection: 'salary-tables', id: tableId, data: { notes: 'Never saved.' }, req })
    let ran = false
    afterCommit(req, () => {
      ran = true
    })
    await ctx.payload.db.rollbackTransaction(transactionID)
    expect(ran).toBe(false)
    expect(await readerSees()).not.toBe('Never saved.')
  })

  it('runs at once outside a transaction', () => {
    let ran = false
    afterCommit(undefined, () => {
      ran = true
    })
    expect(ran).toBe(true)
  })
})
