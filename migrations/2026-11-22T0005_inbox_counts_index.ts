// The inbox counts reports per status within the user's scope and filters on every page view;
// this index lets PostgreSQL answer that from the index alone (measured in `npm run bench`).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('report_scope_counts_idx')
		.on('report')
		.columns(['region_id', 'gemeente_id', 'category_group', 'status'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('report_scope_counts_idx').execute();
}
