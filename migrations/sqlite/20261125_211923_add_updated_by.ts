import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`updated_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`articles_updated_by_idx\` ON \`articles\` (\`updated_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_updated_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_updated_by_idx\` ON \`_articles_v\` (\`version_updated_by_id\`);`)
  await db.run(sql`ALTER TABLE \`salary_tables\` ADD \`updated_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`salary_tables_updated_by_idx\` ON \`salary_tables\` (\`updated_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_salary_tables_v\` ADD \`version_updated_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`_salary_tables_v_version_version_updated_by_idx\` ON \`_salary_tables_v\` (\`version_updated_by_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_articles\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`excerpt\` text,
  	\`hero_image_id\` text(36),
  	\`content\` text,
  	\`slug\` text,
  	\`category_id\` text(36),
  	\`published_at\` text,
  	\`featured\` integer DEFAULT false,
  	\`reading_time\` numeric,
  	\`meta_title\` text,
  	\`meta_description\` text,
  	\`meta_image_id\` text(36),
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`hero_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`category_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`meta_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_articles\`("id", "title", "excerpt", "hero_image_id", "content", "slug", "category_id", "published_at", "featured", "reading_time", "meta_title", "meta_description", "meta_image_id", "updated_at", "created_at", "_status") SELECT "id", "title", "excerpt", "hero_image_id", "content", "slug", "category_id", "published_at", "featured", "reading_time", "meta_title", "meta_description", "meta_image_id", "updated_at", "created_at", "_status" FROM \`articles\`;`)
  await db.run(sql`DROP TABLE \`articles\`;`)
  await db.run(sql`ALTER TABLE \`__new_articles\` RENAME TO \`articles\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`articles_hero_image_idx\` ON \`articles\` (\`hero_image_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`articles_slug_idx\` ON \`articles\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`articles_category_idx\` ON \`articles\` (\`category_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_published_at_idx\` ON \`articles\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_featured_idx\` ON \`articles\` (\`featured\`);`)
  await db.run(sql`CREATE INDEX \`articles_meta_meta_image_idx\` ON \`articles\` (\`meta_image_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_updated_at_idx\` ON \`articles\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_created_at_idx\` ON \`articles\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`articles__status_idx\` ON \`articles\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__articles_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_title\` text,
  	\`version_excerpt\` text,
  	\`version_hero_image_id\` text(36),
  	\`version_content\` text,
  	\`version_slug\` text,
  	\`version_category_id\` text(36),
  	\`version_published_at\` text,
  	\`version_featured\` integer DEFAULT false,
  	\`version_reading_time\` numeric,
  	\`version_meta_title\` text,
  	\`version_meta_description\` text,
  	\`version_meta_image_id\` text(36),
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_hero_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_category_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_meta_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__articles_v\`("id", "parent_id", "version_title", "version_excerpt", "version_hero_image_id", "version_content", "version_slug", "version_category_id", "version_published_at", "version_featured", "version_reading_time", "version_meta_title", "version_meta_description", "version_meta_image_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave") SELECT "id", "parent_id", "version_title", "version_excerpt", "version_hero_image_id", "version_content", "version_slug", "version_category_id", "version_published_at", "version_featured", "version_reading_time", "version_meta_title", "version_meta_description", "version_meta_image_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave" FROM \`_articles_v\`;`)
  await db.run(sql`DROP TABLE \`_articles_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__articles_v\` RENAME TO \`_articles_v\`;`)
  await db.run(sql`CREATE INDEX \`_articles_v_parent_idx\` ON \`_articles_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_hero_image_idx\` ON \`_articles_v\` (\`version_hero_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_slug_idx\` ON \`_articles_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_category_idx\` ON \`_articles_v\` (\`version_category_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_published_at_idx\` ON \`_articles_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_featured_idx\` ON \`_articles_v\` (\`version_featured\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_meta_version_meta_image_idx\` ON \`_articles_v\` (\`version_meta_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_updated_at_idx\` ON \`_articles_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_created_at_idx\` ON \`_articles_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version__status_idx\` ON \`_articles_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_created_at_idx\` ON \`_articles_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_updated_at_idx\` ON \`_articles_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_latest_idx\` ON \`_articles_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_autosave_idx\` ON \`_articles_v\` (\`autosave\`);`)
  await db.run(sql`CREATE TABLE \`__new_salary_tables\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`currency\` text DEFAULT 'USD',
  	\`period\` text,
  	\`as_of\` text,
  	\`notes\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`INSERT INTO \`__new_salary_tables\`("id", "title", "currency", "period", "as_of", "notes", "updated_at", "created_at", "_status") SELECT "id", "title", "currency", "period", "as_of", "notes", "updated_at", "created_at", "_status" FROM \`salary_tables\`;`)
  await db.run(sql`DROP TABLE \`salary_tables\`;`)
  await db.run(sql`ALTER TABLE \`__new_salary_tables\` RENAME TO \`salary_tables\`;`)
  await db.run(sql`CREATE INDEX \`salary_tables_updated_at_idx\` ON \`salary_tables\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`salary_tables_created_at_idx\` ON \`salary_tables\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`salary_tables__status_idx\` ON \`salary_tables\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__salary_tables_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_title\` text,
  	\`version_currency\` text DEFAULT 'USD',
  	\`version_period\` text,
  	\`version_as_of\` text,
  	\`version_notes\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`salary_tables\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__salary_tables_v\`("id", "parent_id", "version_title", "version_currency", "version_period", "version_as_of", "version_notes", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_currency", "version_period", "version_as_of", "version_notes", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_salary_tables_v\`;`)
  await db.run(sql`DROP TABLE \`_salary_tables_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__salary_tables_v\` RENAME TO \`_salary_tables_v\`;`)
  await db.run(sql`CREATE INDEX \`_salary_tables_v_parent_idx\` ON \`_salary_tables_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_salary_tables_v_version_version_updated_at_idx\` ON \`_salary_tables_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_salary_tables_v_version_version_created_at_idx\` ON \`_salary_tables_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_salary_tables_v_version_version__status_idx\` ON \`_salary_tables_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_salary_tables_v_created_at_idx\` ON \`_salary_tables_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_salary_tables_v_updated_at_idx\` ON \`_salary_tables_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_salary_tables_v_latest_idx\` ON \`_salary_tables_v\` (\`latest\`);`)
}
