// Reporter push is gone (issue #17): a push endpoint names the device at Google, Apple or Mozilla,
// and a notice on the lock screen tells whoever holds the phone that a report exists. Existing
// reporter subscriptions are deleted and the column that linked them to a report is dropped.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.deleteFrom('push_subscription').where('topic', '=', 'report').execute();
	await db.schema.dropIndex('push_subscription_target').execute();
	await db.schema.dropIndex('push_subscription_report').execute();
	await db.schema.alterTable('push_subscription').dropColumn('report_id').execute();
	await sql`alter table push_subscription drop constraint push_subscription_topic_check`.execute(
		db
	);
	await sql`alter table push_subscription add constraint push_subscription_topic_check
		check (topic in ('news', 'staff_reports', 'staff_overdue'))`.execute(db);
	await sql`create unique index push_subscription_target on push_subscription
		(endpoint, topic, gemeente_id, staff_user_id) nulls not distinct`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('push_subscription_target').execute();
	await sql`alter table push_subscription drop constraint push_subscription_topic_check`.execute(
		db
	);
	await sql`alter table push_subscription add constraint push_subscription_topic_check
		check (topic in ('news', 'report', 'staff_reports', 'staff_overdue'))`.execute(db);
	await db.schema
		.alterTable('push_subscription')
		.addColumn('report_id', 'uuid', (c) => c.references('report.id').onDelete('cascade'))
		.execute();
	await sql`create unique index push_subscription_target on push_subscription
		(endpoint, topic, gemeente_id, report_id, staff_user_id) nulls not distinct`.execute(db);
	await db.schema
		.createIndex('push_subscription_report')
		.on('push_subscription')
		.column('report_id')
		.where('report_id', 'is not', null)
		.execute();
}
