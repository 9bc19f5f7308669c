// Issue #9, load and faults (`npm run test:load`, run by .ci/run after `npm test`): the production
// build on a real PostgreSQL with default durability. Nothing acknowledged may be lost, and no
// receipt may exist for a report that was not committed.
import { execFileSync } from 'node:child_process';
import { createECDH, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as database from '../../src/lib/server/platform/db/index.ts';
import * as receipts from '../../src/lib/server/meldpunt/receipts.ts';
import * as regions from '../../src/lib/server/regions/regions.ts';
import { rawReport } from '../factories/reports.ts';
import * as pgServer from '../integration/pg-server.ts';
import * as webServer from '../e2e/server.ts';
import * as strict from './strict-client.ts';

interface Answer {
	status: number;
	retryAfter: string | null;
	receipt: string | null;
}

let pg: pgServer.PgServer;
let app: webServer.RunningServer;
let db: database.Db;

async function submit(
	base: string,
	text = 'Load test: we are paid for 40 of 60 hours.'
): Promise<Answer> {
	let r: strict.Answer;
	try {
		r = await strict.request(`${base}/api/v1/reports`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(rawReport({ text, gemeente: 'culemborg' }))
		});
	} catch (err) {
		// The connection itself failed: no answer, so no receipt either. A status line followed by
		// a broken answer is a server bug, not an outage: it fails the test.
		if (err instanceof strict.NoAnswer) return { status: 0, retryAfter: null, receipt: null };
		throw err;
	}
	const retryAfter = r.headers['retry-after'];
	return {
		status: r.status,
		retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
		receipt: r.status === 201 ? (JSON.parse(r.body) as { receipt: string }).receipt : null
	};
}

/** The report behind a receipt, found the way follow-up finds it: by its keyed hash. */
async function stored(receipt: string): Promise<boolean> {
	const row = await db
		.selectFrom('report')
		.select('id')
		.where('receipt_hash', '=', receipts.hash(receipts.parse(receipt)!))
		.executeTakeFirst();
	return row !== undefined;
}

const apiReports = async () =>
	Number(
		(
			await db
				.selectFrom('report')
				.select((eb) => eb.fn.countAll<string>().as('n'))
				.where('channel', '=', 'api')
				.executeTakeFirstOrThrow()
		).n
	);

beforeAll(async () => {
	pg = await pgServer.start({ durable: true });
	db = database.create({ url: pg.url, poolSize: 4 }).db;
	app = await webServer.start({
		env: {
			DATABASE_URL: pg.url,
			WEGWIJS_MASTER_KEY: process.env.WEGWIJS_MASTER_KEY ?? randomBytes(32).toString('base64'),
			WEGWIJS_HMAC_PEPPER: process.env.WEGWIJS_HMAC_PEPPER ?? randomBytes(32).toString('base64'),
			// Fault tests, not limit tests: 20 clients retrying as fast as they can must meet the
			// outage, not the instance-wide flood guard.
			INTAKE_LIMIT_GLOBAL_PER_MIN: '1000000',
			LOG_LEVEL: 'warn'
		}
	});
}, 120_000);

afterAll(async () => {
	await app?.stop();
	await db?.destroy();
	if (pg) pgServer.destroy(pg);
});

