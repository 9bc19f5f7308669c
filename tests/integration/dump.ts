// A plain-text dump of every row of every table, like `pg_dump --data-only` would print it, on
// both databases; plus the real pg_dump for PostgreSQL.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../../src/lib/server/platform/db/index.ts';
import { findBin } from './pg-server.ts';

export async function rowsAsText(db: Db): Promise<string> {
	const tables = await sql<{ name: string }>`
		select table_name as name from information_schema.tables
		where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(db);
	let out = '';
	for (const { name } of tables.rows) {
		const rows = await sql<{
			row: string;
		}>`select t::text as row from ${sql.table(name)} t`.execute(db);
		out += `-- ${name}\n` + rows.rows.map((r) => r.row).join('\n') + '\n';
	}
	return out;
}

export function pgDump(url: string): string {
	const r = spawnSync(path.join(findBin(), 'pg_dump'), ['--data-only', '--inserts', url], {
		encoding: 'utf8',
		maxBuffer: 256 * 1024 * 1024
	});
	if (r.status !== 0) throw new Error(`pg_dump failed: ${r.stderr}`);
	return r.stdout;
}
