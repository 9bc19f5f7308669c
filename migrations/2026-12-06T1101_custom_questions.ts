// Questions coordinators add to the fixed catalogue, per region, with their texts in every worker
// language (question and, for a choice, its options). A question missing a language is a draft:
// kept, but not offered on the case page. Retired questions stay readable for the answers given.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('custom_question')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('region_id', 'text', (c) => c.notNull().references('region.id').onDelete('cascade'))
		.addColumn('type', 'text', (c) =>
			c.notNull().check(sql`type in ('choice', 'yesno', 'date', 'number', 'text')`)
		)
		// { <locale>: { question, options[] } }; a locale absent or blank is not written yet.
		.addColumn('texts', 'jsonb', (c) => c.notNull())
		.addColumn('retired_at', 'timestamptz')
		.addColumn('created_by', 'uuid', (c) => c.references('staff_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('custom_question_region_idx')
		.on('custom_question')
		.column('region_id')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('custom_question').execute();
}
