import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Articles } from './collections/Articles'
import { Categories } from './collections/Categories'
import { Faqs } from './collections/Faqs'
import { MAX_UPLOAD_BYTES, Media } from './collections/Media'
import { SalaryTables } from './collections/SalaryTables'
import { Users } from './collections/Users'
import { editors } from './src/access'
import { authMutations } from './src/auth/graphql'
import { health } from './src/endpoints/health'
import { depthLimit } from './src/graphql/depthLimit'
import { databaseUnavailable } from './src/hooks/databaseUnavailable'
import { articleEditor } from './src/editor/article'
import { Site } from './src/globals/Site'
import { databaseAdapter } from './src/db/adapter'
import { isJobRunner, jobsRunOverHttp } from './src/config/jobRunner'
import { emailAdapter } from './src/config/email'
import { payloadSecret, trustedOrigins } from './src/config/env'
import { plugins } from './src/plugins'
import { SITE_NAME } from './src/seo/site'

const dirname = path.dirname(fileURLToPath(import.meta.url))

// A refused stale save (src/hooks/refuseStaleSave.ts) is an answer to an editor, not a server
// fault. A save refused because the database file is gone (src/db/databaseFile.ts) is logged, as
// an error, once when the file goes; each refusal after that is a line, not a stack trace. A body
// that is not an object of fields (src/hooks/rejectMalformedInput.ts) is the client's mistake.
// Payload's type lists only its own error names; it reads any.
const loggingLevels: Record<string, 'info'> = { EditConflict: 'info', DatabaseFileGone: 'info', MalformedInput: 'info' }

export default buildConfig({
  serverURL: process.env.NEXT_PUBLIC_SERVER_URL || undefined,
  admin: {
    user: Users.slug,
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ` · ${SITE_NAME} admin` },
    components: {
      beforeDashboard: ['/src/import/admin/ImportLink#ImportLink', '/src/admin/FigureHealth#FigureHealth'],
      // Says when "Forgot password?" cannot send its email (no SMTP_HOST).
      afterLogin: ['/src/admin/EmailNotice#EmailNotice'],
      views: {
        importPost: { Component: '/src/import/admin/ImportView#ImportView', path: '/import', exact: true },
      },
    },
    livePreview: {
      breakpoints: [
        { label: 'Phone', name: 'phone', width: 375, height: 740 },
        { label: 'Tablet', name: 'tablet', width: 768, height: 1024 },
        { label: 'Desktop', name: 'desktop', width: 1280, height: 900 },
      ],
    },
  },
  // Every collection and global gets the input guard from src/plugins (guardEveryWrite).
  collections: [Articles, SalaryTables, Faqs, Categories, Media, Users],
  globals: [Site],
  endpoints: [health],
  hooks: {
    afterError: [databaseUnavailable],
  },
  editor: articleEditor,
  db: databaseAdapter(),
  // SMTP from SMTP_HOST…SMTP_FROM, or Payload's console adapter without them (src/config/email.ts).
  email: emailAdapter(),
  secret: payloadSecret(),
  sharp,
  plugins,
  cors: trustedOrigins(),
  csrf: trustedOrigins(),
  graphQL: {
    disablePlaygroundInProduction: true,
    maxComplexity: 1000,
    // Payload's default, stated: the schema (every collection, field and argument) is not for
    // anonymous clients. Signed-in staff use the development server's playground.
    disableIntrospectionInProduction: true,
    validationRules: () => [depthLimit()],
    // Sign-in and password reset over GraphQL, throttled and timed as over REST (src/auth).
    mutations: authMutations as never,
  },
  loggingLevels,
  upload: {
    limits: { fileSize: MAX_UPLOAD_BYTES },
    responseOnLimit: `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB, the largest upload allowed.`,
  },
  jobs: {
    access: { run: ({ req }) => isJobRunner(req) || (editors({ req }) as boolean) },
    // Scheduled publishing: every ten seconds the server runs the jobs whose time has come; the
    // production server does it through a request, so the pages follow (src/config/jobRunner.ts).
    autoRun: [{ cron: '*/10 * * * * *', queue: 'default', limit: 20 }],
    shouldAutoRun: () =>
      process.env.NEXT_PHASE !== 'phase-production-build' &&
      process.env.VALENX_DISABLE_JOBS !== '1' &&
      !jobsRunOverHttp(),
  },
  typescript: {
    outputFile: path.resolve(dirname, 'payload-types.ts'),
  },
  telemetry: false,
})
