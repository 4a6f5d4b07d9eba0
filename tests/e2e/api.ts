import type { APIRequestContext } from '@playwright/test'

/** Signs in to the REST API as the seeded admin and returns the Authorization header to use. */
export async function adminAuth(request: APIRequestContext): Promise<Record<string, string>> {
  const response = await request.post('/api/users/login', {
    data: { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD },
  })
  if (!response.ok()) throw new Error(`admin login failed: ${response.status()}`)
  const { token } = (await response.json()) as { token: string }
  return { Authorization: `JWT ${token}` }
}

export async function findOne(request: APIRequestContext, collection: string, field: string, value: string) {
  const response = await request.get(`/api/${collection}?where[${field}][equals]=${encodeURIComponent(value)}&depth=0&limit=1`)
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
