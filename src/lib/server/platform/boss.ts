// pg-boss, the job queue, on our own database: the same adapter for PostgreSQL and PGlite, so one
// code path runs everywhere. pg-boss creates and migrates its own schema (`pgboss`) at start.
//
// Why it works on PGlite (checked against pg-boss 12.38 and PGlite 0.5): pg-boss needs
// `executeSql(text, values)` returning every statement's rows, including multi-statement
// `BEGIN; SELECT pg_advisory_xact_lock(…); …; COMMIT` blocks without parameters. PGlite is one
// PostgreSQL backend in single-user mode: advisory locks are granted at once (nobody else can hold
// one), `exec()` runs several statements, and every query waits for a running transaction (Kysely's
// included) to end, so pg-boss's statements never land inside one of ours. pg-boss's `pglite`
// backend profile is plain PostgreSQL behaviour. What PGlite cannot do is be shared by several
// processes — that, not pg-boss, is why several app instances need PostgreSQL.
import { PgBoss, fromKysely, type Db as BossDb } from 'pg-boss';
import * as database from './db/index.ts';
import type { Db } from './db/index.ts';
import { log } from './log.ts';

export const SCHEMA = 'pgboss';

export function adapter(db: Db): BossDb {
	const driver = database.driver(db);
	return {
		async executeSql(text, values) {
			if (driver.kind === 'pglite') {
				try {
					if (values?.length) return await driver.pglite.query(text, values);
					const results = await driver.pglite.exec(text);
					return { rows: results.flatMap((r) => r.rows) };
				} catch (err) {
					// A failed statement in a BEGIN … COMMIT block leaves the one connection aborted.
					await driver.pglite.query('ROLLBACK').catch(() => undefined);
					throw err;
				}
			}
			// Without values `pg` uses the simple protocol, which runs several statements and returns
			// one result per statement. A connection that failed inside such a block is discarded.
			const client = await driver.pool.connect();
			let failed = false;
			try {
				const result = await client.query(text, values);
				return { rows: [result].flat().flatMap((r) => r.rows ?? []) };
			} catch (err) {
				failed = true;
				throw err;
			} finally {
				client.release(failed);
			}
		}
	};
}

/** pg-boss statements inside one of our Kysely transactions (a job commits with the change). */
export function inTransaction(trx: Db): BossDb {
	return fromKysely(trx);
}

export interface StartOptions {
	/** Run pg-boss's cron (schedules) and maintenance in this process. Default true. */
	supervise?: boolean;
	/** How often the cron check runs, in seconds (tests make it short). */
	cronSeconds?: number;
}

let current: PgBoss | undefined;

export async function create(db: Db, opts: StartOptions = {}): Promise<PgBoss> {
	const boss = new PgBoss({
		db: adapter(db),
		backend: database.driver(db).kind === 'pglite' ? 'pglite' : 'postgres',
		schema: SCHEMA,
		schedule: opts.supervise ?? true,
		supervise: opts.supervise ?? true,
		cronWorkerIntervalSeconds: opts.cronSeconds ?? 5,
		cronMonitorIntervalSeconds: Math.min(opts.cronSeconds ?? 30, 30),
		openTelemetry: { enabled: false }
	});
	// Errors are logged by message only: job data never carries personal data, but keep it short.
	boss.on('error', (err: Error) => log.error({ err: err.message }, 'job queue error'));
	await boss.start();
	return boss;
}

/** The process's job queue, once `use` has set it (the app does at start; the CLI does not). */
export function get(): PgBoss | undefined {
	return current;
}

export function use(boss: PgBoss | undefined): void {
	current = boss;
}
