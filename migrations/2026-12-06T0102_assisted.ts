// A report a staff member filed on a worker's behalf (an informatiepunt, a mobile team, a phone
// call) carries a flag: handlers see it, statistics count it, and the tombstone keeps it.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	for (const table of ['report', 'report_tombstone'])
		await db.schema
			.alterTable(table)
			.addColumn('assisted', 'boolean', (c) => c.notNull().defaultTo(false))
			.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['report', 'report_tombstone'])
		await db.schema.alterTable(table).dropColumn('assisted').execute();
}
