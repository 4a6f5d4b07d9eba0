import { expect, test, type APIRequestContext, type Page } from '@playwright/test'

/**
 * Signs in to the REST API as the seeded admin and returns the Authorization header to use.
 * Each sign-in is a session that Payload adds to the user's document by read-modify-write
 * (payload/dist/auth/sessions.js, addSessionToUser): two sign-ins of one account that overlap
 * keep one session, and the other token is refused (403) from then on. Under parallel workers,
 * sign in once per journey and pass the headers on (createCategory, createArticle, deleteDoc).
 */
export async function adminAuth(request: APIRequestContext): Promise<Record<string, string>> {
  return { Authorization: `JWT ${await adminToken(request)}` }
}

export async function findOne(request: APIRequestContext, collection: string, field: string, value: string) {
  const response = await request.get(
    `/api/${collection}?where[${field}][equals]=${encodeURIComponent(value)}&depth=0&limit=1`,
  )
  const { docs } = (await response.json()) as { docs: { id: string; [key: string]: unknown }[] }
  return docs[0]
}

const paragraph = (text: string) => ({
  type: 'paragraph',
  version: 1,
  direction: 'ltr',
  format: '',
  indent: 0,
  textFormat: 0,
  children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }],
})

export const simpleContent = (text: string) => ({
  root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children: [paragraph(text)] },
})

/** The seeded admin's token, for REST calls made on a journey's behalf. */
export async function adminToken(request: APIRequestContext): Promise<string> {
  const response = await request.post('/api/users/login', {
    data: { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD },
  })
  expect(response.status()).toBe(200)
  return (await response.json()).token as string
}

