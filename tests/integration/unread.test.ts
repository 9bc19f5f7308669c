import { afterAll, beforeAll, expect, it } from 'vitest';
import * as boss from '../../src/lib/server/platform/boss.ts';
import * as casework from '../../src/lib/server/casework/casework.ts';
import type { Actor } from '../../src/lib/server/casework/casework.ts';
import * as inbox from '../../src/lib/server/casework/inbox.ts';
import * as intake from '../../src/lib/server/meldpunt/intake.ts';
import * as reports from '../../src/lib/server/meldpunt/reports.ts';
import * as jobs from '../../src/lib/server/app/jobs.ts';
import type { Db } from '../../src/lib/server/platform/db/index.ts';
import * as push from '../../src/lib/server/push/push.ts';
import { report } from '../factories/reports.ts';
import { actor, staffUser } from '../factories/staff.ts';
import { onBothDatabases } from './databases.ts';
import * as peers from './push-peer.ts';
import { until } from './until.ts';

// The local push service listens on 127.0.0.1: allowed only through this test-only switch.
process.env.WEGWIJS_PUSH_ALLOW_LOOPBACK = '1';

async function workerReply(db: Db, id: string, text: string) {
	const r = await intake.reply(db, id, { text, files: [], locale: 'pl' });
	if (!r.ok) throw new Error(`setup: ${r.error}`);
}

/** What the case page does when a handler opens it: read up to the newest message shown. */
async function open(db: Db, a: Actor, id: string) {
	const thread = await reports.messages(db, id);
	await inbox.markRead(db, a.id, id, thread.at(-1)?.seq ?? null);
}

async function unreadIn(db: Db, a: Actor, id: string): Promise<boolean | undefined> {
	const page = await inbox.list(db, a, { sort: 'newest', gemeente: 'lingewaard' }, new Date(), 500);
	return page.items.find((i) => i.id === id)?.unread;
}

onBothDatabases('unread replies', (ctx) => {
	// Lingewaard is not seeded: these reports are alone in their gemeente, whatever else runs.
	beforeAll(async () => {
		await ctx.db
			.insertInto('gemeente')
			.values({
				id: 'lingewaard',
				region_id: 'rivierenland',
				name: 'Lingewaard',
				cbs_code: 'GM1705'
			})
			.onConflict((oc) => oc.doNothing())
			.execute();
	});

	it('marks a worker’s reply unread for each handler until that handler opens the case', async () => {
		const a = await actor(ctx.db, 'handler', ['lingewaard']);
		const b = await actor(ctx.db, 'handler', ['lingewaard']);
		const id = await report(ctx.db, { gemeente: 'lingewaard' });
		expect(await unreadIn(ctx.db, a, id)).toBe(false);
		const countA = await inbox.unreadCount(ctx.db, a);

		await workerReply(ctx.db, id, 'Co mam zrobić?');
		expect(await unreadIn(ctx.db, a, id)).toBe(true);
		expect(await unreadIn(ctx.db, b, id)).toBe(true);
		expect(await inbox.unreadCount(ctx.db, a)).toBe(countA + 1);

		await open(ctx.db, a, id);
		expect(await unreadIn(ctx.db, a, id)).toBe(false);
		expect(await inbox.unreadCount(ctx.db, a)).toBe(countA);
		// b has not opened it: still unread for b.
		expect(await unreadIn(ctx.db, b, id)).toBe(true);

		// The unread filter lists exactly the unread ones.
		const onlyUnread = async (x: Actor) =>
			(
				await inbox.list(ctx.db, x, { sort: 'newest', gemeente: 'lingewaard', unread: true })
			).items.map((i) => i.id);
		expect(await onlyUnread(a)).not.toContain(id);
		expect(await onlyUnread(b)).toContain(id);

		// A staff reply is not "unread"; the worker's next reply is again.
		const { version } = await ctx.db
			.selectFrom('report')
			.select('version')
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(await casework.reply(ctx.db, a, { id, version, text: 'Proszę czekać.' })).toEqual({
			ok: true
		});
		expect(await unreadIn(ctx.db, a, id)).toBe(false);
		await workerReply(ctx.db, id, 'Dziękuję');
		expect(await unreadIn(ctx.db, a, id)).toBe(true);
	});

	it('goes by sequence, not by time: a reply stored to the hour is unread after a later-stamped staff message was read', async () => {
		const a = await actor(ctx.db, 'handler', ['lingewaard']);
		const id = await report(ctx.db, { gemeente: 'lingewaard' });
		const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
		// Staff wrote at :40 and the handler read it …
		await reports.addMessage(
			ctx.db,
			id,
			{ author: 'staff', staffUserId: a.id, text: 'Wann?', language: 'nl' },
			[],
			new Date(hour + 40 * 60_000)
		);
		await open(ctx.db, a, id);
		// … then the worker answered at :50, stored as :00 — earlier than the staff message.
		await reports.addMessage(
			ctx.db,
			id,
			{ author: 'reporter', text: 'Wczoraj', language: 'pl' },
			[],
			new Date(hour + 50 * 60_000)
		);
		const thread = await reports.messages(ctx.db, id);
		expect(thread.at(-1)?.text).toBe('Wczoraj');
		expect(thread.at(-1)!.createdAt.getTime()).toBeLessThan(thread.at(-2)!.createdAt.getTime());
		expect(await unreadIn(ctx.db, a, id)).toBe(true);
	});

	it('never marks back: reading an older page after a newer one leaves the newer read', async () => {
		const a = await actor(ctx.db, 'handler', ['lingewaard']);
		const id = await report(ctx.db, { gemeente: 'lingewaard' });
		await workerReply(ctx.db, id, 'Jeden');
		const first = (await reports.messages(ctx.db, id)).at(-1)!.seq;
		await workerReply(ctx.db, id, 'Dwa');
		await open(ctx.db, a, id);
		await inbox.markRead(ctx.db, a.id, id, first);
		expect(await unreadIn(ctx.db, a, id)).toBe(false);
	});

	it('shows nothing unread to a handler of another gemeente', async () => {
		const other = await actor(ctx.db, 'handler', ['buren']);
		const before = await inbox.unreadCount(ctx.db, other);
		const id = await report(ctx.db, { gemeente: 'lingewaard' });
		await workerReply(ctx.db, id, 'Halo');
		expect(await inbox.unreadCount(ctx.db, other)).toBe(before);
	});

	replyPush(ctx);
});

