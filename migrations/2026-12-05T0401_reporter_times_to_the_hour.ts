// Reporter-originated times to the hour (issue #17: a millisecond joins a report to a proxy or
// network log). Threads and photos are ordered by a sequence instead of their time, so rounding
// never reorders them; times already stored are rounded too.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	for (const table of ['report_message', 'report_photo']) {
		// bigserial numbers existing rows in their current time order.
		await sql`alter table ${sql.table(table)} add column seq bigserial`.execute(db);
		await sql`update ${sql.table(table)} t set seq = o.n
			from (select id, row_number() over (order by created_at, id) as n from ${sql.table(table)}) o
			where t.id = o.id`.execute(db);
		await sql`select setval(pg_get_serial_sequence(${table}, 'seq'),
			coalesce((select max(seq) from ${sql.table(table)}), 0) + 1, false)`.execute(db);
		await db.schema
			.createIndex(`${table}_seq_idx`)
			.on(table)
			.columns(['report_id', 'seq'])
			.execute();
	}
	await sql`update report set created_at = date_trunc('hour', created_at, 'UTC')`.execute(db);
	await sql`update report_message set created_at = date_trunc('hour', created_at, 'UTC')
		where author = 'reporter'`.execute(db);
	await sql`update report_photo set created_at = date_trunc('hour', created_at, 'UTC')
		where origin in ('report', 'reporter')`.execute(db);
	await sql`update report_event set at = date_trunc('hour', at, 'UTC')
		where kind = 'created'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['report_message', 'report_photo']) {
		await db.schema.dropIndex(`${table}_seq_idx`).execute();
		await db.schema.alterTable(table).dropColumn('seq').execute();
	}
}
