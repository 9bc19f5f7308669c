// One Kysely instance for the process: PostgreSQL through `pg` when DATABASE_URL is set, otherwise
// embedded PGlite persisted under DATA_DIR (or in memory for tests).
import { PGlite } from '@electric-sql/pglite';
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { config } from '../config.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type DatabaseKind = 'pglite' | 'postgres';

// Both drivers return int8 and date as strings, so code and tests see the same values on both.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => v);
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
const PGLITE_PARSERS = { 20: (v: string) => v, 1082: (v: string) => v };

export interface Options {
	/** postgres://… ; omitted → PGlite */
	url?: string;
	/** PGlite data directory; 'memory://' for an in-memory database. */
	pgliteDir?: string;
	/** pg pool size */
	poolSize?: number;
	/** PostgreSQL query timeout, ms */
	queryTimeoutMs?: number;
	/** PostgreSQL connection timeout, ms */
	connectTimeoutMs?: number;
}

export function create(options: Options = {}): { db: Db; kind: DatabaseKind } {
	if (options.url) {
		const queryTimeout = options.queryTimeoutMs ?? config.dbQueryTimeoutMs;
		const pool = new pg.Pool({
			connectionString: options.url,
			max: options.poolSize ?? config.dbPoolSize,
			// A stopped server refuses at once (503 right away); this bounds the wait for a hung
			// server or, under a burst, for a free connection — long enough that a burst of
			// 1 000 reports queues rather than sheds (tests/load), short enough to answer 503.
			connectionTimeoutMillis: options.connectTimeoutMs ?? config.dbConnectTimeoutMs,
			idleTimeoutMillis: 30_000,
			// A frozen server (a stalled VM, a network partition) never answers: the client gives
			// up after `queryTimeout`, so requests fail fast with 503 instead of hanging. The server
			// ends a query that runs that long by itself, and a transaction left idle.
			query_timeout: queryTimeout,
			statement_timeout: queryTimeout,
			idle_in_transaction_session_timeout: queryTimeout * 3
		});
		// A client that loses its server must not crash the process. The pool listens on idle
		// clients only; a client checked out when the server goes away (found by the load test's
		// `pg_ctl stop -m immediate`) emits 'error' too, and its query fails on its own.
		pool.on('error', () => undefined);
		pool.on('connect', (client) => {
			client.on('error', () => undefined);
			dropOnTimeout(client);
		});
		const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
		drivers.set(db, { kind: 'postgres', pool });
		return { db, kind: 'postgres' };
	}
	const dir = options.pgliteDir ?? path.join(config.dataDir, 'pglite');
	if (!dir.startsWith('memory://')) {
		fs.mkdirSync(dir, { recursive: true });
		lock(dir);
	}
	const onDisk = !dir.startsWith('memory://');
	const pglite = new PGlite(dir, {
		parsers: PGLITE_PARSERS,
		...(onDisk ? { startParams: DURABLE_START_PARAMS } : {})
	});
	if (onDisk) void pglite.waitReady.then(() => syncToDisk(pglite));
	const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
	drivers.set(db, { kind: 'pglite', pglite });
	return { db, kind: 'pglite' };
}

/**
 * After a client-side query timeout the query is still in flight on that connection: its late
 * answer, or a transaction it left open, must never meet the next request. Closing the socket
 * makes the server roll back whatever was not committed, and the pool replaces the client.
 */
function dropOnTimeout(client: pg.PoolClient): void {
	const query = client.query.bind(client) as (...args: unknown[]) => unknown;
	(client as { query: unknown }).query = (...args: unknown[]) => {
		const result = query(...args);
		if (result instanceof Promise) {
			result.catch((err: unknown) => {
				if (err instanceof Error && err.message === 'Query read timeout') {
					(
						client as unknown as { connection: { stream: { destroy(): void } } }
					).connection.stream.destroy();
				}
			});
		}
		return result;
	};
}

