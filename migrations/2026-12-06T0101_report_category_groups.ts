// One report may tick situations from several groups (housing, work, registration): the groups it
// touches are stored with it and kept on its tombstone, so statistics count a report in each group
// it touches. Until now a report held situations of its one group only, so that group is exact.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	for (const table of ['report', 'report_tombstone']) {
		await db.schema
			.alterTable(table)
			.addColumn('category_groups', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
			.execute();
		await db
			.updateTable(table)
			.set({ category_groups: sql`array[category_group]` })
			.execute();
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['report', 'report_tombstone']) {
		await db.schema.alterTable(table).dropColumn('category_groups').execute();
	}
}
