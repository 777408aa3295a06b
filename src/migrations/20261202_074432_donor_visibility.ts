import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`donor_notices\` ADD \`visibility_emblem_required\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`donor_notices\` ADD \`visibility_statement_required\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`donor_notices\` ADD \`visibility_disclaimer_required\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`donor_notices\` ADD \`visibility_min_emblem_width\` numeric;`)
  await db.run(sql`ALTER TABLE \`donor_notices\` ADD \`visibility_min_emblem_height\` numeric;`)
  await db.run(sql`ALTER TABLE \`donor_notices\` ADD \`visibility_enforce\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_donor_notices_v\` ADD \`version_visibility_emblem_required\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_donor_notices_v\` ADD \`version_visibility_statement_required\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_donor_notices_v\` ADD \`version_visibility_disclaimer_required\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_donor_notices_v\` ADD \`version_visibility_min_emblem_width\` numeric;`)
  await db.run(sql`ALTER TABLE \`_donor_notices_v\` ADD \`version_visibility_min_emblem_height\` numeric;`)
  await db.run(sql`ALTER TABLE \`_donor_notices_v\` ADD \`version_visibility_enforce\` integer DEFAULT false;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`donor_notices\` DROP COLUMN \`visibility_emblem_required\`;`)
  await db.run(sql`ALTER TABLE \`donor_notices\` DROP COLUMN \`visibility_statement_required\`;`)
  await db.run(sql`ALTER TABLE \`donor_notices\` DROP COLUMN \`visibility_disclaimer_required\`;`)
  await db.run(sql`ALTER TABLE \`donor_notices\` DROP COLUMN \`visibility_min_emblem_width\`;`)
  await db.run(sql`ALTER TABLE \`donor_notices\` DROP COLUMN \`visibility_min_emblem_height\`;`)
  await db.run(sql`ALTER TABLE \`donor_notices\` DROP COLUMN \`visibility_enforce\`;`)
  await db.run(sql`ALTER TABLE \`_donor_notices_v\` DROP COLUMN \`version_visibility_emblem_required\`;`)
  await db.run(sql`ALTER TABLE \`_donor_notices_v\` DROP COLUMN \`version_visibility_statement_required\`;`)
  await db.run(sql`ALTER TABLE \`_donor_notices_v\` DROP COLUMN \`version_visibility_disclaimer_required\`;`)
  await db.run(sql`ALTER TABLE \`_donor_notices_v\` DROP COLUMN \`version_visibility_min_emblem_width\`;`)
  await db.run(sql`ALTER TABLE \`_donor_notices_v\` DROP COLUMN \`version_visibility_min_emblem_height\`;`)
  await db.run(sql`ALTER TABLE \`_donor_notices_v\` DROP COLUMN \`version_visibility_enforce\`;`)
}
