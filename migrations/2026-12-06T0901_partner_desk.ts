// The partner desk: a referral can be opened by the partner through a single-use, expiring link
// plus a code the handler passes on by phone; the handler can withdraw it. The partner's message
// enters the case thread as an internal note marked with the partner. Secrets are stored hashed.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('referral_link')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('referral_id', 'uuid', (c) =>
			c.notNull().unique().references('referral.id').onDelete('cascade')
		)
		.addColumn('secret_hash', 'bytea', (c) => c.notNull())
		.addColumn('code_hash', 'bytea', (c) => c.notNull())
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('used_at', 'timestamptz')
		.addColumn('session_hash', 'bytea')
		.addColumn('wrong_codes', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.alterTable('referral')
		.addColumn('withdrawn_at', 'timestamptz')
		.addColumn('reminded_at', 'timestamptz')
		.addColumn('partner_message', 'bytea')
		.addColumn('where_instead', 'text')
		// Bumped by every partner answer: a form posted twice (double click) finds it changed.
		.addColumn('desk_version', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema
		.alterTable('report_note')
		.addColumn('partner_id', 'text', (c) => c.references('partner.id').onDelete('set null'))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('report_note').dropColumn('partner_id').execute();
	await db.schema
		.alterTable('referral')
		.dropColumn('withdrawn_at')
		.dropColumn('reminded_at')
		.dropColumn('partner_message')
		.dropColumn('where_instead')
		.dropColumn('desk_version')
		.execute();
	await db.schema.dropTable('referral_link').execute();
}
