// Web push subscriptions and news items. A subscription stores only what the push service needs
// (endpoint and its two public keys), the topic, the language of the fixed text and the one link
// the topic needs: a gemeente (news), a report (updates; deleted with the report) or a staff user.
// No IP address, no user agent. pg-boss keeps its jobs in its own schema, created by pg-boss.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('push_subscription')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('endpoint', 'text', (c) => c.notNull())
		.addColumn('p256dh', 'text', (c) => c.notNull())
		.addColumn('auth', 'text', (c) => c.notNull())
		.addColumn('topic', 'text', (c) =>
			c.notNull().check(sql`topic in ('news', 'report', 'staff_reports', 'staff_overdue')`)
		)
		.addColumn('locale', 'text', (c) => c.notNull())
		.addColumn('gemeente_id', 'text', (c) => c.references('gemeente.id').onDelete('cascade'))
		.addColumn('report_id', 'uuid', (c) => c.references('report.id').onDelete('cascade'))
		.addColumn('staff_user_id', 'uuid', (c) => c.references('staff_user.id').onDelete('cascade'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	// One row per endpoint and target: subscribing twice changes nothing (PostgreSQL 15+).
	await sql`create unique index push_subscription_target on push_subscription
		(endpoint, topic, gemeente_id, report_id, staff_user_id) nulls not distinct`.execute(db);
	await db.schema
		.createIndex('push_subscription_news')
		.on('push_subscription')
		.columns(['topic', 'gemeente_id', 'id'])
		.execute();
	await db.schema
		.createIndex('push_subscription_report')
		.on('push_subscription')
		.column('report_id')
		.where('report_id', 'is not', null)
		.execute();
	await db.schema
		.createIndex('push_subscription_staff')
		.on('push_subscription')
		.column('staff_user_id')
		.where('staff_user_id', 'is not', null)
		.execute();

	await db.schema
		.createTable('news_item')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('gemeente_id', 'text', (c) =>
			c.notNull().references('gemeente.id').onDelete('cascade')
		)
		.addColumn('locale', 'text', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_by', 'uuid', (c) => c.references('staff_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('news_item_locale')
		.on('news_item')
		.columns(['locale', 'created_at'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('news_item').execute();
	await db.schema.dropTable('push_subscription').execute();
}
