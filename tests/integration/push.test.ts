import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as boss from '../../src/lib/server/platform/boss.ts';
import * as casework from '../../src/lib/server/casework/casework.ts';
import type { Actor } from '../../src/lib/server/casework/casework.ts';
import * as database from '../../src/lib/server/platform/db/index.ts';
import * as followup from '../../src/lib/server/meldpunt/followup.ts';
import type { Db } from '../../src/lib/server/platform/db/index.ts';
import * as migrate from '../../src/lib/server/platform/db/migrate.ts';
import * as intake from '../../src/lib/server/meldpunt/intake.ts';
import * as jobs from '../../src/lib/server/app/jobs.ts';
import * as push from '../../src/lib/server/push/push.ts';
import * as pushApi from '../../src/lib/server/push/api.ts';
import * as texts from '../../src/lib/server/push/texts.ts';
import { rawReport, report, version } from '../factories/reports.ts';
import { actor, staffUser } from '../factories/staff.ts';
import { fresh, onBothDatabases } from './databases.ts';
import * as peers from './push-peer.ts';
import { until } from './until.ts';

// The local push service listens on 127.0.0.1: allowed only through this test-only switch.
process.env.WEGWIJS_PUSH_ALLOW_LOOPBACK = '1';

const REGION = 'rivierenland';
let n = 0;

const handler = (db: Db, gemeenten = ['tiel']): Promise<Actor> => actor(db, 'handler', gemeenten);

/** A report through the intake, as a worker's phone sends it, at `now`. */
async function newReport(db: Db, gemeente: string, now: Date): Promise<string> {
	const r = await intake.submit(db, rawReport({ gemeente }), [], {
		regionId: REGION,
		locale: 'pl',
		channel: 'web',
		client: `push-test-${++n}`,
		now
	});
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.reportId;
}

function keysOf(s: peers.Subscriber): push.Keys {
	const parsed = push.parse({ endpoint: s.endpoint, keys: s.keys });
	if (!parsed.ok) throw new Error(parsed.error);
	return parsed.keys;
}

/** Send jobs queued for these subscriptions, in any state. */
async function queuedFor(db: Db, ids: string[]): Promise<number> {
	const { rows } = await boss
		.adapter(db)
		.executeSql(
			`select count(*)::int as n from pgboss.job where name = $1 and data->>'s' = any($2::text[])`,
			[push.SEND_QUEUE, ids]
		);
	return rows[0].n;
}