function replyPush(ctx: { db: Db }) {
	let peer: Awaited<ReturnType<typeof peers.start>>;
	beforeAll(async () => {
		peer = await peers.start(push.vapid().publicKey);
		await jobs.start(ctx.db, { supervise: false });
	});
	afterAll(async () => {
		await jobs.stop();
		await peer?.close();
	});

	it('pushes a reply to the assigned handler only, with the fixed text and a link to the unread list', async () => {
		const mine = await staffUser(ctx.db, { role: 'handler', gemeenten: ['lingewaard'] });
		const colleague = await staffUser(ctx.db, { role: 'handler', gemeenten: ['lingewaard'] });
		const [sMine, sColleague] = [peer.subscriber(), peer.subscriber()];
		const ids: string[] = [];
		for (const [s, u] of [
			[sMine, mine],
			[sColleague, colleague]
		] as const) {
			const parsed = push.parse({ endpoint: s.endpoint, keys: s.keys });
			if (!parsed.ok) throw new Error(parsed.error);
			const subId = await push.subscribe(ctx.db, parsed.keys, {
				topic: 'staff_reports',
				locale: 'nl',
				staffUserId: u.id
			});
			ids.push(subId!);
		}
		push.staffChanged();
		const id = await report(ctx.db, { gemeente: 'lingewaard' });
		await ctx.db.updateTable('report').set({ assigned_to: mine.id }).where('id', '=', id).execute();

		// Now: the reply's notice waits for the next full hour, for the assignee only (issue #17).
		await workerReply(ctx.db, id, 'Canary-R5 co mam zrobić');
		const { rows } = await boss
			.adapter(ctx.db)
			.executeSql(
				`select data->>'s' as s from pgboss.job where name = $1 and data->>'k' = 'reply' and state = 'created'`,
				[push.STAFF_HOURLY_QUEUE]
			);
		expect(rows.map((r: { s: string }) => r.s)).toEqual([ids[0]]);

		// A reply in an hour that is over goes out at once: to the assignee, with the fixed text.
		await push.onReply(ctx.db, id, new Date(Date.now() - 2 * 3_600_000));
		const isReply = (x: { payload: unknown }) =>
			(x.payload as { url?: string }).url === '/staff/inbox?unread=1';
		const got = await until('the reply push', () =>
			peer.received.find((x) => x.subscriber === sMine.id && isReply(x))
		);
		expect(got.payload).toEqual({
			title: 'Wegwijs meldpunt',
			body: 'Een melder heeft gereageerd op een melding.',
			url: '/staff/inbox?unread=1'
		});
		expect(JSON.stringify(got.payload)).not.toContain('Canary-R5');
		await new Promise((r) => setTimeout(r, 1_500));
		expect(peer.received.some((x) => x.subscriber === sColleague.id && isReply(x))).toBe(false);
	});
}
