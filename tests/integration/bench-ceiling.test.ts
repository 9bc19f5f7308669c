// The bench divides intake by a ceiling that runs intake's own report INSERT through pgbench
// (issue #14). These tests hold the ceiling to that: the statement is the one intake issues, and
// the pgbench script built from it stores what intake stores, two rows per transaction.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Kysely, PostgresDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as intake from '../../src/lib/server/meldpunt/intake.ts';
import * as reportInput from '../../src/lib/server/meldpunt/report-input.ts';
import * as reports from '../../src/lib/server/meldpunt/reports.ts';
import * as database from '../../src/lib/server/platform/db/index.ts';
import * as migrate from '../../src/lib/server/platform/db/migrate.ts';
import type { Database } from '../../src/lib/server/platform/db/schema.ts';
import * as seed from '../../src/lib/server/app/seed/index.ts';
import * as regions from '../../src/lib/server/regions/regions.ts';
import { pgbenchScript } from '../bench/ceiling.ts';
import { rawReport } from '../factories/reports.ts';
import { fresh, type TestDb } from './databases.ts';
import { findBin } from './pg-server.ts';

const run = promisify(execFile);
const REGION = 'rivierenland';

describe('the intake ceiling of the bench (postgres)', () => {
	let t: TestDb & { drop(): Promise<void> };
	beforeAll(async () => {
		t = await fresh('postgres');
		await migrate.latest(t.db);
		await seed.run(t.db);
	});
	afterAll(async () => {
		await t?.drop();
	});

	async function newRow() {
		const gemeenten = (await regions.gemeenten(t.db, REGION)).map((g) => g.id);
		const parsed = reportInput.parse(rawReport(), gemeenten);
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
		return (await reports.newRow(t.db, parsed.value, 0, { regionId: REGION, locale: 'pl' })).row;
	}

	async function count(table: 'report' | 'report_event'): Promise<number> {
		const r = await t.db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<string>().as('n'))
			.executeTakeFirstOrThrow();
		return Number(r.n);
	}

	it('runs the very statement intake issues to store a report without photos', async () => {
		// Recorded where it leaves for the server: intake sends a statement it compiled once.
		const issued: string[] = [];
		const { pool } = database.driver(t.db) as Extract<database.Driver, { kind: 'postgres' }>;
		const db = new Kysely<Database>({
			dialect: new PostgresDialect({ pool }),
			log: (event) => {
				issued.push(event.query.sql);
			}
		});
		const before = await count('report');
		const r = await intake.submit(db, rawReport(), [], {
			regionId: REGION,
			locale: 'pl',
			channel: 'api',
			client: 'ceiling-test'
		});
		expect(r.ok).toBe(true);
		expect(await count('report')).toBe(before + 1);
		const writes = issued.filter((q) => /^(insert|update|delete|with)\b/i.test(q));
		const ceiling = reports.insertWithoutPhotos(t.db, await newRow()).compile().sql;
		expect(writes).toEqual([ceiling]);
	});

	it('stores per pgbench transaction one report and its event, fresh keys, the sealed content as intake seals it', async () => {
		const row = await newRow();
		const { script, variables } = pgbenchScript(
			reports.insertWithoutPhotos(t.db, row).compile(),
			row
		);
		expect(script).not.toContain(row.id);
		const [reportsBefore, eventsBefore] = [await count('report'), await count('report_event')];
		const url = new URL(t.url!);
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ceiling-test-'));
		try {
			fs.writeFileSync(path.join(dir, 'report.sql'), script);
			await run(
				path.join(findBin(), 'pgbench'),
				[
					...['-n', '-M', 'extended', '-h', url.hostname, '-p', url.port, '-U', 'postgres'],
					...['-c', '2', '-t', '3'],
					...variables.flatMap((v) => ['-D', v]),
					...['-f', path.join(dir, 'report.sql'), url.pathname.slice(1)]
				],
				{ cwd: dir }
			);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
		expect(await count('report')).toBe(reportsBefore + 6);
		expect(await count('report_event')).toBe(eventsBefore + 6);
		const stored = await t.db
			.selectFrom('report')
			.select(['id', 'content', 'submission_hash', 'receipt_hash', 'situations', 'created_at'])
			.where('content', '=', row.content)
			.execute();
		expect(stored).toHaveLength(6);
		expect(new Set(stored.map((s) => s.id)).size).toBe(6);
		expect(new Set(stored.map((s) => s.submission_hash.toString('hex'))).size).toBe(6);
		for (const s of stored) {
			expect(s.submission_hash.length).toBe(row.submission_hash.length);
			expect(s.receipt_hash.length).toBe(row.receipt_hash.length);
			expect(s.situations).toEqual(row.situations);
			expect(s.created_at.getTime()).toBe(row.created_at.getTime());
		}
	});
});