onBothDatabases('web push', (ctx) => {
	let peer: Awaited<ReturnType<typeof peers.start>>;

	beforeAll(async () => {
		peer = await peers.start(push.vapid().publicKey);
		await jobs.start(ctx.db, { supervise: false });
	});
	afterAll(async () => {
		await jobs.stop();
		await peer?.close();
	});

	it('delivers the fixed news text in the worker’s language, VAPID-signed and readable only with the subscription’s keys', async () => {
		const sub = peer.subscriber();
		expect(
			await push.subscribe(ctx.db, keysOf(sub), {
				topic: 'news',
				locale: 'pl',
				gemeenteId: 'tiel'
			})
		).toBeTruthy();
		await push.onNews(ctx.db, { gemeenteId: 'tiel', locale: 'pl' });

		const got = await until('the push', () => peer.received.find((x) => x.subscriber === sub.id));
		expect(peer.errors).toEqual([]);
		expect(got.payload).toEqual(texts.payload('news', 'pl'));
		expect((got.payload as texts.Payload).url).toBe('/pl');
		const raw = JSON.stringify(got.payload);
		for (const secret of ['report', 'tiel', 'Tiel']) expect(raw).not.toContain(secret);
		expect(got.claims.aud).toBe(peer.url);
	});

	it('sends the reporter nothing when staff reply: there is no reporter push (issue #17)', async () => {
		const id = await report(ctx.db);
		const news = peer.subscriber();
		const newsId = (await push.subscribe(ctx.db, keysOf(news), {
			topic: 'news',
			locale: 'pl',
			gemeenteId: 'tiel'
		}))!;
		const h = await handler(ctx.db);
		const r = await casework.reply(ctx.db, h, {
			id,
			version: await version(ctx.db, id),
			text: 'We have visited the address.'
		});
		expect(r.ok).toBe(true);
		expect(await queuedFor(ctx.db, [newsId])).toBe(0);
		const { rows } = await boss
			.adapter(ctx.db)
			.executeSql(
				`select count(*)::int as n from pgboss.job where name = $1 and data->>'k' = 'report'`,
				[push.SEND_QUEUE]
			);
		expect(rows[0].n).toBe(0);
	});

	it('deletes the subscription when the push service answers 410 Gone', async () => {
		const sub = peer.subscriber();
		const keys = keysOf(sub);
		await push.subscribe(ctx.db, keys, {
			topic: 'news',
			locale: 'nl',
			gemeenteId: 'neder-betuwe'
		});
		expect(await push.listFor(ctx.db, keys.endpoint)).toHaveLength(1);
		peer.status.set(sub.id, 410);
		await push.onNews(ctx.db, { gemeenteId: 'neder-betuwe', locale: 'nl' });
		await until(
			'the subscription to go',
			async () => (await push.listFor(ctx.db, keys.endpoint)).length === 0
		);
		expect(await push.listFor(ctx.db, keys.endpoint)).toEqual([]);
	});

	it('retries a push service that answers 503 or times out, and does not drop the subscription', async () => {
		const sub = peer.subscriber();
		const keys = keysOf(sub);
		peer.status.set(sub.id, 503);
		expect(await push.send(keys, texts.payload('news', 'nl'))).toBe('retry');
		peer.status.delete(sub.id);
		peer.hang.add(sub.id);
		const started = Date.now();
		expect(await push.send(keys, texts.payload('news', 'nl'), 300)).toBe('retry');
		expect(Date.now() - started).toBeLessThan(5_000);
		peer.hang.delete(sub.id);
		expect(await push.send(keys, texts.payload('news', 'nl'))).toBe('sent');
	});

	it('tells staff who may see the gemeente about a new report, and nobody else', async () => {
		const tiel = await staffUser(ctx.db, {
			role: 'handler',
			gemeenten: ['tiel']
		});
		const buren = await staffUser(ctx.db, {
			role: 'handler',
			gemeenten: ['buren']
		});
		const coordinator = await staffUser(ctx.db, {
			role: 'coordinator',
			gemeenten: []
		});
		const [sT, sB, sC] = [peer.subscriber(), peer.subscriber(), peer.subscriber()];
		await push.subscribe(ctx.db, keysOf(sT), {
			topic: 'staff_reports',
			locale: 'nl',
			staffUserId: tiel.id
		});
		await push.subscribe(ctx.db, keysOf(sB), {
			topic: 'staff_reports',
			locale: 'en',
			staffUserId: buren.id
		});
		await push.subscribe(ctx.db, keysOf(sC), {
			topic: 'staff_reports',
			locale: 'en',
			staffUserId: coordinator.id
		});

		// Sent two hours ago: its hour is over, so the notice goes out at once.
		await newReport(ctx.db, 'tiel', new Date(Date.now() - 2 * 3_600_000));
		const got = await until('two pushes', () => {
			const r = peer.received.filter((x) => [sT.id, sC.id].includes(x.subscriber));
			return r.length === 2 ? r : null;
		});
		expect(got.find((x) => x.subscriber === sT.id)?.payload).toEqual({
			title: 'Wegwijs meldpunt',
			body: 'Er is een nieuwe melding in uw inbox.',
			url: '/staff/inbox'
		});
		await new Promise((r) => setTimeout(r, 1_500));
		expect(peer.received.some((x) => x.subscriber === sB.id)).toBe(false);
	});

	it('holds staff notices of new reports until the next full hour, one per hour however many come', async () => {
		const coordinator = await staffUser(ctx.db, { role: 'coordinator', gemeenten: [] });
		const sub = peer.subscriber();
		const subId = await push.subscribe(ctx.db, keysOf(sub), {
			topic: 'staff_reports',
			locale: 'nl',
			staffUserId: coordinator.id
		});
		push.staffChanged();
		// Now: nothing reaches the phone before the hour is over; the notice waits for it.
		const now = new Date();
		await newReport(ctx.db, 'tiel', now);
		await newReport(ctx.db, 'buren', now);
		const { rows } = await boss
			.adapter(ctx.db)
			.executeSql(
				`select start_after from pgboss.job where name = $1 and data->>'s' = $2 and state = 'created'`,
				[push.STAFF_HOURLY_QUEUE, subId!]
			);
		expect(rows.length).toBe(1);
		const at = new Date(rows[0].start_after);
		expect(at.getTime()).toBe(push.nextHour(now).getTime());
		expect(at.getUTCMinutes() + at.getUTCSeconds() + at.getUTCMilliseconds()).toBe(0);
		// Three reports in an hour that is over: one notice, sent at once.
		const past = new Date(Date.now() - 3 * 3_600_000);
		for (let i = 0; i < 3; i++) await newReport(ctx.db, 'tiel', past);
		await until('the notice', () => peer.received.some((x) => x.subscriber === sub.id));
		await new Promise((r) => setTimeout(r, 3_000));
		expect(peer.received.filter((x) => x.subscriber === sub.id).length).toBe(1);
	});

	it('fans a news item out to the subscribers of that gemeente and language only', async () => {
		const ro = [peer.subscriber(), peer.subscriber(), peer.subscriber()];
		const pl = peer.subscriber();
		for (const s of ro)
			await push.subscribe(ctx.db, keysOf(s), {
				topic: 'news',
				locale: 'ro',
				gemeenteId: 'culemborg'
			});
		await push.subscribe(ctx.db, keysOf(pl), {
			topic: 'news',
			locale: 'pl',
			gemeenteId: 'culemborg'
		});
		await push.onNews(ctx.db, { gemeenteId: 'culemborg', locale: 'ro' });
		const got = await until('three news pushes', () => {
			const r = peer.received.filter((x) => ro.some((s) => s.id === x.subscriber));
			return r.length === 3 ? r : null;
		});
		for (const g of got) expect(g.payload).toEqual(texts.payload('news', 'ro'));
		expect(peer.received.some((x) => x.subscriber === pl.id)).toBe(false);
	});

	it('reminds staff of overdue reports in their gemeenten with the daily job, and nobody else', async () => {
		const due = await staffUser(ctx.db, {
			role: 'handler',
			gemeenten: ['zaltbommel']
		});
		const calm = await staffUser(ctx.db, {
			role: 'handler',
			gemeenten: ['maasdriel']
		});
		const [sDue, sCalm] = [peer.subscriber(), peer.subscriber()];
		await push.subscribe(ctx.db, keysOf(sDue), {
			topic: 'staff_overdue',
			locale: 'en',
			staffUserId: due.id
		});
		await push.subscribe(ctx.db, keysOf(sCalm), {
			topic: 'staff_overdue',
			locale: 'en',
			staffUserId: calm.id
		});
		await report(ctx.db, { gemeente: 'zaltbommel' });
		// A year on, every open report is past its service level.
		const result = await jobs.DAILY.overdue(ctx.db, new Date(Date.now() + 365 * 86_400_000));
		expect(JSON.stringify(result)).toContain('zaltbommel');
		const got = await until('the reminder', () =>
			peer.received.find((x) => x.subscriber === sDue.id)
		);
		expect(got.payload).toEqual({
			title: 'Wegwijs meldpunt',
			body: 'Some reports in your inbox are overdue.',
			url: '/staff/inbox'
		});
		await new Promise((r) => setTimeout(r, 1_500));
		expect(peer.received.some((x) => x.subscriber === sCalm.id)).toBe(false);
	});

	it('refuses a subscription to a report, even with an open follow-up session', async () => {
		const sub = peer.subscriber();
		const r = await intake.submit(ctx.db, rawReport(), [], {
			regionId: REGION,
			locale: 'lt',
			channel: 'web',
			client: `api-${++n}`
		});
		if (!r.ok) throw new Error('setup');
		const session = await followup.open(ctx.db, {
			receipt: r.receipt,
			client: `api-${++n}`
		});
		expect(session.ok).toBe(true);
		const body = {
			subscription: { endpoint: sub.endpoint, keys: sub.keys },
			topic: 'report',
			locale: 'lt'
		};
		expect(await pushApi.create(ctx.db, body, { client: `api-${++n}` })).toEqual({
			ok: false,
			error: 'topic'
		});
		expect(await push.listFor(ctx.db, sub.endpoint)).toEqual([]);
	});

	it('refuses bad subscriptions with a code and stores nothing', async () => {
		const sub = peer.subscriber();
		const ok = {
			subscription: { endpoint: sub.endpoint, keys: sub.keys },
			topic: 'news',
			locale: 'pl',
			gemeente: 'tiel'
		};
		const c = () => ({ client: `api-${++n}` });
		const cases: [Record<string, unknown>, string][] = [
			[
				{
					...ok,
					subscription: {
						endpoint: 'http://push.example.com/x',
						keys: sub.keys
					}
				},
				'endpoint'
			],
			[
				{
					...ok,
					subscription: { endpoint: 'https://10.0.0.1/x', keys: sub.keys }
				},
				'endpoint'
			],
			[
				{
					...ok,
					subscription: {
						endpoint: 'https://169.254.169.254/x',
						keys: sub.keys
					}
				},
				'endpoint'
			],
			[
				{
					...ok,
					subscription: {
						endpoint: sub.endpoint,
						keys: { p256dh: 'x', auth: 'y' }
					}
				},
				'subscription'
			],
			[{ ...ok, topic: 'staff_reports' }, 'topic'],
			[{ ...ok, locale: 'de' }, 'locale'],
			[{ ...ok, gemeente: 'amsterdam' }, 'gemeente']
		];
		for (const [body, error] of cases) {
			expect(await pushApi.create(ctx.db, body, c()), error).toEqual({
				ok: false,
				error
			});
		}
		expect(await push.listFor(ctx.db, sub.endpoint)).toEqual([]);
		expect(await pushApi.create(ctx.db, ok, c())).toMatchObject({ ok: true });
		expect(await push.listFor(ctx.db, sub.endpoint)).toMatchObject([
			{ topic: 'news', locale: 'pl', gemeente: 'Tiel' }
		]);
	});

	it('lets a worker remove one subscription with the endpoint, but never a staff member’s', async () => {
		const sub = peer.subscriber();
		const keys = keysOf(sub);
		const staff = await staffUser(ctx.db, {
			role: 'handler',
			gemeenten: ['tiel']
		});
		const news = (await push.subscribe(ctx.db, keys, {
			topic: 'news',
			locale: 'pl',
			gemeenteId: 'tiel'
		}))!;
		await push.subscribe(ctx.db, keys, {
			topic: 'news',
			locale: 'pl',
			gemeenteId: 'buren'
		});
		await push.subscribe(ctx.db, keys, {
			topic: 'staff_reports',
			locale: 'nl',
			staffUserId: staff.id
		});
		expect(await pushApi.remove(ctx.db, { endpoint: keys.endpoint, id: news })).toEqual({
			ok: true,
			removed: 1
		});
		expect((await push.listFor(ctx.db, keys.endpoint)).map((s) => s.gemeente)).toEqual(['Buren']);
		expect(await pushApi.remove(ctx.db, { endpoint: keys.endpoint })).toEqual({
			ok: true,
			removed: 1
		});
		expect(await push.listForStaff(ctx.db, staff.id)).toHaveLength(1);
		expect(await pushApi.remove(ctx.db, { endpoint: keys.endpoint, id: 'nope' })).toEqual({
			ok: false,
			error: 'id'
		});
	});

	it('stores no more than the endpoint, its keys, the topic, the language and one link, never a report', async () => {
		const { rows } = await sql<{ column_name: string }>`
			select column_name from information_schema.columns where table_name = 'push_subscription'
			order by ordinal_position`.execute(ctx.db);
		expect(rows.map((r) => r.column_name)).toEqual([
			'id',
			'endpoint',
			'p256dh',
			'auth',
			'topic',
			'locale',
			'gemeente_id',
			'staff_user_id',
			'created_at'
		]);
	});
});

