// The ceiling: how many single-row INSERT transactions per second this PostgreSQL server commits
// with pgbench, 50 clients on 2 threads, in its own database so the app's schema stays clean.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
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