/** A user the admin creates over REST, as the editors and authors are (or another admin). */
export async function createUser(
  request: APIRequestContext,
  role: 'admin' | 'editor' | 'author',
  name = `E2E ${role}`,
  headers?: Record<string, string>,
) {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`
  const email = `e2e-${role}-${stamp}@valenx.local`
  const password = `${role}-password-${stamp}`
  const response = await request.post('/api/users', {
    headers: headers ?? (await adminAuth(request)),
    data: { email, password, name, role },
  })
  expect(response.status(), await response.text()).toBe(201)
  return { email, password }
}

/** Signs in through the admin's login form and waits for the dashboard. */
export async function loginToAdmin(page: Page, { email, password }: { email: string; password: string }) {
  await page.goto('/admin/login')
  await page.locator('#field-email').fill(email)
  await page.locator('#field-password').fill(password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)
}

/**
 * Signs the page in as the seeded admin and returns the article's preview link, as the edit view's
 * preview button holds it (it carries the preview secret).
 */
export async function previewLinkAsAdmin(page: Page, articleId: string): Promise<string> {
  await loginToAdmin(page, { email: process.env.ADMIN_EMAIL as string, password: process.env.ADMIN_PASSWORD as string })
  await page.goto(`/admin/collections/articles/${articleId}`)
  const href = await page.locator('a[href*="/next/preview?"]').first().getAttribute('href')
  expect(href).toBeTruthy()
  return href as string
}

/**
 * Clicks Publish once on an open edit view and waits for the publication: the save's answer (200)
 * and the admin's confirmation. Articles and FAQs publish what is on screen, the body's last
 * keystrokes and a click during an autosave included (src/admin/PublishButton.tsx), so one click
 * is what an editor gives and all this gives. `contains`: text the published document must hold
 * (the last thing typed). Returns the saved document as the server answered it.
 */
export async function publishFromForm(page: Page, { contains }: { contains?: string } = {}) {
  // The form's own save: PATCH /api/<collection>/<id>, or POST /api/<collection> for a new document
  // (not an autosave, nor another endpoint the edit view calls, such as the preview link).
  const isSave = (method: string, pathname: string) =>
    (method === 'PATCH' && /^\/api\/[a-z-]+\/[^/]+$/.test(pathname)) ||
    (method === 'POST' && /^\/api\/[a-z-]+$/.test(pathname))
  const saved = page.waitForResponse(
    (response) =>
      isSave(response.request().method(), new URL(response.url()).pathname) &&
      !response.url().includes('autosave=true') &&
      (response.request().postData() ?? '').includes('"_status":"published"'),
    { timeout: 40_000 },
  )
  await page.getByRole('button', { name: /^Publish( changes)?$/ }).click()
  const response = await saved
  // 201 for a document the click creates (a FAQ's first save).
  expect([200, 201], await response.text()).toContain(response.status())
  await expect(page.getByText(/published successfully|updated successfully|successfully created/i).first()).toBeVisible(
    { timeout: 20_000 },
  )
  const body = (await response.json()) as { doc?: Record<string, unknown> }
  if (contains !== undefined) expect(JSON.stringify(body.doc ?? body)).toContain(contains)
  return (body.doc ?? body) as Record<string, unknown>
}

/** A published salary table made over REST for one journey; `rows` as the REST body takes them. */
export async function createSalaryTable(request: APIRequestContext, title: string, rows: Record<string, unknown>[]) {
  const response = await request.post('/api/salary-tables', {
    headers: await adminAuth(request),
    data: { title, currency: 'USD', asOf: '2026-10-01', rows, _status: 'published' },
  })
  expect(response.status(), await response.text()).toBe(201)
  return (await response.json()).doc as { id: string; title: string }
}

/**
 * The seed category that journeys file their passing articles under: a seed one, so it is never
 * deleted under them (the first category in the list may be another journey's, deleted while
 * its article still names it, or counted on that journey's own category page).
 */
export const sharedCategory = (request: APIRequestContext) => findOne(request, 'categories', 'slug', 'skills')

/** A published article made over REST for one journey, in the shared category; returns it with its path. */
export async function createArticleWithPath(
  request: APIRequestContext,
  data: { title: string; slug: string; excerpt: string; content: unknown },
) {
  const headers = await adminAuth(request)
  const category = await sharedCategory(request)
  const response = await request.post('/api/articles', {
    headers,
    data: { ...data, category: category.id, _status: 'published' },
  })
  expect(response.status(), await response.text()).toBe(201)
  return { ...((await response.json()).doc as { id: string; title: string }), path: `/blog/${data.slug}` }
}

/**
 * Deletes what a journey created, its document locks first (an edit view left open holds one, and a
 * locked document refuses the delete): other journeys must not find it.
 */
export async function deleteDoc(
  request: APIRequestContext,
  collection: string,
  id: string,
  headers?: Record<string, string>,
) {
  headers ??= await adminAuth(request)
  // An edit view still open on it (the page closes after the journey's cleanup) may lock it again
  // between the two requests: then both are sent again, a few times at most.
  for (let attempt = 1; ; attempt++) {
    await request.delete(`/api/payload-locked-documents?where[document.value][equals]=${id}`, { headers })
    const response = await request.delete(`/api/${collection}/${id}`, { headers })
    const text = await response.text()
    if (attempt < 5 && response.status() === 423 && /currently locked/.test(text)) {
      await new Promise((resolve) => setTimeout(resolve, 300))
      continue
    }
    expect([200, 404], `delete ${collection} ${id}: ${text}`).toContain(response.status())
    return
  }
}

/** A name no other journey, run, or worker uses. */
export const uniqueStamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

/** A category of the journey's own (the seed's stay as they are). */
export async function createCategory(request: APIRequestContext, title: string, headers?: Record<string, string>) {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  const response = await request.post('/api/categories', {
    headers: headers ?? (await adminAuth(request)),
    data: { title, slug },
  })
  expect(response.status(), await response.text()).toBe(201)
  return (await response.json()).doc as { id: string; title: string; slug: string }
}

/** An article created over REST as the admin: published unless `_status: 'draft'` is given. */
export async function createArticle(
  request: APIRequestContext,
  data: { title: string; category: string; _status?: 'draft' | 'published'; [field: string]: unknown },
  headers?: Record<string, string>,
) {
  const draft = data._status === 'draft'
  const response = await request.post(`/api/articles${draft ? '?draft=true' : ''}`, {
    headers: headers ?? (await adminAuth(request)),
    data: {
      excerpt: `About ${data.title}.`,
      content: simpleContent(`${data.title}: the body.`),
      _status: 'published',
      ...data,
    },
  })
  expect(response.status(), await response.text()).toBe(201)
  return (await response.json()).doc as { id: string; title: string; slug: string }
}

/** A page or API answer as an anonymous reader gets it: no cookie jar, no token. */
export async function anonymousGet(path: string, init?: RequestInit) {
  const response = await fetch(`${test.info().project.use.baseURL}${path}`, init)
  return { status: response.status, headers: response.headers, text: await response.text() }
}

/**
 * The product's promise: a published change shows on the next request, within a second. This
 * polls what an anonymous reader gets for five (a loaded machine) and returns how long it took.
 */
export async function readerSees(path: string, text: string, { timeout = 5_000 } = {}) {
  const started = Date.now()
  await expect
    .poll(async () => (await anonymousGet(path)).text, { timeout, intervals: [100, 250, 500] })
    .toContain(text)
  const took = Date.now() - started
  test.info().annotations.push({ type: 'reader saw the change', description: `${path}: ${took} ms` })
  console.log(`reader saw the change on ${path} after ${took} ms`)
  return took
}

/** Deletes the users a journey created, found by the unique stamp in their names. */
export async function deleteUsersNamed(request: APIRequestContext, stamp: string, headers: Record<string, string>) {
  const found = await request.get(`/api/users?where[name][contains]=${encodeURIComponent(stamp)}&depth=0&limit=20`, {
    headers,
  })
  for (const user of (await found.json()).docs as { id: string }[]) await deleteDoc(request, 'users', user.id, headers)
}
