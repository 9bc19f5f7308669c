// Figures the national guides quote (minimum wage, eigen risico …), kept current by editors, and the
// welkomstpakket each gemeente writes: contacts (one set) and texts (one row per locale).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('fact')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('value', 'text', (c) => c.notNull())
		.addColumn('checked_on', 'date', (c) => c.notNull())
		.addColumn('source', 'text', (c) => c.notNull())
		.addColumn('updated_by', 'uuid', (c) => c.references('staff_user.id').onDelete('set null'))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.createTable('welcome_pack')
		.addColumn('gemeente_id', 'text', (c) =>
			c.primaryKey().references('gemeente.id').onDelete('cascade')
		)
		.addColumn('contacts', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
		.addColumn('published_at', 'timestamptz')
		.addColumn('updated_by', 'uuid', (c) => c.references('staff_user.id').onDelete('set null'))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.createTable('welcome_text')
		.addColumn('gemeente_id', 'text', (c) =>
			c.notNull().references('welcome_pack.gemeente_id').onDelete('cascade')
		)
		.addColumn('locale', 'text', (c) => c.notNull())
		.addColumn('welcome', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('waste', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('parking', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('noise', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('welcome_text_pk', ['gemeente_id', 'locale'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('welcome_text').execute();
	await db.schema.dropTable('welcome_pack').execute();
	await db.schema.dropTable('fact').execute();
}
