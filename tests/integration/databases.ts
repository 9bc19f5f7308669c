// Runs a block of tests once on embedded PGlite and once on the real PostgreSQL server.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import * as database from '../../src/lib/server/platform/db/index.ts';
import * as migrate from '../../src/lib/server/platform/db/migrate.ts';
import * as seed from '../../src/lib/server/app/seed/index.ts';

export type Kind = database.DatabaseKind;

export interface TestDb {
	kind: Kind;
	db: database.Db;
	/** postgres only: the URL of this test's own database */
	url?: string;
}

/** A fresh, empty database of the given kind. */
export async function fresh(kind: Kind): Promise<TestDb & { drop(): Promise<void> }> {
	if (kind === 'pglite') {
		const created = database.create({ pgliteDir: 'memory://' });
		return { ...created, drop: () => created.db.destroy() };
	}
	const adminUrl = inject('pgUrl');
	const name = `t_${randomBytes(6).toString('hex')}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`create database ${name}`);
	await admin.end();
	const url = adminUrl.replace(/\/postgres$/, `/${name}`);
	const created = database.create({ url, poolSize: 5 });
	return {
		...created,
		url,
		async drop() {
			await created.db.destroy();
			const c = new pg.Client({ connectionString: adminUrl });
			await c.connect();
			await c.query(`drop database if exists ${name} with (force)`);
			await c.end();
		}
	};
}

/**
 * `describe` once per database kind, with a migrated and seeded database in `ctx.db`.
 * Usage: onBothDatabases('sessions', (ctx) => { it('…', async () => { ctx.db … }) })
 */
export function onBothDatabases(
	name: string,
	body: (ctx: TestDb) => void,
	opts: { seed?: boolean } = {}
): void {
	for (const kind of ['pglite', 'postgres'] as const) {
		describe(`${name} (${kind})`, () => {
			const ctx = { kind } as TestDb;
			let drop: () => Promise<void>;
			beforeAll(async () => {
				const f = await fresh(kind);
				ctx.db = f.db;
				ctx.url = f.url;
				drop = f.drop;
				await migrate.latest(ctx.db);
				if (opts.seed !== false) await seed.run(ctx.db);
			});
			afterAll(async () => {
				await drop?.();
			});
			body(ctx);
		});
	}
}

/**
 * For the enclosing block, the database the app's own modules reach through `database.get()`
 * (route handlers, loads, actions) is `ctx.db`; the one before is given back afterwards.
 */
export function asAppDatabase(ctx: TestDb): void {
	let previous: ReturnType<typeof database.get> | undefined;
	beforeAll(() => {
		try {
			previous = database.get();
		} catch {
			previous = undefined;
		}
		database.use({ db: ctx.db, kind: ctx.kind });
	});
	afterAll(() => {
		if (previous) database.use(previous);
	});
}