describe('load and faults', () => {
	it('runs on PostgreSQL with fsync, synchronous_commit and full_page_writes on', async () => {
		const rows = await sql<{ name: string; setting: string }>`
			select name, setting from pg_settings
			where name in ('fsync', 'synchronous_commit', 'full_page_writes')`.execute(db);
		expect(Object.fromEntries(rows.rows.map((r) => [r.name, r.setting]))).toEqual({
			fsync: 'on',
			synchronous_commit: 'on',
			full_page_writes: 'on'
		});
	});

	it('1 000 reports at once: every receipt is one stored report, and only 429/503 may refuse', async () => {
		const before = await apiReports();
		const answers = await Promise.all(Array.from({ length: 1000 }, () => submit(app.url)));
		const byStatus = answers.reduce<Record<number, number>>((m, a) => {
			m[a.status] = (m[a.status] ?? 0) + 1;
			return m;
		}, {});
		const refused = answers.filter((a) => a.status !== 201);
		expect(refused.every((a) => (a.status === 429 || a.status === 503) && a.retryAfter)).toBe(true);
		const issued = answers.filter((a) => a.status === 201).map((a) => a.receipt!);
		expect(new Set(issued).size, JSON.stringify(byStatus)).toBe(issued.length);
		// A burst may be shed with 429/503 on a busy machine, but most reports must get through.
		expect(issued.length, JSON.stringify(byStatus)).toBeGreaterThan(answers.length / 2);
		// Exactly as many rows as receipts: nothing lost, nothing extra.
		expect((await apiReports()) - before).toBe(issued.length);
		for (const r of issued) expect(await stored(r)).toBe(true);
		// And a sample follows up through the API, as a reporter would.
		for (const r of issued.slice(0, 50)) {
			const res = await strict.request(`${app.url}/api/v1/reports/follow-up`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ receipt: r })
			});
			expect(res.status).toBe(200);
		}
	}, 180_000);

	it('PostgreSQL stopped with -m immediate: 503 meanwhile, every receipt survives, recovery by itself', async () => {
		const answers: Answer[] = [];
		let running = true;
		const clients = Array.from({ length: 20 }, async () => {
			while (running) answers.push(await submit(app.url, 'Fault test: no heating.'));
		});
		await new Promise((r) => setTimeout(r, 1_500));
		pg.stop('immediate');
		const outage: number[] = [];
		const health: number[] = [];
		const outageEnds = Date.now() + 4_000;
		while (Date.now() < outageEnds) {
			outage.push((await submit(app.url)).status);
			health.push((await strict.request(`${app.url}/api/health`)).status);
		}
		pg.start();
		// The app must come back without a restart.
		let back = false;
		for (let i = 0; i < 60 && !back; i++) {
			back = await strict
				.request(`${app.url}/api/health`)
				.then((r) => r.status === 200)
				.catch(() => false);
			if (!back) await new Promise((r) => setTimeout(r, 500));
		}
		expect(back).toBe(true);
		await new Promise((r) => setTimeout(r, 1_500));
		running = false;
		await Promise.all(clients);

		expect(health.filter((s) => s === 503).length).toBeGreaterThan(0);
		expect(outage.filter((s) => s === 503).length).toBeGreaterThan(0);
		// During the outage nothing but "unavailable, try again" — never a 500.
		expect(outage.filter((s) => s !== 503 && s !== 201)).toEqual([]);
		expect(answers.filter((a) => a.status >= 500 && a.status !== 503)).toEqual([]);
		expect(answers.filter((a) => a.status === 503).every((a) => a.retryAfter === '30')).toBe(true);
		const issued = answers.filter((a) => a.status === 201).map((a) => a.receipt!);
		expect(issued.length).toBeGreaterThan(0);
		// Every receipt handed out refers to a committed report that survived the crash.
		for (const r of issued) expect(await stored(r), r).toBe(true);
		// And after recovery the app takes reports again.
		expect((await submit(app.url)).status).toBe(201);
	}, 180_000);

	it('PostgreSQL frozen (SIGSTOP): 503 with Retry-After within seconds, recovery after SIGCONT', async () => {
		// An instance with short timeouts, so the test is quick; production defaults are 10 s.
		const fast = await webServer.start({
			env: {
				DATABASE_URL: pg.url,
				WEGWIJS_MASTER_KEY: process.env.WEGWIJS_MASTER_KEY ?? randomBytes(32).toString('base64'),
				WEGWIJS_HMAC_PEPPER: process.env.WEGWIJS_HMAC_PEPPER ?? randomBytes(32).toString('base64'),
				DB_QUERY_TIMEOUT_MS: '2000',
				DB_CONNECT_TIMEOUT_MS: '2000',
				LOG_LEVEL: 'warn'
			}
		});
		try {
			const before = await submit(fast.url);
			expect(before.status).toBe(201);
			const pids = postgresProcesses();
			for (const pid of pids) process.kill(pid, 'SIGSTOP');
			const during: (Answer & { ms: number })[] = [];
			const health: number[] = [];
			try {
				const ends = Date.now() + 8_000;
				while (Date.now() < ends) {
					const started = performance.now();
					const answers = await Promise.all(Array.from({ length: 5 }, () => submit(fast.url)));
					const ms = performance.now() - started;
					during.push(...answers.map((a) => ({ ...a, ms })));
					health.push((await strict.request(`${fast.url}/api/health`)).status);
				}
			} finally {
				for (const pid of pids) process.kill(pid, 'SIGCONT');
			}
			const slowest = Math.max(...during.map((a) => a.ms));
			console.log(
				`frozen PostgreSQL: ${during.length} submissions, statuses ${JSON.stringify(
					during.reduce<Record<number, number>>(
						(m, a) => ((m[a.status] = (m[a.status] ?? 0) + 1), m),
						{}
					)
				)}, slowest ${slowest.toFixed(0)} ms`
			);
			// Nothing hangs for the freeze: every answer is a 503 with Retry-After, in seconds.
			expect(during.every((a) => a.status === 503 && a.retryAfter === '30')).toBe(true);
			expect(slowest).toBeLessThan(7_000);
			expect(health.every((s) => s === 503)).toBe(true);
			let back = false;
			for (let i = 0; i < 60 && !back; i++) {
				back = (await submit(fast.url)).status === 201;
				if (!back) await new Promise((r) => setTimeout(r, 500));
			}
			expect(back).toBe(true);
			expect(await stored(before.receipt!)).toBe(true);
		} finally {
			await fast.stop();
		}
	}, 120_000);
});

