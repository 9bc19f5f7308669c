// What each staff user wants to hear by e-mail: new reports in their gemeenten, replies from
// workers on reports assigned to them, the daily overdue summary. Empty: no mail but setup links.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('staff_user')
		.addColumn('mail_topics', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('staff_user').dropColumn('mail_topics').execute();
}
