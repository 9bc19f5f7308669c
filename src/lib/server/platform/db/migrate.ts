// Runs the frozen migrations in /migrations. Files are found on disk and imported at run time so
// the CLI, the tests and the built server apply exactly the same set.
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import type { Db } from './index.ts';

/** The migrations folder: MIGRATIONS_DIR, else the project root's `migrations/` from cwd. */
export function folder(): string {
	return path.resolve(process.env.MIGRATIONS_DIR || path.join(process.cwd(), 'migrations'));
}

class FolderProvider implements MigrationProvider {
	private dir: string;
	constructor(dir: string) {
		this.dir = dir;
	}
	async getMigrations(): Promise<Record<string, Migration>> {
		const files = (await fs.readdir(this.dir)).filter((f) => /^\d.*\.(ts|js)$/.test(f)).sort();
		const out: Record<string, Migration> = {};
		for (const file of files) {
			const mod = (await import(
				/* @vite-ignore */ pathToFileURL(path.join(this.dir, file)).href
			)) as Migration;
			out[file.replace(/\.(ts|js)$/, '')] = { up: mod.up, down: mod.down };
		}
		return out;
	}
}

export function migrator(db: Db, dir = folder()): Migrator {
	return new Migrator({ db, provider: new FolderProvider(dir) });
}

/** Applies all pending migrations; throws on the first failure. Returns the number applied in total. */
export async function latest(db: Db, dir = folder()): Promise<number> {
	const { error } = await migrator(db, dir).migrateToLatest();
	if (error) throw error instanceof Error ? error : new Error(String(error));
	return applied(db);
}

/** Number of migrations recorded as applied (0 before the first run). */
export async function applied(db: Db): Promise<number> {
	const exists = await sql<{
		t: string | null;
	}>`select to_regclass('kysely_migration')::text as t`.execute(db);
	if (!exists.rows[0]?.t) return 0;
	const r = await sql<{ n: number }>`select count(*)::int as n from kysely_migration`.execute(db);
	return r.rows[0].n;
}
