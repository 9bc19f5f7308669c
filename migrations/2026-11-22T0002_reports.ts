// The anonymous meldpunt: reports, their photos, messages and timeline, and follow-up sessions.
// Free text, contact details, addresses, messages and photos are stored only encrypted (bytea).
// No column holds an IP address, user agent or any device data.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('report')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('region_id', 'text', (c) => c.notNull().references('region.id').onDelete('restrict'))
		// null: the worker did not know the gemeente → the region's coordinator queue.
		.addColumn('gemeente_id', 'text', (c) => c.references('gemeente.id').onDelete('restrict'))
		.addColumn('category_group', 'text', (c) => c.notNull())
		.addColumn('situations', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
		.addColumn('subject_type', 'text')
		.addColumn('occurred', 'text')
		.addColumn('affected', 'text')
		.addColumn('consent_level', 'smallint', (c) =>
			c.notNull().check(sql`consent_level between 1 and 3`)
		)
		.addColumn('locale', 'text', (c) => c.notNull())
		.addColumn('priority', 'text', (c) =>
			c.notNull().check(sql`priority in ('low', 'normal', 'high', 'urgent')`)
		)
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('new'))
		.addColumn('closed_reason', 'text')
		.addColumn('has_contact', 'boolean', (c) => c.notNull())
		.addColumn('photo_count', 'smallint', (c) => c.notNull().defaultTo(0))
		.addColumn('channel', 'text', (c) => c.notNull().defaultTo('web'))
		.addColumn('data_key', 'bytea', (c) => c.notNull())
		.addColumn('content', 'bytea', (c) => c.notNull())
		.addColumn('receipt_hash', 'bytea', (c) => c.notNull().unique())
		.addColumn('submission_hash', 'bytea', (c) => c.notNull().unique())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('report_gemeente_status_idx')
		.on('report')
		.columns(['gemeente_id', 'status', 'created_at'])
		.execute();
	await db.schema
		.createIndex('report_region_created_idx')
		.on('report')
		.columns(['region_id', 'created_at'])
		.execute();

	await db.schema
		.createTable('report_photo')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('report_id', 'uuid', (c) => c.notNull().references('report.id').onDelete('cascade'))
		.addColumn('origin', 'text', (c) =>
			c.notNull().check(sql`origin in ('report', 'reporter', 'staff')`)
		)
		.addColumn('mime', 'text', (c) => c.notNull())
		.addColumn('width', 'integer', (c) => c.notNull())
		.addColumn('height', 'integer', (c) => c.notNull())
		.addColumn('size', 'integer', (c) => c.notNull())
		.addColumn('content', 'bytea', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('report_photo_report_idx')
		.on('report_photo')
		.column('report_id')
		.execute();

	await db.schema
		.createTable('report_message')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('report_id', 'uuid', (c) => c.notNull().references('report.id').onDelete('cascade'))
		.addColumn('author', 'text', (c) =>
			c.notNull().check(sql`author in ('reporter', 'staff', 'system')`)
		)
		.addColumn('staff_user_id', 'uuid', (c) => c.references('staff_user.id').onDelete('set null'))
		// A standard reply: shown to the reporter in their own language from its key.
		.addColumn('template', 'text')
		.addColumn('params', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		// Free text: shown as written, marked with the language it was written in.
		.addColumn('language', 'text')
		.addColumn('body', 'bytea')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('report_message_report_idx')
		.on('report_message')
		.columns(['report_id', 'created_at'])
		.execute();

	await db.schema
		.createTable('report_event')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('report_id', 'uuid', (c) => c.notNull().references('report.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		.addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('report_event_report_idx')
		.on('report_event')
		.columns(['report_id', 'at'])
		.execute();

	await db.schema
		.createTable('followup_session')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('secret_hash', 'bytea', (c) => c.notNull())
		.addColumn('report_id', 'uuid', (c) => c.notNull().references('report.id').onDelete('cascade'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull())
		.addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('followup_session').execute();
	await db.schema.dropTable('report_event').execute();
	await db.schema.dropTable('report_message').execute();
	await db.schema.dropTable('report_photo').execute();
	await db.schema.dropTable('report').execute();
}