/** The postmaster and its children (backends, checkpointer, WAL writer …) of the test server. */
function postgresProcesses(): number[] {
	const postmaster = Number(
		fs.readFileSync(path.join(pg.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]
	);
	const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(postmaster)], {
		encoding: 'utf8'
	})
		.split('\n')
		.map((l) => Number(l.trim()))
		.filter((n) => n > 0);
	return [postmaster, ...children];
}

// Issue #17: a flood of wrong receipts from many addresses must never lock a reporter out. This
// server takes each request's client address from a header, so one test can be many clients, and
// keeps the production follow-up limit (10 per client per 15 minutes).
describe('follow-up lock-out and flood limits', () => {
	let limited: webServer.RunningServer;
	beforeAll(async () => {
		limited = await webServer.start({
			env: {
				DATABASE_URL: pg.url,
				WEGWIJS_MASTER_KEY: process.env.WEGWIJS_MASTER_KEY ?? randomBytes(32).toString('base64'),
				WEGWIJS_HMAC_PEPPER: process.env.WEGWIJS_HMAC_PEPPER ?? randomBytes(32).toString('base64'),
				ADDRESS_HEADER: 'x-test-client',
				FOLLOWUP_LIMIT_PER_15_MIN: '10',
				// The production limits (the shared test server raises them for the e2e suite).
				FEEDBACK_LIMIT_PER_HOUR: '30',
				REPLY_LIMIT_PER_HOUR: '20',
				SURVEY_LIMIT_PER_HOUR: '10',
				// Push endpoints on 127.0.0.1 (never contacted here: only subscriptions are made).
				WEGWIJS_PUSH_ALLOW_LOOPBACK: '1',
				LOG_LEVEL: 'warn'
			}
		});
	}, 120_000);
	afterAll(() => limited?.stop());

	const followUp = (receipt: string, client: string) =>
		fetch(`${limited.url}/api/v1/reports/follow-up`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-test-client': client },
			body: JSON.stringify({ receipt })
		});

	it('1 000 wrong tries from 100 clients, then the right receipt from a fresh address opens', async () => {
		const report = await fetch(`${limited.url}/api/v1/reports`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-test-client': '198.51.100.1' },
			body: JSON.stringify(rawReport({ gemeente: 'buren' }))
		});
		expect(report.status).toBe(201);
		const { receipt } = (await report.json()) as { receipt: string };

		const statuses: number[] = [];
		for (let batch = 0; batch < 10; batch++) {
			const answers = await Promise.all(
				Array.from({ length: 100 }, (_, i) => {
					const n = batch * 100 + i;
					// 50 IPv4 addresses, and 500 IPv6 addresses in 50 /64s.
					const client =
						n % 2
							? `203.0.113.${n % 100}`
							: `2001:db8:${(n % 100).toString(16)}::${n.toString(16)}`;
					return followUp(`4444 ${String(n).padStart(4, '0')} 0000 0000`, client);
				})
			);
			statuses.push(...answers.map((a) => a.status));
		}
		// Each client got 10 honest "no such report" answers, then "busy, wait".
		expect(statuses.filter((s) => s === 404).length).toBe(1000);

		const more = await followUp('4444 9999 0000 0000', '2001:db8:4::abcd');
		expect(more.status).toBe(429);
		expect(Number(more.headers.get('retry-after'))).toBeGreaterThan(60);
		expect(await more.json()).toEqual({ error: 'followup_busy' });

		const right = await followUp(receipt, '2001:db8:ffff:1::1');
		expect(right.status).toBe(200);
		expect(((await right.json()) as { status: string }).status).toBe('new');
	}, 120_000);

	const form = (path: string, client: string, fields: Record<string, string>, cookie = '') =>
		fetch(`${limited.url}${path}`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				// A browser without JavaScript: HTML back, with the failure's status.
				accept: 'text/html',
				'sec-fetch-site': 'same-origin',
				'x-test-client': client,
				...(cookie ? { cookie } : {})
			},
			body: new URLSearchParams(fields)
		});

	it('limits anonymous writes per client: feedback and follow-up replies, with a translated answer', async () => {
		// The feedback form's own key format: 32 base32 characters.
		const key = () =>
			Array.from(randomBytes(32), (b) => 'abcdefghijklmnopqrstuvwxyz234567'[b % 32]).join('');
		const feedback = [];
		for (let i = 0; i < 32; i++) {
			const r = await form('/pl/feedback', '198.51.100.50', {
				page: '/pl/more',
				helpful: 'yes',
				comment: '',
				submission_key: key()
			});
			feedback.push(r.status);
		}
		expect(feedback.slice(0, 30).every((s) => s === 200)).toBe(true);
		expect(feedback.slice(30)).toEqual([429, 429]);
		const refused = await form('/pl/feedback', '198.51.100.50', {
			page: '/pl/more',
			helpful: 'no',
			submission_key: key()
		});
		expect(await refused.text()).toContain(
			'Z tego połączenia przyszło w krótkim czasie wiele opinii.'
		);
		expect(
			(
				await form('/pl/feedback', '198.51.100.51', {
					page: '/pl/more',
					helpful: 'no',
					submission_key: key()
				})
			).status
		).toBe(200);

		const report = await fetch(`${limited.url}/api/v1/reports`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-test-client': '198.51.100.60' },
			body: JSON.stringify(rawReport({ gemeente: 'tiel' }))
		});
		const { receipt } = (await report.json()) as { receipt: string };
		const opened = await form('/ro/report/follow-up?/open', '198.51.100.61', { receipt });
		expect(opened.status).toBe(303);
		const cookie = opened.headers.get('set-cookie')!.split(';')[0];
		const replies = [];
		for (let i = 0; i < 21; i++) {
			const r = await form(
				'/ro/report/follow-up?/reply',
				'198.51.100.61',
				{ text: `Mesaj ${i}` },
				cookie
			);
			replies.push(r.status);
		}
		expect(replies.slice(0, 20).every((s) => s === 200)).toBe(true);
		const last = await form(
			'/ro/report/follow-up?/reply',
			'198.51.100.61',
			{ text: 'Încă unul' },
			cookie
		);
		expect(last.status).toBe(429);
		expect(await last.text()).toContain('Au fost trimise multe mesaje într-un timp scurt.');
	}, 120_000);

	it('limits survey answers per client, with a translated answer, and leaves other clients be', async () => {
		const list = await (await fetch(`${limited.url}/hu/survey`)).text();
		const path = list.match(/href="(\/hu\/survey\/[0-9a-f-]{36})"/)?.[1];
		expect(path, 'an open survey').toBeDefined();
		const key = () =>
			Array.from(randomBytes(32), (b) => 'abcdefghijklmnopqrstuvwxyz234567'[b % 32]).join('');
		const statuses = [];
		for (let i = 0; i < 11; i++)
			statuses.push((await form(path!, '198.51.100.70', { submission_key: key() })).status);
		expect(statuses.slice(0, 10).every((s) => s !== 429)).toBe(true);
		expect(statuses[10]).toBe(429);
		const refused = await form(path!, '198.51.100.70', { submission_key: key() });
		expect(refused.status).toBe(429);
		expect(await refused.text()).toContain(
			'Erről a kapcsolatról rövid idő alatt sok válasz érkezett.'
		);
		expect((await form(path!, '198.51.100.71', { submission_key: key() })).status).not.toBe(429);
	}, 120_000);

	const subscribe = (client: string, endpoint: string, gemeente: string, locale: string) => {
		const ecdh = createECDH('prime256v1');
		ecdh.generateKeys();
		return fetch(`${limited.url}/api/v1/push/subscriptions`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-test-client': client },
			body: JSON.stringify({
				subscription: {
					endpoint,
					keys: {
						p256dh: ecdh.getPublicKey().toString('base64url'),
						auth: randomBytes(16).toString('base64url')
					}
				},
				topic: 'news',
				locale,
				gemeente
			})
		});
	};

	it('limits push subscriptions per client (30 per 15 minutes) and per device (20)', async () => {
		const endpoint = () => `http://127.0.0.1:9/push/${randomBytes(16).toString('hex')}`;
		const perClient = [];
		for (let i = 0; i < 31; i++)
			perClient.push((await subscribe('198.51.100.80', endpoint(), 'tiel', 'pl')).status);
		expect(perClient.slice(0, 30).every((s) => s === 201)).toBe(true);
		const throttled = await subscribe('198.51.100.80', endpoint(), 'tiel', 'pl');
		expect(throttled.status).toBe(429);
		expect(((await throttled.json()) as { error: string }).error).toBe('throttled');
		expect((await subscribe('198.51.100.81', endpoint(), 'tiel', 'pl')).status).toBe(201);

		// One device (one endpoint) asking for news of 21 gemeenten, each request from another
		// client so only the device limit counts. A region this large is made for the test.
		for (let i = 0; i < 21; i++)
			await regions.addGemeente(db, 'rivierenland', { slug: `limit-${i}`, name: `Limit ${i}` });
		const device = endpoint();
		const perDevice = [];
		for (let i = 0; i < 21; i++)
			perDevice.push((await subscribe(`198.51.100.${100 + i}`, device, `limit-${i}`, 'pl')).status);
		expect(perDevice.slice(0, 20).every((s) => s === 201)).toBe(true);
		expect(perDevice[20]).toBe(409);
	}, 120_000);
});
