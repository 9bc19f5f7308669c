// Two PostgreSQL roles when DATABASE_OWNER_URL is set: the owner runs migrations and owns every
// table; the app role gets what it needs and, on the audit log, only INSERT and SELECT, so the
// app cannot rewrite, truncate or un-trigger its own audit trail (ASVS 16.4.2, issue #17).
import { sql } from 'kysely';
import type { Db } from './index.ts';

export async function currentRole(db: Db): Promise<string> {
	const { rows } = await sql<{ role: string }>`select current_user as role`.execute(db);
	return rows[0].role;
}

/** Run as the owner after migrating: what the app role may do, table by table. */
export async function grantApp(owner: Db, appRole: string): Promise<void> {
	const app = sql.id(appRole);
	const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(owner);
	// pg-boss creates its own schema at start, as the app role.
	await sql`grant create, connect on database ${sql.id(rows[0].name)} to ${app}`.execute(owner);
	await sql`grant usage on schema public to ${app}`.execute(owner);
	await sql`grant select, insert, update, delete on all tables in schema public to ${app}`.execute(
		owner
	);
	await sql`revoke update, delete, truncate on audit_log from ${app}`.execute(owner);
	// Migration bookkeeping is the owner's alone; the app reads it for the health check.
	await sql`revoke insert, update, delete on kysely_migration, kysely_migration_lock from ${app}`.execute(
		owner
	);
	await sql`grant usage, select, update on all sequences in schema public to ${app}`.execute(owner);
}
