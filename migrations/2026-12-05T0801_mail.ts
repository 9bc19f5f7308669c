// The outbox of e-mail: one row per message, so a failed one stays visible to admins. What the
// message says is rendered at send time from a kind and sealed parameters (a setup link is a
// secret at rest too); the row itself keeps only the recipient, the language, state and the SMTP
// server's answer. Sent rows are purged after 30 days (data minimisation, AVG art. 5(1)(e)).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('mail')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('region_id', 'text', (c) => c.notNull().references('region.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('recipient', 'text', (c) => c.notNull())
		.addColumn('locale', 'text', (c) => c.notNull())
		.addColumn('params', 'bytea', (c) => c.notNull())
		.addColumn('state', 'text', (c) =>
			c
				.notNull()
				.defaultTo('queued')
				.check(sql`state in ('queued', 'sent', 'failed')`)
		)
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('error', 'text')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('settled_at', 'timestamptz')
		.execute();
	await db.schema
		.createIndex('mail_state')
		.on('mail')
		.columns(['region_id', 'state', 'created_at'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('mail').execute();
}
