// Partner contacts as data: where referrals are e-mailed and in which languages the partner
// reads them. Whether it acts on anonymous reports was already a column (accepts_anonymous).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('partner')
		.addColumn('referral_emails', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
		.addColumn('languages', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{nl}'`))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('partner')
		.dropColumn('referral_emails')
		.dropColumn('languages')
		.execute();
}
