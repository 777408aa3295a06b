import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
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
  await db.run(sql`DROP TABLE \`public_snapshot_deps\`;`)
}
