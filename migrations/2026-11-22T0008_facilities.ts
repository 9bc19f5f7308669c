// Voorzieningen: the places workers look for (issue #5), shown on the map, in the list and the API.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('facility')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('region_id', 'text', (c) => c.notNull().references('region.id').onDelete('cascade'))
		.addColumn('gemeente_id', 'text', (c) =>
			c.notNull().references('gemeente.id').onDelete('cascade')
		)
		.addColumn('category', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('postcode', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('lat', 'double precision', (c) => c.notNull())
		.addColumn('lng', 'double precision', (c) => c.notNull())
		.addColumn('phone', 'text')
		.addColumn('website', 'text')
		.addColumn('email', 'text')
		// { weekly: { mon: [["09:00","17:00"]], … }, exceptions: [{ date, ranges }] } (hours.ts)
		.addColumn('hours', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		.addColumn('languages', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
		.addColumn('notes', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		// null = not known; the list never claims what nobody checked
		.addColumn('accepts_rni', 'boolean')
		.addColumn('new_patients', 'boolean')
		.addColumn('appointment', 'boolean')
		.addColumn('cost', 'text')
		.addColumn('wheelchair', 'boolean')
		.addColumn('published', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('verified_on', 'date')
		.addColumn('demo', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('facility_cost', sql`cost is null or cost in ('free', 'paid')`)
		.execute();
	await db.schema
		.createIndex('facility_region_published')
		.on('facility')
		.columns(['region_id', 'published', 'gemeente_id', 'category'])
		.execute();

	// A counter per region that every change to its facilities raises, whoever makes it (editor,
	// import, seed, SQL). The API's ETag is this counter: one primary-key read per request.
	await db.schema
		.createTable('facility_version')
		.addColumn('region_id', 'text', (c) =>
			c.primaryKey().references('region.id').onDelete('cascade')
		)
		.addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
		.addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await sql`
		create function facility_touch() returns trigger language plpgsql as $$
		begin
			insert into facility_version (region_id, version, changed_at)
			values (coalesce(new.region_id, old.region_id), 1, now())
			on conflict (region_id)
			do update set version = facility_version.version + 1, changed_at = now();
			return null;
		end $$`.execute(db);
	await sql`
		create trigger facility_touch after insert or update or delete on facility
		for each row execute function facility_touch()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('facility').execute();
	await sql`drop function facility_touch()`.execute(db);
	await db.schema.dropTable('facility_version').execute();
}
