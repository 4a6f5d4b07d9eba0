// The editor's side of the REST API, as the stages that save (uncached renders, editor path, soak)
// use it: the admin's login, the first salary table, and saving its rows.

/**
 * @param {import('./context.mjs').BenchContext} bench
 */
export async function signInAsEditor({ base, admin }) {
  const login = await fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  })
  const { token } = await login.json()
  if (!token) throw new Error(`admin login failed (${login.status})`)
  const auth = { authorization: `JWT ${token}`, 'content-type': 'application/json' }
  const tables = await (
    await fetch(`${base}/api/salary-tables?depth=0&limit=1&sort=createdAt`, { headers: auth })
  ).json()
  const table = tables.docs?.[0]
  if (!table) throw new Error('no salary table found through the REST API')

  /** Saves the table with these rows; resolves with the saved table. */
  const saveRows = async (rows) => {
    const response = await fetch(`${base}/api/salary-tables/${table.id}?depth=0`, {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify({ rows }),
    })
    const body = await response.json()
    if (!response.ok)
      throw new Error(`PATCH salary table failed (${response.status}): ${JSON.stringify(body).slice(0, 500)}`)
    return body.doc
  }
  const money = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: table.currency || 'USD',
    maximumFractionDigits: 0,
  })
  /** A row's total as the article page prints it. */
  const totalText = (row) => money.format(row.base + row.equity + row.bonus)
  return { base, auth, table, saveRows, totalText }
}

/** @typedef {Awaited<ReturnType<typeof signInAsEditor>>} Editor */
