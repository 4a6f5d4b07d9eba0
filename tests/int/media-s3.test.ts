import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { REST_GET, REST_POST } from '@payloadcms/next/routes'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freePort, waitForHttp } from '../../scripts/lib/http.mjs'
import { root, start, stop, type Started } from '../../scripts/lib/process.mjs'
import { bootDemo } from '../helpers/demo'
import { shutdown } from '../helpers/payload'

/**
 * Media on S3 (src/config/mediaStorage.ts): with S3_BUCKET set, an upload lands in the bucket, not
 * on the local disk, and readers get it back through Payload's own file route. The bucket is a real
 * S3-compatible server, s3rver, started here in a process of its own on a free loopback port; the
 * variables are set before the Payload config is loaded, as an operator sets them.
 */
const BUCKET = 'valenx-media'
const s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'valenx-s3rver-'))
const port = await freePort()
const endpoint = `http://127.0.0.1:${port}`
Object.assign(process.env, {
  S3_BUCKET: BUCKET,
  S3_ENDPOINT: endpoint,
  S3_REGION: 'us-east-1',
  // s3rver's own keys.
  S3_ACCESS_KEY_ID: 'S3RVER',
  S3_SECRET_ACCESS_KEY: 'S3RVER',
  S3_FORCE_PATH_STYLE: 'true',
})
const bucket = new S3Client({
  endpoint,
  region: 'us-east-1',
  forcePathStyle: true,
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
})

let s3rver: Started
let ctx: Awaited<ReturnType<typeof bootDemo>>
beforeAll(async () => {
  const cli = path.join(root, 'node_modules/s3rver/bin/s3rver.js')
  s3rver = start(
    process.execPath,
    [cli, '-d', s3Dir, '-a', '127.0.0.1', '-p', String(port), '--configure-bucket', BUCKET, '--silent'],
    { name: 's3rver' },
  )
  // Anything that answers HTTP is up (an unsigned request gets 403).
  await waitForHttp(`${endpoint}/`, { child: s3rver, timeoutMs: 30_000, ready: (status) => status > 0 })
  ctx = await bootDemo()
})
afterAll(async () => {
  await shutdown(ctx?.payload)
  await stop(s3rver)
  fs.rmSync(s3Dir, { recursive: true, force: true })
})

async function upload(name: string, bytes: Buffer) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), name)
  form.append('_payload', JSON.stringify({ alt: `Upload of ${name}` }))
  const request = new Request('http://localhost:3000/api/media', {
    method: 'POST',
    headers: { authorization: `JWT ${ctx.adminToken}` },
    body: form,
  })
  const response = await REST_POST(ctx.config)(request, { params: Promise.resolve({ slug: ['media'] }) })
  return { status: response.status, body: await response.json() }
}

/** What a reader's browser gets for the file's address, anonymously. */
async function served(url: string) {
  const pathname = new URL(url, 'http://localhost:3000').pathname
  const slug = pathname
    .replace(/^\/api\//, '')
    .split('/')
    .map(decodeURIComponent)
  const response = await REST_GET(ctx.config)(new Request(`http://localhost:3000${pathname}`), {
    params: Promise.resolve({ slug }),
  })
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    bytes: Buffer.from(await response.arrayBuffer()),
  }
}

const keysInBucket = async () =>
  ((await bucket.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents ?? []).map((item) => item.Key).sort()

const localFiles = () => {
  const dir = path.join(process.env.DATA_DIR as string, 'media')
  return fs.existsSync(dir) ? fs.readdirSync(dir) : []
}

describe('media on S3 (s3rver)', () => {
  it('stores an upload and its sizes in the bucket, none on disk, and serves the same bytes', async () => {
    const image = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#225577' } })
      .png()
      .toBuffer()
    const response = await upload('salary-chart.png', image)
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    const doc = response.body.doc as {
      id: string
      filename: string
      url: string
      sizes: Record<string, { filename: string; url: string }>
    }

    const keys = await keysInBucket()
    expect(keys).toContain('salary-chart.png')
    for (const size of ['thumbnail', 'card', 'og']) expect(keys).toContain(doc.sizes[size].filename)
    const stored = await bucket.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'salary-chart.png' }))
    expect(Buffer.from(await stored.Body!.transformToByteArray()).equals(image)).toBe(true)
    expect(localFiles()).toEqual([])

    expect(doc.url).toBe('/api/media/file/salary-chart.png')
    const file = await served(doc.url)
    expect(file.status).toBe(200)
    expect(file.type).toBe('image/png')
    expect(file.bytes.equals(image)).toBe(true)
    const thumbnail = await served(doc.sizes.thumbnail.url)
    expect(thumbnail.status).toBe(200)
    expect((await sharp(thumbnail.bytes).metadata()).width).toBe(400)
  })

  it('deletes the objects with the document, and a file gone from the bucket answers 404', async () => {
    const response = await upload(
      'to-delete.png',
      await sharp({ create: { width: 20, height: 20, channels: 3, background: '#aa0000' } })
        .png()
        .toBuffer(),
    )
    expect(response.status).toBe(201)
    const { id, filename } = response.body.doc as { id: string; filename: string }
    expect(await keysInBucket()).toContain(filename)

    await ctx.payload.delete({ collection: 'media', id })
    expect((await keysInBucket()).filter((key) => key?.startsWith('to-delete'))).toEqual([])
    expect((await served(`/api/media/file/${filename}`)).status).toBe(404)

    // An object removed behind Payload's back is a 404 for readers too, not a server error.
    const kept = await upload(
      'removed-by-hand.png',
      await sharp({ create: { width: 20, height: 20, channels: 3, background: '#00aa00' } })
        .png()
        .toBuffer(),
    )
    await bucket.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: kept.body.doc.filename }))
    expect((await served(kept.body.doc.url)).status).toBe(404)
  })
})
