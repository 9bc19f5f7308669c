// The gemeente's side of the meldpunt: assignment, service levels, internal notes, referrals to
// partners, retention tombstones. Internal notes and referral packages are encrypted like reports.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('report')
		.addColumn('assigned_to', 'uuid', (c) => c.references('staff_user.id').onDelete('set null'))
		.addColumn('duplicate_of', 'uuid', (c) => c.references('report.id').onDelete('set null'))
		.addColumn('ack_due_at', 'timestamptz')
		.addColumn('feedback_due_at', 'timestamptz')
		.addColumn('acknowledged_at', 'timestamptz')
		.addColumn('feedback_at', 'timestamptz')
		.addColumn('closed_at', 'timestamptz')
		.addColumn('contact_wiped_at', 'timestamptz')
		.execute();
	await sql`update report set ack_due_at = created_at + interval '7 days',
		feedback_due_at = created_at + interval '90 days'`.execute(db);
	await db.schema
		.createIndex('report_inbox_idx')
		.on('report')
		.columns(['region_id', 'gemeente_id', 'created_at', 'id'])
		.execute();
	await db.schema
		.createIndex('report_status_idx')
		.on('report')
		.columns(['status', 'ack_due_at'])
		.execute();
	await db.schema.createIndex('report_assigned_idx').on('report').column('assigned_to').execute();
	await db.schema.createIndex('report_closed_idx').on('report').column('closed_at').execute();

	await db.schema
		.createTable('report_note')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('report_id', 'uuid', (c) => c.notNull().references('report.id').onDelete('cascade'))
		.addColumn('staff_user_id', 'uuid', (c) => c.references('staff_user.id').onDelete('set null'))
		.addColumn('body', 'bytea', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('report_note_report_idx')
		.on('report_note')
		.column('report_id')
		.execute();

	await db.schema
		.createTable('referral')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('report_id', 'uuid', (c) => c.notNull().references('report.id').onDelete('cascade'))
		.addColumn('partner_id', 'text', (c) =>
			c.notNull().references('partner.id').onDelete('restrict')
		)
		.addColumn('consent_level', 'smallint', (c) => c.notNull())
		.addColumn('channel', 'text', (c) => c.notNull())
		.addColumn('reference', 'text')
		.addColumn('outcome', 'text')
		.addColumn('referred_on', 'date', (c) => c.notNull())
		.addColumn('package', 'bytea', (c) => c.notNull())
		.addColumn('created_by', 'uuid', (c) => c.references('staff_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('referral_report_idx').on('referral').column('report_id').execute();

	// What stays of a report after retention: no content, no receipt, nothing to link a person to.
	await db.schema
		.createTable('report_tombstone')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('region_id', 'text', (c) => c.notNull())
		.addColumn('gemeente_id', 'text')
		.addColumn('category_group', 'text', (c) => c.notNull())
		.addColumn('created_on', 'date', (c) => c.notNull())
		.addColumn('acknowledged_on', 'date')
		.addColumn('closed_on', 'date')
		.addColumn('closed_reason', 'text')
		.addColumn('referrals', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
		.addColumn('deleted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('report_tombstone').execute();
	await db.schema.dropTable('referral').execute();
	await db.schema.dropTable('report_note').execute();
	await db.schema.dropIndex('report_closed_idx').execute();
	await db.schema.dropIndex('report_assigned_idx').execute();
	await db.schema.dropIndex('report_status_idx').execute();
	await db.schema.dropIndex('report_inbox_idx').execute();
	await db.schema
		.alterTable('report')
		.dropColumn('assigned_to')
		.dropColumn('duplicate_of')
		.dropColumn('ack_due_at')
		.dropColumn('feedback_due_at')
		.dropColumn('acknowledged_at')
		.dropColumn('feedback_at')
		.dropColumn('closed_at')
		.dropColumn('contact_wiped_at')
		.execute();
}
