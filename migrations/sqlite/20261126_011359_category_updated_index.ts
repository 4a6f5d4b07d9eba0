import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`category__status_updatedAt_idx\` ON \`articles\` (\`category_id\`,\`_status\`,\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`version_category_version__status_version_updatedAt_idx\` ON \`_articles_v\` (\`version_category_id\`,\`version__status\`,\`version_updated_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`category__status_updatedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version_category_version__status_version_updatedAt_idx\`;`)
}