describe('jobs across app instances (postgres)', () => {
	it('runs a scheduled job once per slot when two instances on one PostgreSQL schedule it', async () => {
		const base = await fresh('postgres');
		await migrate.latest(base.db);
		const second = database.create({ url: base.url!, poolSize: 5 });
		const runs: { instance: string; minute: number }[] = [];
		const started = Date.now();
		const record = (instance: string) => async () => {
			runs.push({ instance, minute: Math.floor(Date.now() / 60_000) });
		};
		try {
			// Every second: pg-boss files a cron occurrence per one-minute slot, so both instances
			// see the schedule due every second and only one job a minute may come out of it.
			const a = await jobs.start(base.db, {
				cron: '* * * * * *',
				cronSeconds: 1,
				daily: record('a')
			});
			const b = await jobs.start(second.db, {
				cron: '* * * * * *',
				cronSeconds: 1,
				daily: record('b')
			});
			await until('a run', () => runs.length > 0, 30_000);
			await new Promise((r) => setTimeout(r, 4_000));
			await Promise.all([a.stop({ graceful: false }), b.stop({ graceful: false })]);
			// At most one run per one-minute slot, whichever instance filed it: never more runs
			// than slots the test spanned. (A slot's job may start in the next wall-clock minute,
			// so runs are not attributed to the minute they started in.)
			const spanned = Math.floor(Date.now() / 60_000) - Math.floor(started / 60_000) + 1;
			expect(runs.length).toBeLessThanOrEqual(spanned);
			const { rows } = await boss.adapter(base.db).executeSql(
				`select count(*) filter (where state <> 'created')::int as n,
						count(*)::int as queued from pgboss.job where name = $1`,
				[jobs.DAILY_QUEUE]
			);
			// Every job a worker took is one run. A slot that began just before the stop may
			// still be queued (state 'created'): filed once, not run — never run twice.
			expect(rows[0].n).toBe(runs.length);
			expect(rows[0].queued).toBeLessThanOrEqual(runs.length + 1);
		} finally {
			boss.use(undefined);
			await second.db.destroy();
			await base.drop();
		}
	}, 60_000);
});
