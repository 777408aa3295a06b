import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`events_recurrence_weekdays\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`events_recurrence_weekdays_order_idx\` ON \`events_recurrence_weekdays\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`events_recurrence_weekdays_parent_idx\` ON \`events_recurrence_weekdays\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`events_excluded_dates\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`date\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`events_excluded_dates_order_idx\` ON \`events_excluded_dates\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`events_excluded_dates_parent_id_idx\` ON \`events_excluded_dates\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`events_occurrence_changes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`occurrence_start\` text,
  	\`cancelled\` integer DEFAULT false,
  	\`start\` text,
  	\`end\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`events_occurrence_changes_order_idx\` ON \`events_occurrence_changes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`events_occurrence_changes_parent_id_idx\` ON \`events_occurrence_changes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`events_occurrence_changes_locales\` (
  	\`venue\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`events_occurrence_changes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`events_occurrence_changes_locales_locale_parent_id_unique\` ON \`events_occurrence_changes_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`events_occurrence_changes_locales_parent_id_idx\` ON \`events_occurrence_changes_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_events_v_version_recurrence_weekdays\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_events_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_events_v_version_recurrence_weekdays_order_idx\` ON \`_events_v_version_recurrence_weekdays\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_recurrence_weekdays_parent_idx\` ON \`_events_v_version_recurrence_weekdays\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_events_v_version_excluded_dates\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`date\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_events_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_events_v_version_excluded_dates_order_idx\` ON \`_events_v_version_excluded_dates\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_excluded_dates_parent_id_idx\` ON \`_events_v_version_excluded_dates\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_events_v_version_occurrence_changes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`occurrence_start\` text,
  	\`cancelled\` integer DEFAULT false,
  	\`start\` text,
  	\`end\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_events_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_events_v_version_occurrence_changes_order_idx\` ON \`_events_v_version_occurrence_changes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_occurrence_changes_parent_id_idx\` ON \`_events_v_version_occurrence_changes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_events_v_version_occurrence_changes_locales\` (
  	\`venue\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_events_v_version_occurrence_changes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_events_v_version_occurrence_changes_locales_locale_parent_i\` ON \`_events_v_version_occurrence_changes_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_occurrence_changes_locales_parent_id_idx\` ON \`_events_v_version_occurrence_changes_locales\` (\`_parent_id\`);`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`recurrence_frequency\` text;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`recurrence_interval\` numeric DEFAULT 1;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`recurrence_until\` text;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`recurrence_count\` numeric;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`recurrence_rrule\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_recurrence_frequency\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_recurrence_interval\` numeric DEFAULT 1;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_recurrence_until\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_recurrence_count\` numeric;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_recurrence_rrule\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`events_recurrence_weekdays\`;`)
  await db.run(sql`DROP TABLE \`events_excluded_dates\`;`)
  await db.run(sql`DROP TABLE \`events_occurrence_changes\`;`)
  await db.run(sql`DROP TABLE \`events_occurrence_changes_locales\`;`)
  await db.run(sql`DROP TABLE \`_events_v_version_recurrence_weekdays\`;`)
  await db.run(sql`DROP TABLE \`_events_v_version_excluded_dates\`;`)
  await db.run(sql`DROP TABLE \`_events_v_version_occurrence_changes\`;`)
  await db.run(sql`DROP TABLE \`_events_v_version_occurrence_changes_locales\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`recurrence_frequency\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`recurrence_interval\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`recurrence_until\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`recurrence_count\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`recurrence_rrule\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_recurrence_frequency\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_recurrence_interval\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_recurrence_until\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_recurrence_count\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_recurrence_rrule\`;`)
}
