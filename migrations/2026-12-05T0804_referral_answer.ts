// The partner's answer to a referral as a fixed choice (what the reporter may be told, and what
// statistics count), next to the handler's free-text outcome: when it was acknowledged and answered.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('referral')
		.addColumn('answer', 'text', (c) =>
			c.check(sql`answer in ('taken_up', 'not_ours', 'need_info', 'action_taken', 'closed')`)
		)
		.addColumn('acknowledged_at', 'timestamptz')
		.addColumn('answered_at', 'timestamptz')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('referral')
		.dropColumn('answer')
		.dropColumn('acknowledged_at')
		.dropColumn('answered_at')
		.execute();
}
