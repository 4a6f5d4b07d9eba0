import { runScript } from '../../../src/scripts/runScript'

/**
 * What the admin's "Schedule publish" stores: a publish job for one article, due now. Run with
 * `payload run` against the end-to-end server's database; the server's job runner does the rest.
 */
await runScript(async (payload) => {
  const id = process.env.SCHEDULE_ARTICLE_ID
  if (!id) throw new Error('SCHEDULE_ARTICLE_ID is not set')
  await payload.jobs.queue({
    task: 'schedulePublish',
    input: { type: 'publish', doc: { relationTo: 'articles', value: id } },
    waitUntil: new Date(),
  })
})
