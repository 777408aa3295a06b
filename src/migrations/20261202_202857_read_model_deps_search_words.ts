import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`search_words\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`word\` text NOT NULL,
  	\`locale\` text NOT NULL,
  	\`row\` text NOT NULL,
  	\`collection\` text NOT NULL,
  	\`in_title\` integer DEFAULT false NOT NULL,
  	\`date\` text,
  	\`embargo_until\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`search_words_row_idx\` ON \`search_words\` (\`row\`);`)
  await db.run(sql`CREATE INDEX \`locale_word_collection_row_inTitle_date_embargoUntil_idx\` ON \`search_words\` (\`locale\`,\`word\`,\`collection\`,\`row\`,\`in_title\`,\`date\`,\`embargo_until\`);`)
  await db.run(sql`CREATE TABLE \`public_snapshot_deps\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`dep\` text NOT NULL,
  	\`collection\` text NOT NULL,
  	\`document\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`public_snapshot_deps_dep_idx\` ON \`public_snapshot_deps\` (\`dep\`);`)
  await db.run(sql`CREATE INDEX \`collection_document_1_idx\` ON \`public_snapshot_deps\` (\`collection\`,\`document\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`search_words\`;`)
  await db.run(sql`DROP TABLE \`public_snapshot_deps\`;`)
}