// PGlite starts PostgreSQL with `-F` (fsync off), and its Node file system has no fsync: a power
// cut could lose acknowledged reports. With fsync on and WAL synced by fsync() (Emscripten's
// fdatasync does nothing), PostgreSQL syncs the WAL at every commit and the data files at every
// checkpoint, as on a server; `syncToDisk` makes those calls reach the disk.
const DURABLE_START_PARAMS = [
	...PGlite.defaultStartParams.filter((p) => p !== '-F'),
	'-c',
	'wal_sync_method=fsync'
];

interface NodeFs {
	stream_ops: { fsync?: (stream: { nfd: number }) => void };
	tryFSOperation<T>(fn: () => T): T;
}

/** Gives Emscripten's NODEFS the fsync it lacks: PostgreSQL's fsync() becomes a real one. */
function syncToDisk(pglite: PGlite): void {
	const nodefs = (pglite as unknown as { Module: { NODEFS: NodeFs } }).Module.NODEFS;
	// tryFSOperation turns a failed sync into an errno PostgreSQL sees (and PANICs on, as it must).
	nodefs.stream_ops.fsync = (stream) => nodefs.tryFSOperation(() => fs.fsyncSync(stream.nfd));
}

export type Driver = { kind: 'postgres'; pool: pg.Pool } | { kind: 'pglite'; pglite: PGlite };

const drivers = new WeakMap<Db, Driver>();

/**
 * The driver under a Kysely instance made by `create`, for the few callers that need what Kysely
 * does not offer: pg-boss runs multi-statement SQL (BEGIN … COMMIT) in one call.
 */
export function driver(db: Db): Driver {
	const d = drivers.get(db);
	if (!d) throw new Error('not a database made by db.create()');
	return d;
}

/**
 * PGlite is a single-process database: two processes on one directory corrupt it. A lock file
 * with our pid refuses a second process; a lock left by a dead process is taken over.
 */
function lock(dir: string): void {
	const file = path.join(dir, '.wegwijs.lock');
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
			process.once('exit', () => fs.rmSync(file, { force: true }));
			return;
		} catch (err) {
			if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
			const pid = Number(fs.readFileSync(file, 'utf8'));
			if (pid === process.pid) return;
			if (pid > 0 && alive(pid)) {
				throw new Error(
					`Another process (pid ${pid}) is using the embedded database in ${dir}. ` +
						'Stop it first, or use PostgreSQL (DATABASE_URL) to run several processes.',
					{ cause: err }
				);
			}
			fs.rmSync(file, { force: true });
		}
	}
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (err) {
		return (err as NodeJS.ErrnoException).code === 'EPERM';
	}
}

let instance: { db: Db; kind: DatabaseKind } | undefined;

/** The process-wide database, created on first use from the configuration. */
export function get(): { db: Db; kind: DatabaseKind } {
	instance ??= create({ url: config.databaseUrl });
	return instance;
}

/** Used by tests and the CLI to point the process at a specific database. */
export function use(value: { db: Db; kind: DatabaseKind }): void {
	instance = value;
}

export async function close(): Promise<void> {
	if (!instance) return;
	const { db } = instance;
	instance = undefined;
	await db.destroy();
}

/** Runs `fn` in a transaction, joining the caller's transaction when there is one. */
export function transaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
	return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

// Errors that mean "the database cannot be reached right now", not "this query is wrong":
// refused or dropped connections, the server shutting down or starting (SQLSTATE class 08, 57P0x),
// and the pool's connect timeout. The app answers these with 503 and Retry-After.
const UNAVAILABLE_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'EPIPE',
	'ENOTFOUND',
	// statement_timeout: the server ended a query that took too long (a stalled disk, a lock)
	'57014',
	'57P01',
	'57P02',
	'57P03',
	'08000',
	'08001',
	'08003',
	'08004',
	'08006'
]);
const UNAVAILABLE_MESSAGES =
	/Connection terminated|timeout exceeded when trying to connect|connection error|Client was closed|Query read timeout/i;

export function isUnavailable(err: unknown): boolean {
	if (!(err instanceof Error)) return false;
	const code = (err as Error & { code?: unknown }).code;
	if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
	if (UNAVAILABLE_MESSAGES.test(err.message)) return true;
	return err instanceof AggregateError && err.errors.some(isUnavailable);
}
