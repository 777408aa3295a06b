import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`public_snapshots\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`collection\` text NOT NULL,
  	\`document\` text NOT NULL,
  	\`locale\` text NOT NULL,
  	\`depth\` numeric NOT NULL,
  	\`body\` text,
  	\`stale\` integer DEFAULT true,
  	\`token\` text,
  	\`deps\` text,
  	\`refs\` text,
  	\`expires_at\` text,
  	\`doc_created_at\` text,
  	\`doc_updated_at\` text,
  	\`start_date\` text,
  	\`end_date\` text,
  	\`release_date\` text,
  	\`embargo_until\` text,
  	\`slug\` text,
  	\`status\` text,
  	\`event_type\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`public_snapshots_collection_idx\` ON \`public_snapshots\` (\`collection\`);`)
  await db.run(sql`CREATE INDEX \`public_snapshots_document_idx\` ON \`public_snapshots\` (\`document\`);`)
  await db.run(sql`CREATE INDEX \`public_snapshots_stale_idx\` ON \`public_snapshots\` (\`stale\`);`)
  await db.run(sql`CREATE INDEX \`collection_locale_depth_startDate_idx\` ON \`public_snapshots\` (\`collection\`,\`locale\`,\`depth\`,\`start_date\`);`)
  await db.run(sql`CREATE INDEX \`collection_locale_depth_releaseDate_idx\` ON \`public_snapshots\` (\`collection\`,\`locale\`,\`depth\`,\`release_date\`);`)
  await db.run(sql`CREATE INDEX \`collection_locale_depth_docCreatedAt_idx\` ON \`public_snapshots\` (\`collection\`,\`locale\`,\`depth\`,\`doc_created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`collection_document_locale_depth_idx\` ON \`public_snapshots\` (\`collection\`,\`document\`,\`locale\`,\`depth\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`public_snapshots\`;`)
}
