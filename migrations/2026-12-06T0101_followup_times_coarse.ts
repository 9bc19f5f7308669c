// Follow-up sessions keep coarse times (issue #17): the hour a session opened and the quarter hour
// its reporter was last seen, never the millisecond. Rounds the rows that exist.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`update followup_session set
		created_at = date_trunc('hour', created_at, 'UTC'),
		last_seen_at = date_trunc('hour', last_seen_at, 'UTC')
			+ floor(extract(minute from last_seen_at at time zone 'UTC') / 15) * interval '15 minutes'`.execute(
		db
	);
}

export async function down(): Promise<void> {
	// Rounded times cannot be made precise again, and nothing needs them to be.
}
