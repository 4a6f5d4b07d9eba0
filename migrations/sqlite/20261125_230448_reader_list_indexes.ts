import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`_status_publishedAt_createdAt_slug_updatedAt_category_idx\` ON \`articles\` (\`_status\`,\`published_at\`,\`created_at\`,\`slug\`,\`updated_at\`,\`category_id\`);`)
  await db.run(sql`CREATE INDEX \`category__status_publishedAt_createdAt_idx\` ON \`articles\` (\`category_id\`,\`_status\`,\`published_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`compound_index_idx\` ON \`_articles_v\` (\`version__status\`,\`version_published_at\`,\`version_created_at\`,\`version_slug\`,\`version_updated_at\`,\`version_category_id\`);`)
  await db.run(sql`CREATE INDEX \`compound_index_1_idx\` ON \`_articles_v\` (\`version_category_id\`,\`version__status\`,\`version_published_at\`,\`version_created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`_status_publishedAt_createdAt_slug_updatedAt_category_idx\`;`)
  await db.run(sql`DROP INDEX \`category__status_publishedAt_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`compound_index_idx\`;`)
  await db.run(sql`DROP INDEX \`compound_index_1_idx\`;`)
}
