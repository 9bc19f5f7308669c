// Intake's ceilings, measured with pgbench, 50 clients on 2 threads, each in a database of its own
// so the app's stays clean: a bare single-row INSERT (what the server commits at best), and the
// app's own report INSERT (what intake could reach if the app added no cost of its own).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import * as seed from '../../src/lib/server/app/seed/index.ts';
import * as reportInput from '../../src/lib/server/meldpunt/report-input.ts';
import * as reports from '../../src/lib/server/meldpunt/reports.ts';
import * as database from '../../src/lib/server/platform/db/index.ts';
import * as migrate from '../../src/lib/server/platform/db/migrate.ts';
import * as regions from '../../src/lib/server/regions/regions.ts';
import type { PgServer } from '../integration/pg-server.ts';

const run = promisify(execFile);

export async function insertCeiling(
	server: PgServer,
	opts = { clients: 50, threads: 2, seconds: 15 }
): Promise<number> {
	const admin = new pg.Client({ connectionString: server.url });
	await admin.connect();
	await admin.query('create database ceiling');
	await admin.end();
	const url = server.url.replace(/\/postgres$/, '/ceiling');
	const db = new pg.Client({ connectionString: url });
	await db.connect();
	await db.query('create table bench_ceiling (id bigserial primary key, v bigint not null)');
	await db.end();

	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijs-pgbench-'));
	try {
		const script = path.join(dir, 'insert.sql');
		fs.writeFileSync(
			script,
			'\\set id random(1, 1000000000)\nINSERT INTO bench_ceiling(v) VALUES (:id);\n'
		);
		const { stdout } = await run(
			path.join(server.bin, 'pgbench'),
			[
				'-n',
				...['-h', '127.0.0.1', '-p', String(server.port), '-U', 'postgres'],
				...['-c', String(opts.clients), '-j', String(opts.threads), '-T', String(opts.seconds)],
				...['-f', script, 'ceiling']
			],
			{ timeout: (opts.seconds + 60) * 1000, cwd: dir }
		);
		const tps = /tps = ([\d.]+)/.exec(stdout);
		if (!tps) throw new Error(`pgbench printed no tps:\n${stdout}`);
		return Number(tps[1]);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

/** What the app-statement ceiling ran, for the bench table. */
export interface AppCeiling {
	tps: number;
	/** indexes on report and report_event, each written once per report */
	indexes: number;
	/** bytes of the sealed content column of the report the ceiling inserts */
	sealedBytes: number;
}

/**
 * Intake's real ceiling: the one statement intake issues for a report without photos
 * (reports.insertWithoutPhotos: the report row and its "created" event), built by the app's own
 * code from the same submission the intake part posts, in a database migrated and seeded like the
 * app's, run by pgbench with intake's clients over the extended protocol (as node-postgres sends
 * it: parse, bind, execute). Every transaction gets a fresh id, submission hash and receipt hash
 * (the unique indexes would refuse a repeat); every other value is the app's own, sent as a
 * parameter.
 */
export async function appInsertCeiling(
	server: PgServer,
	raw: Record<string, unknown>,
	opts = { clients: 50, threads: 2, seconds: 15 }
): Promise<AppCeiling> {
	const admin = new pg.Client({ connectionString: server.url });
	await admin.connect();
	await admin.query('create database ceiling_app');
	await admin.end();
	const url = server.url.replace(/\/postgres$/, '/ceiling_app');
	const { db } = database.create({ url, poolSize: 1 });
	let script: string;
	let variables: string[];
	let indexes: number;
	let sealedBytes: number;
	try {
		await migrate.latest(db);
		await seed.run(db);
		const region = seed.modelRegion.slug;
		const gemeenten = (await regions.gemeenten(db, region)).map((g) => g.id);
		const parsed = reportInput.parse(raw, gemeenten);
		if (!parsed.ok)
			throw new Error(`the bench report is invalid: ${JSON.stringify(parsed.errors)}`);
		const { row } = await reports.newRow(db, parsed.value, 0, {
			regionId: region,
			locale: 'pl',
			channel: 'api'
		});
		sealedBytes = row.content.length;
		({ script, variables } = pgbenchScript(reports.insertWithoutPhotos(db, row).compile(), row));
		const n = await sql<{ n: string }>`
			select count(*) as n from pg_index
			where indrelid in ('report'::regclass, 'report_event'::regclass)`.execute(db);
		indexes = Number(n.rows[0].n);
	} finally {
		await db.destroy();
	}

	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijs-pgbench-'));
	try {
		const file = path.join(dir, 'report.sql');
		fs.writeFileSync(file, script);
		const { stdout } = await run(
			path.join(server.bin, 'pgbench'),
			[
				'-n',
				...['-M', 'extended'],
				...['-h', '127.0.0.1', '-p', String(server.port), '-U', 'postgres'],
				...['-c', String(opts.clients), '-j', String(opts.threads), '-T', String(opts.seconds)],
				...variables.flatMap((v) => ['-D', v]),
				...['-f', file, 'ceiling_app']
			],
			{ timeout: (opts.seconds + 60) * 1000, cwd: dir, maxBuffer: 16 * 1024 * 1024 }
		);
		const tps = /tps = ([\d.]+)/.exec(stdout);
		if (!tps) throw new Error(`pgbench printed no tps:\n${stdout}`);
		return { tps: Number(tps[1]), indexes, sealedBytes };
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

/** Fresh random bytes of one length, made by the server for each transaction. */
function freshBytes(length: number): string {
	const blocks = Math.ceil(length / 32);
	const hashes = Array.from({ length: blocks }, () => 'sha256(gen_random_uuid()::text::bytea)');
	return `substr(${hashes.join(' || ')}, 1, ${length})`;
}

/** A parameter as node-postgres sends it: text. */
function asText(value: unknown): string {
	if (Buffer.isBuffer(value)) return `\\x${value.toString('hex')}`;
	if (value instanceof Date) return value.toISOString();
	if (Array.isArray(value)) return `{${value.map((v) => JSON.stringify(String(v))).join(',')}}`;
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

/** The compiled statement as a pgbench script: `$n` becomes a pgbench variable (-D pn=…). */
export function pgbenchScript(
	compiled: { sql: string; parameters: readonly unknown[] },
	row: { id: string; submission_hash: Buffer; receipt_hash: Buffer }
): { script: string; variables: string[] } {
	const variables: string[] = [];
	const body = compiled.sql.replace(/\$(\d+)/g, (_, n: string) => {
		const value = compiled.parameters[Number(n) - 1];
		if (value === row.id) return 'gen_random_uuid()';
		if (value === row.submission_hash || value === row.receipt_hash)
			return freshBytes((value as Buffer).length);
		// pgbench has no NULL variable; node-postgres sends NULL as a parameter of its own.
		if (value === null || value === undefined) return 'NULL';
		variables.push(`p${n}=${asText(value)}`);
		return `:p${n}`;
	});
	return { script: `${body};\n`, variables };
}
