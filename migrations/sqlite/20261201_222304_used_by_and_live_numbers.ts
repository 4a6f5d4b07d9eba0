import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`summary_figures\` text;`)
  await db.run(sql`ALTER TABLE \`articles_rels\` ADD \`faqs_id\` text(36) REFERENCES faqs(id);`)
  await db.run(sql`ALTER TABLE \`articles_rels\` ADD \`media_id\` text(36) REFERENCES media(id);`)
  await db.run(sql`CREATE INDEX \`articles_rels_faqs_id_idx\` ON \`articles_rels\` (\`faqs_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_media_id_idx\` ON \`articles_rels\` (\`media_id\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_summary_figures\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v_rels\` ADD \`faqs_id\` text(36) REFERENCES faqs(id);`)
  await db.run(sql`ALTER TABLE \`_articles_v_rels\` ADD \`media_id\` text(36) REFERENCES media(id);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_faqs_id_idx\` ON \`_articles_v_rels\` (\`faqs_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_media_id_idx\` ON \`_articles_v_rels\` (\`media_id\`);`)
  await db.run(sql`ALTER TABLE \`faqs\` ADD \`note_figures\` text;`)
  await db.run(sql`ALTER TABLE \`_faqs_v\` ADD \`version_note_figures\` text;`)
  // Existing articles: the FAQs their FAQ lists show and their hero and share images, as the save
  // hooks now keep them (collections/Articles/hooks/indexUses.ts), for "Used by" and card dates.
  // Images inside the content and the numbers bound to figures follow on each article's next save.
  await db.run(sql`
    INSERT INTO articles_rels ("order", parent_id, path, faqs_id)
    SELECT ROW_NUMBER() OVER (PARTITION BY parent ORDER BY first), parent, 'faqs', faq FROM (
      SELECT a.id AS parent, t.value AS faq, MIN(t.fullkey) AS first
      FROM articles a, json_tree(a.content) t
      WHERE t.type = 'text' AND t.path LIKE '%.fields.faqs'
        AND json_extract(a.content, substr(t.path, 1, length(t.path) - 5) || '.blockType') = 'faqList'
        AND EXISTS (SELECT 1 FROM faqs f WHERE f.id = t.value)
      GROUP BY a.id, t.value
    );`)
  await db.run(sql`
    INSERT INTO articles_rels ("order", parent_id, path, media_id)
    SELECT 1, id, 'images', hero_image_id FROM articles WHERE hero_image_id IS NOT NULL;`)
  await db.run(sql`
    INSERT INTO articles_rels ("order", parent_id, path, media_id)
    SELECT 2, id, 'images', meta_image_id FROM articles
    WHERE meta_image_id IS NOT NULL AND meta_image_id IS NOT hero_image_id;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_articles_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`articles_id\` text(36),
  	\`users_id\` text(36),
  	\`salary_tables_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`salary_tables_id\`) REFERENCES \`salary_tables\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_articles_rels\`("id", "order", "parent_id", "path", "articles_id", "users_id", "salary_tables_id") SELECT "id", "order", "parent_id", "path", "articles_id", "users_id", "salary_tables_id" FROM \`articles_rels\`;`)
  await db.run(sql`DROP TABLE \`articles_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_articles_rels\` RENAME TO \`articles_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`articles_rels_order_idx\` ON \`articles_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_parent_idx\` ON \`articles_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_path_idx\` ON \`articles_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_articles_id_idx\` ON \`articles_rels\` (\`articles_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_users_id_idx\` ON \`articles_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_salary_tables_id_idx\` ON \`articles_rels\` (\`salary_tables_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__articles_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`articles_id\` text(36),
  	\`users_id\` text(36),
  	\`salary_tables_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_articles_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`salary_tables_id\`) REFERENCES \`salary_tables\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__articles_v_rels\`("id", "order", "parent_id", "path", "articles_id", "users_id", "salary_tables_id") SELECT "id", "order", "parent_id", "path", "articles_id", "users_id", "salary_tables_id" FROM \`_articles_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_articles_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__articles_v_rels\` RENAME TO \`_articles_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_order_idx\` ON \`_articles_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_parent_idx\` ON \`_articles_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_path_idx\` ON \`_articles_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_articles_id_idx\` ON \`_articles_v_rels\` (\`articles_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_users_id_idx\` ON \`_articles_v_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_salary_tables_id_idx\` ON \`_articles_v_rels\` (\`salary_tables_id\`);`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`summary_figures\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_summary_figures\`;`)
  await db.run(sql`ALTER TABLE \`faqs\` DROP COLUMN \`note_figures\`;`)
  await db.run(sql`ALTER TABLE \`_faqs_v\` DROP COLUMN \`version_note_figures\`;`)
}
