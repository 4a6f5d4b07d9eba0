import fs from 'node:fs'
import path from 'node:path'

import { REST_POST } from '@payloadcms/next/routes'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MAX_UPLOAD_BYTES } from '@collections/Media'
import { dataDir } from '@/config/env'

import { bootDemo } from '../helpers/demo'
import { shutdown } from '../helpers/payload'

/**
 * Uploads through the real REST handler, as the admin's upload field sends them (multipart): raster
 * images only, judged by the file's bytes rather than its name or declared type, and no larger than
 * the limit. A refused file leaves no document and no file behind.
 */

let ctx: Awaited<ReturnType<typeof bootDemo>>
beforeAll(async () => {
  ctx = await bootDemo()
})
afterAll(async () => shutdown(ctx?.payload))

async function upload(name: string, type: string, bytes: Buffer) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
  form.append('_payload', JSON.stringify({ alt: `Upload of ${name}` }))
  const request = new Request('http://localhost:3000/api/media', {
    method: 'POST',
    headers: { authorization: `JWT ${ctx.adminToken}` },
    body: form,
  })
  const response = await REST_POST(ctx.config)(request, { params: Promise.resolve({ slug: ['media'] }) })
  return { status: response.status, body: await response.json() }
}

const mediaDir = () => path.join(dataDir(), 'media')
const storedFiles = () => (fs.existsSync(mediaDir()) ? fs.readdirSync(mediaDir()).sort() : [])
const mediaCount = async () => (await ctx.payload.count({ collection: 'media' })).totalDocs
const png = () =>
  sharp({ create: { width: 16, height: 16, channels: 3, background: '#336699' } })
    .png()
    .toBuffer()

const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>')
const SLOPPY_HTML = Buffer.from('<html><body><img src=x onerror=alert(1)><p>not closed')
const SVG_WITH_SCRIPT = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><script>alert(1)</script></svg>',
)
const CLEAN_SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>',
)

describe('media uploads', () => {
  it('accepts a PNG image and stores the file', async () => {
    const response = await upload('chart.png', 'image/png', await png())
    expect(response.status).toBe(201)
    expect(response.body.doc.mimeType).toBe('image/png')
    expect(storedFiles()).toContain('chart.png')
  })

  it.each([
    ['an HTML page named .png', 'page.png', 'image/png', HTML],
    ['unclosed HTML named .png', 'sloppy.png', 'image/png', SLOPPY_HTML],
    ['an HTML page sent as text/html', 'page.html', 'text/html', HTML],
    ['text/html content under a .png name', 'page2.png', 'text/html', SLOPPY_HTML],
    ['an SVG with a script, named .png', 'logo.png', 'image/png', SVG_WITH_SCRIPT],
    ['a harmless SVG', 'logo.svg', 'image/svg+xml', CLEAN_SVG],
  ])('refuses %s with a 400 naming the type found, and stores nothing', async (_, name, type, bytes) => {
    const [countBefore, filesBefore] = [await mediaCount(), storedFiles()]
    const response = await upload(name, type, bytes)
    expect(response.status).toBe(400)
    const message: string = response.body.errors[0].message
    expect(message).toMatch(
      /^This file is (application|text|image)\/[\w.+-]+, which cannot be uploaded: only PNG, JPEG, WebP, AVIF or GIF images are accepted\./,
    )
    expect(response.body.errors[0].data.errors[0]).toEqual({ path: 'file', message })
    expect(await mediaCount()).toBe(countBefore)
    expect(storedFiles()).toEqual(filesBefore)
  })

  it('says when an SVG carries script', async () => {
    const response = await upload('logo.png', 'image/png', SVG_WITH_SCRIPT)
    expect(response.body.errors[0].message).toMatch(
      /^This file is image\/svg\+xml, .* It also contains script or other active content\.$/,
    )
  })

  it(`refuses a file over ${MAX_UPLOAD_BYTES / 1024 / 1024} MB with a 413 that says the limit, and stores nothing`, async () => {
    const [countBefore, filesBefore] = [await mediaCount(), storedFiles()]
    const oversize = Buffer.concat([await png(), Buffer.alloc(MAX_UPLOAD_BYTES)])
    const response = await upload('huge.png', 'image/png', oversize)
    expect(response.status).toBe(413)
    expect(response.body.errors[0].message).toBe('The file is larger than 8 MB, the largest upload allowed.')
    expect(await mediaCount()).toBe(countBefore)
    expect(storedFiles()).toEqual(filesBefore)
  })

  it('accepts a JPEG photo', async () => {
    const image = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#884422' } })
      .jpeg({ quality: 90 })
      .toBuffer()
    expect((await upload('photo.jpg', 'image/jpeg', image)).status).toBe(201)
  })
})
