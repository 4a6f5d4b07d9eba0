import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import type { NextRequest } from 'next/server'

import { isPreviewablePath } from '@/config/preview'
import { homePath } from '@/lib/paths'

export async function GET(request: NextRequest): Promise<Response> {
  const mode = await draftMode()
  mode.disable()
  const path = request.nextUrl.searchParams.get('path')
  redirect(isPreviewablePath(path) ? path : homePath())
}
