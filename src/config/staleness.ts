/** Salary figures older than this many months are flagged to editors (STALE_AFTER_MONTHS, default 12). */
export function staleAfterMonths(): number {
  const months = Number(process.env.STALE_AFTER_MONTHS)
  return Number.isFinite(months) && months > 0 ? months : 12
}

export function staleCutoff(now = new Date(), months = staleAfterMonths()): Date {
  const cutoff = new Date(now)
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months)
  return cutoff
}

export function monthsSince(date: string | Date, now = new Date()): number {
  const then = new Date(date)
  return (now.getUTCFullYear() - then.getUTCFullYear()) * 12 + (now.getUTCMonth() - then.getUTCMonth())
}
