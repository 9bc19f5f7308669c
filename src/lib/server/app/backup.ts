// Backup and restore of the database as one archive; the keys stay apart (README "Backup and restore").
import { PGlite } from '@electric-sql/pglite';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import * as database from '../platform/db/index.ts';

const run = promisify(execFile);

/** pg_dump's custom format starts with these bytes; a PGlite archive is a gzipped tar. */
const PG_DUMP_MAGIC = 'PGDMP';

/**
 * Writes a consistent archive of the database to `file` while the app keeps running: PGlite dumps
 * its data directory between queries (it runs one at a time), pg_dump reads one snapshot. Written
 * beside the target and renamed, so a half-written archive never looks like a backup.
 */
export async function backup(db: database.Db, file: string): Promise<number> {
	const partial = `${file}.partial`;
	const driver = database.driver(db);
	if (driver.kind === 'pglite') {
		const archive = await driver.pglite.dumpDataDir('gzip');
		fs.writeFileSync(partial, new Uint8Array(await archive.arrayBuffer()), { mode: 0o600 });
	} else {
		const url = driver.pool.options.connectionString;
		if (!url) throw new Error('backup needs DATABASE_URL');
		await run('pg_dump', ['--format=custom', '--no-owner', `--file=${partial}`, url]);
		fs.chmodSync(partial, 0o600);
	}
	fs.renameSync(partial, file);
	return fs.statSync(file).size;
}

/**
 * Restores an archive into an empty PGlite directory, or into the PostgreSQL database at `url`
 * (pg_restore, replacing what is there). The app must not be running on that database.
 */
export async function restore(
	file: string,
	target: { pgliteDir: string } | { url: string }
): Promise<void> {
	const bytes = fs.readFileSync(file);
	const isPgDump = bytes.subarray(0, PG_DUMP_MAGIC.length).toString('latin1') === PG_DUMP_MAGIC;
	if ('url' in target) {
		if (!isPgDump) throw new Error(`${file} is not a PostgreSQL backup (pg_dump custom format)`);
		await run('pg_restore', [
			'--clean',
			'--if-exists',
			'--no-owner',
			`--dbname=${target.url}`,
			file
		]);
		return;
	}
	if (isPgDump) throw new Error(`${file} is a PostgreSQL backup: set DATABASE_URL to restore it`);
	const dir = target.pgliteDir;
	if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
		throw new Error(`${dir} already holds a database: restore into an empty DATA_DIR`);
	}
	fs.mkdirSync(path.dirname(dir), { recursive: true });
	const pglite = new PGlite(dir, { loadDataDir: new Blob([new Uint8Array(bytes)]) });
	await pglite.waitReady;
	// A query proves the archive opened as a database before we call it restored.
	await pglite.query('select 1');
	await pglite.close();
}
