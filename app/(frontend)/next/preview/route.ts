import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import type { NextRequest } from 'next/server'

import { payloadClient } from '@/data'
import { isPreviewablePath, previewSecret } from '@/config/preview'

/** Turns on draft mode for a signed-in editor who holds the preview link, then opens the page. */
export async function GET(request: NextRequest): Promise<Response> {
  const path = request.nextUrl.searchParams.get('path')
  const secret = request.nextUrl.searchParams.get('secret')
  if (!isPreviewablePath(path) || secret !== previewSecret()) {
    return new Response('This preview link is not valid.', { status: 403 })
  }
  const payload = await payloadClient()
  const { user } = await payload.auth({ headers: request.headers })
  if (!user) return new Response('Sign in to the admin to preview drafts.', { status: 403 })
  const mode = await draftMode()
  mode.enable()
  redirect(path)
}
