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
  await db.run(sql`CREATE TABLE \`rate_limit_hits\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`at\` numeric NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`rate_limit_hits_key_idx\` ON \`rate_limit_hits\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`rate_limit_hits_at_idx\` ON \`rate_limit_hits\` (\`at\`);`)
  await db.run(sql`CREATE TABLE \`search_index\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`collection\` text NOT NULL,
  	\`document\` text NOT NULL,
  	\`locale\` text NOT NULL,
  	\`title\` text NOT NULL,
  	\`summary\` text,
  	\`slug\` text,
  	\`slug_locale\` text,
  	\`title_terms\` text,
  	\`terms\` text,
  	\`date\` text,
  	\`embargo_until\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`locale_collection_date_idx\` ON \`search_index\` (\`locale\`,\`collection\`,\`date\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`collection_document_locale_idx\` ON \`search_index\` (\`collection\`,\`document\`,\`locale\`);`)
  await db.run(sql`CREATE TABLE \`slug_redirects\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`from\` text NOT NULL,
  	\`collection\` text NOT NULL,
  	\`locale\` text NOT NULL,
  	\`document\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`slug_redirects_from_idx\` ON \`slug_redirects\` (\`from\`);`)
  await db.run(sql`CREATE INDEX \`slug_redirects_document_idx\` ON \`slug_redirects\` (\`document\`);`)
  await db.run(sql`CREATE INDEX \`slug_redirects_updated_at_idx\` ON \`slug_redirects\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`slug_redirects_created_at_idx\` ON \`slug_redirects\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`collection_locale_from_idx\` ON \`slug_redirects\` (\`collection\`,\`locale\`,\`from\`);`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`recurrence_frequency\` text;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`recurrence_interval\` numeric DEFAULT 1;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`recurrence_until\` text;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`recurrence_count\` numeric;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`recurrence_rrule\` text;`)
  await db.run(sql`ALTER TABLE \`events_locales\` ADD \`meta_title\` text;`)
  await db.run(sql`ALTER TABLE \`events_locales\` ADD \`meta_description\` text;`)
  await db.run(sql`ALTER TABLE \`events_locales\` ADD \`meta_image_id\` integer REFERENCES media(id);`)
  await db.run(sql`CREATE INDEX \`events_meta_meta_image_idx\` ON \`events_locales\` (\`meta_image_id\`,\`_locale\`);`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_recurrence_frequency\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_recurrence_interval\` numeric DEFAULT 1;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_recurrence_until\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_recurrence_count\` numeric;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_recurrence_rrule\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v_locales\` ADD \`version_meta_title\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v_locales\` ADD \`version_meta_description\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v_locales\` ADD \`version_meta_image_id\` integer REFERENCES media(id);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_meta_version_meta_image_idx\` ON \`_events_v_locales\` (\`version_meta_image_id\`,\`_locale\`);`)
  await db.run(sql`ALTER TABLE \`press_releases_locales\` ADD \`meta_title\` text;`)
  await db.run(sql`ALTER TABLE \`press_releases_locales\` ADD \`meta_description\` text;`)
  await db.run(sql`ALTER TABLE \`press_releases_locales\` ADD \`meta_image_id\` integer REFERENCES media(id);`)
  await db.run(sql`CREATE INDEX \`press_releases_meta_meta_image_idx\` ON \`press_releases_locales\` (\`meta_image_id\`,\`_locale\`);`)
  await db.run(sql`ALTER TABLE \`_press_releases_v_locales\` ADD \`version_meta_title\` text;`)
  await db.run(sql`ALTER TABLE \`_press_releases_v_locales\` ADD \`version_meta_description\` text;`)
  await db.run(sql`ALTER TABLE \`_press_releases_v_locales\` ADD \`version_meta_image_id\` integer REFERENCES media(id);`)
  await db.run(sql`CREATE INDEX \`_press_releases_v_version_meta_version_meta_image_idx\` ON \`_press_releases_v_locales\` (\`version_meta_image_id\`,\`_locale\`);`)
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
  await db.run(sql`ALTER TABLE \`organisations_locales\` ADD \`meta_title\` text;`)
  await db.run(sql`ALTER TABLE \`organisations_locales\` ADD \`meta_description\` text;`)
  await db.run(sql`ALTER TABLE \`organisations_locales\` ADD \`meta_image_id\` integer REFERENCES media(id);`)
  await db.run(sql`CREATE INDEX \`organisations_meta_meta_image_idx\` ON \`organisations_locales\` (\`meta_image_id\`,\`_locale\`);`)
  await db.run(sql`ALTER TABLE \`projects_locales\` ADD \`meta_title\` text;`)
  await db.run(sql`ALTER TABLE \`projects_locales\` ADD \`meta_description\` text;`)
  await db.run(sql`ALTER TABLE \`projects_locales\` ADD \`meta_image_id\` integer REFERENCES media(id);`)
  await db.run(sql`CREATE INDEX \`projects_meta_meta_image_idx\` ON \`projects_locales\` (\`meta_image_id\`,\`_locale\`);`)
  await db.run(sql`ALTER TABLE \`_projects_v_locales\` ADD \`version_meta_title\` text;`)
  await db.run(sql`ALTER TABLE \`_projects_v_locales\` ADD \`version_meta_description\` text;`)
  await db.run(sql`ALTER TABLE \`_projects_v_locales\` ADD \`version_meta_image_id\` integer REFERENCES media(id);`)
  await db.run(sql`CREATE INDEX \`_projects_v_version_meta_version_meta_image_idx\` ON \`_projects_v_locales\` (\`version_meta_image_id\`,\`_locale\`);`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`prefix\` text DEFAULT '';`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`_objectkey\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`slug_redirects_id\` integer REFERENCES slug_redirects(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_slug_redirects_id_idx\` ON \`payload_locked_documents_rels\` (\`slug_redirects_id\`);`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`reset_password_requested_at\`;`)
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
  await db.run(sql`DROP TABLE \`rate_limit_hits\`;`)
  await db.run(sql`DROP TABLE \`search_index\`;`)
  await db.run(sql`DROP TABLE \`slug_redirects\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_events_locales\` (
  	\`title\` text,
  	\`generate_slug\` integer DEFAULT true,
  	\`slug\` text,
  	\`summary\` text,
  	\`description\` text,
  	\`venue_name\` text,
  	\`venue_address\` text,
  	\`venue_city\` text,
  	\`audience\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_events_locales\`("title", "generate_slug", "slug", "summary", "description", "venue_name", "venue_address", "venue_city", "audience", "id", "_locale", "_parent_id") SELECT "title", "generate_slug", "slug", "summary", "description", "venue_name", "venue_address", "venue_city", "audience", "id", "_locale", "_parent_id" FROM \`events_locales\`;`)
  await db.run(sql`DROP TABLE \`events_locales\`;`)
  await db.run(sql`ALTER TABLE \`__new_events_locales\` RENAME TO \`events_locales\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`events_slug_idx\` ON \`events_locales\` (\`slug\`,\`_locale\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`events_locales_locale_parent_id_unique\` ON \`events_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`events_locales_parent_id_idx\` ON \`events_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__events_v_locales\` (
  	\`version_title\` text,
  	\`version_generate_slug\` integer DEFAULT true,
  	\`version_slug\` text,
  	\`version_summary\` text,
  	\`version_description\` text,
  	\`version_venue_name\` text,
  	\`version_venue_address\` text,
  	\`version_venue_city\` text,
  	\`version_audience\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_events_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__events_v_locales\`("version_title", "version_generate_slug", "version_slug", "version_summary", "version_description", "version_venue_name", "version_venue_address", "version_venue_city", "version_audience", "id", "_locale", "_parent_id") SELECT "version_title", "version_generate_slug", "version_slug", "version_summary", "version_description", "version_venue_name", "version_venue_address", "version_venue_city", "version_audience", "id", "_locale", "_parent_id" FROM \`_events_v_locales\`;`)
  await db.run(sql`DROP TABLE \`_events_v_locales\`;`)
  await db.run(sql`ALTER TABLE \`__new__events_v_locales\` RENAME TO \`_events_v_locales\`;`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_slug_idx\` ON \`_events_v_locales\` (\`version_slug\`,\`_locale\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`_events_v_locales_locale_parent_id_unique\` ON \`_events_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_locales_parent_id_idx\` ON \`_events_v_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_press_releases_locales\` (
  	\`title\` text,
  	\`subtitle\` text,
  	\`generate_slug\` integer DEFAULT true,
  	\`slug\` text,
  	\`summary\` text,
  	\`body\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`press_releases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_press_releases_locales\`("title", "subtitle", "generate_slug", "slug", "summary", "body", "id", "_locale", "_parent_id") SELECT "title", "subtitle", "generate_slug", "slug", "summary", "body", "id", "_locale", "_parent_id" FROM \`press_releases_locales\`;`)
  await db.run(sql`DROP TABLE \`press_releases_locales\`;`)
  await db.run(sql`ALTER TABLE \`__new_press_releases_locales\` RENAME TO \`press_releases_locales\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`press_releases_slug_idx\` ON \`press_releases_locales\` (\`slug\`,\`_locale\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`press_releases_locales_locale_parent_id_unique\` ON \`press_releases_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`press_releases_locales_parent_id_idx\` ON \`press_releases_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__press_releases_v_locales\` (
  	\`version_title\` text,
  	\`version_subtitle\` text,
  	\`version_generate_slug\` integer DEFAULT true,
  	\`version_slug\` text,
  	\`version_summary\` text,
  	\`version_body\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_press_releases_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__press_releases_v_locales\`("version_title", "version_subtitle", "version_generate_slug", "version_slug", "version_summary", "version_body", "id", "_locale", "_parent_id") SELECT "version_title", "version_subtitle", "version_generate_slug", "version_slug", "version_summary", "version_body", "id", "_locale", "_parent_id" FROM \`_press_releases_v_locales\`;`)
  await db.run(sql`DROP TABLE \`_press_releases_v_locales\`;`)
  await db.run(sql`ALTER TABLE \`__new__press_releases_v_locales\` RENAME TO \`_press_releases_v_locales\`;`)
  await db.run(sql`CREATE INDEX \`_press_releases_v_version_version_slug_idx\` ON \`_press_releases_v_locales\` (\`version_slug\`,\`_locale\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`_press_releases_v_locales_locale_parent_id_unique\` ON \`_press_releases_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_press_releases_v_locales_parent_id_idx\` ON \`_press_releases_v_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_organisations_locales\` (
  	\`name\` text NOT NULL,
  	\`generate_slug\` integer DEFAULT true,
  	\`slug\` text,
  	\`city\` text,
  	\`description\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_organisations_locales\`("name", "generate_slug", "slug", "city", "description", "id", "_locale", "_parent_id") SELECT "name", "generate_slug", "slug", "city", "description", "id", "_locale", "_parent_id" FROM \`organisations_locales\`;`)
  await db.run(sql`DROP TABLE \`organisations_locales\`;`)
  await db.run(sql`ALTER TABLE \`__new_organisations_locales\` RENAME TO \`organisations_locales\`;`)
  await db.run(sql`CREATE INDEX \`organisations_name_idx\` ON \`organisations_locales\` (\`name\`,\`_locale\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`organisations_slug_idx\` ON \`organisations_locales\` (\`slug\`,\`_locale\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`organisations_locales_locale_parent_id_unique\` ON \`organisations_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`organisations_locales_parent_id_idx\` ON \`organisations_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_projects_locales\` (
  	\`title\` text,
  	\`generate_slug\` integer DEFAULT true,
  	\`slug\` text,
  	\`summary\` text,
  	\`description\` text,
  	\`achievements\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`projects\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_projects_locales\`("title", "generate_slug", "slug", "summary", "description", "achievements", "id", "_locale", "_parent_id") SELECT "title", "generate_slug", "slug", "summary", "description", "achievements", "id", "_locale", "_parent_id" FROM \`projects_locales\`;`)
  await db.run(sql`DROP TABLE \`projects_locales\`;`)
  await db.run(sql`ALTER TABLE \`__new_projects_locales\` RENAME TO \`projects_locales\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`projects_slug_idx\` ON \`projects_locales\` (\`slug\`,\`_locale\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`projects_locales_locale_parent_id_unique\` ON \`projects_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`projects_locales_parent_id_idx\` ON \`projects_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__projects_v_locales\` (
  	\`version_title\` text,
  	\`version_generate_slug\` integer DEFAULT true,
  	\`version_slug\` text,
  	\`version_summary\` text,
  	\`version_description\` text,
  	\`version_achievements\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_projects_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__projects_v_locales\`("version_title", "version_generate_slug", "version_slug", "version_summary", "version_description", "version_achievements", "id", "_locale", "_parent_id") SELECT "version_title", "version_generate_slug", "version_slug", "version_summary", "version_description", "version_achievements", "id", "_locale", "_parent_id" FROM \`_projects_v_locales\`;`)
  await db.run(sql`DROP TABLE \`_projects_v_locales\`;`)
  await db.run(sql`ALTER TABLE \`__new__projects_v_locales\` RENAME TO \`_projects_v_locales\`;`)
  await db.run(sql`CREATE INDEX \`_projects_v_version_version_slug_idx\` ON \`_projects_v_locales\` (\`version_slug\`,\`_locale\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`_projects_v_locales_locale_parent_id_unique\` ON \`_projects_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_projects_v_locales_parent_id_idx\` ON \`_projects_v_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`events_id\` integer,
  	\`speakers_id\` integer,
  	\`press_releases_id\` integer,
  	\`donor_notices_id\` integer,
  	\`organisations_id\` integer,
  	\`projects_id\` integer,
  	\`media_id\` integer,
  	\`preview_links_id\` integer,
  	\`users_id\` integer,
  	\`api_keys_id\` integer,
  	\`webhooks_id\` integer,
  	\`webhook_deliveries_id\` integer,
  	\`translation_records_id\` integer,
  	\`translation_imports_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`events_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`speakers_id\`) REFERENCES \`speakers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`press_releases_id\`) REFERENCES \`press_releases\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`donor_notices_id\`) REFERENCES \`donor_notices\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organisations_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`projects_id\`) REFERENCES \`projects\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`preview_links_id\`) REFERENCES \`preview_links\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`api_keys_id\`) REFERENCES \`api_keys\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhooks_id\`) REFERENCES \`webhooks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhook_deliveries_id\`) REFERENCES \`webhook_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`translation_records_id\`) REFERENCES \`translation_records\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`translation_imports_id\`) REFERENCES \`translation_imports\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "events_id", "speakers_id", "press_releases_id", "donor_notices_id", "organisations_id", "projects_id", "media_id", "preview_links_id", "users_id", "api_keys_id", "webhooks_id", "webhook_deliveries_id", "translation_records_id", "translation_imports_id") SELECT "id", "order", "parent_id", "path", "events_id", "speakers_id", "press_releases_id", "donor_notices_id", "organisations_id", "projects_id", "media_id", "preview_links_id", "users_id", "api_keys_id", "webhooks_id", "webhook_deliveries_id", "translation_records_id", "translation_imports_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_events_id_idx\` ON \`payload_locked_documents_rels\` (\`events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_speakers_id_idx\` ON \`payload_locked_documents_rels\` (\`speakers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_press_releases_id_idx\` ON \`payload_locked_documents_rels\` (\`press_releases_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_donor_notices_id_idx\` ON \`payload_locked_documents_rels\` (\`donor_notices_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_organisations_id_idx\` ON \`payload_locked_documents_rels\` (\`organisations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_projects_id_idx\` ON \`payload_locked_documents_rels\` (\`projects_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_preview_links_id_idx\` ON \`payload_locked_documents_rels\` (\`preview_links_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_api_keys_id_idx\` ON \`payload_locked_documents_rels\` (\`api_keys_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhooks_id_idx\` ON \`payload_locked_documents_rels\` (\`webhooks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhook_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`webhook_deliveries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_translation_records_id_idx\` ON \`payload_locked_documents_rels\` (\`translation_records_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_translation_imports_id_idx\` ON \`payload_locked_documents_rels\` (\`translation_imports_id\`);`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`reset_password_requested_at\` text;`)
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
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`prefix\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`_objectkey\`;`)
}
