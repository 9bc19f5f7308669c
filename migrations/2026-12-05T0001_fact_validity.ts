// Every figure a worker reads carries the period it holds for and whether an official source
// confirmed it, so a passed date shows as "may have changed" instead of as current (issue #16).
import { type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('fact')
		.addColumn('valid_from', 'date')
		.addColumn('review_by', 'date')
		.addColumn('confirmed', 'boolean', (c) => c.notNull().defaultTo(false))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('fact')
		.dropColumn('valid_from')
		.dropColumn('review_by')
		.dropColumn('confirmed')
		.execute();
}
