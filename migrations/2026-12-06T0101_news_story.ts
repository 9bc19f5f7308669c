// One news story in several languages: each language stays its own row (the worker's home page
// and the news push go by language), the rows of one story share a story id and a version, so a
// story is edited and removed as a whole and a stale edit form is recognised.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('news_item')
		.addColumn('story_id', 'uuid')
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
	await sql`update news_item set story_id = id`.execute(db);
	await db.schema
		.alterTable('news_item')
		.alterColumn('story_id', (c) => c.setNotNull())
		.execute();
	await db.schema
		.createIndex('news_item_story_locale')
		.on('news_item')
		.columns(['story_id', 'locale'])
		.unique()
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('news_item_story_locale').execute();
	await db.schema.alterTable('news_item').dropColumn('story_id').dropColumn('version').execute();
}
