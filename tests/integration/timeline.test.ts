import { expect, it } from 'vitest';
import * as retention from '../../src/lib/server/app/retention.ts';
import * as casework from '../../src/lib/server/casework/casework.ts';
import type { Actor } from '../../src/lib/server/casework/casework.ts';
import * as referrals from '../../src/lib/server/casework/referrals.ts';
import * as history from '../../src/lib/server/meldpunt/history.ts';
import * as reports from '../../src/lib/server/meldpunt/reports.ts';
import * as regions from '../../src/lib/server/regions/regions.ts';
import { helpPartner } from '../factories/regions.ts';
import { report } from '../factories/reports.ts';
import { actor } from '../factories/staff.ts';
import { onBothDatabases } from './databases.ts';

const DAY = 86_400_000;

onBothDatabases('the reporter’s timeline', (ctx) => {
	let regionSeq = 0;

	/** A region of its own with its own retention settings. */
	async function region(retentionSettings: Record<string, unknown>) {
		const id = `tl-${++regionSeq}`;
		await regions.upsert(ctx.db, {
			slug: id,
			name: `Timeline ${regionSeq}`,
			gemeenten: [{ slug: `${id}-stad`, name: `Stad ${regionSeq}`, cbsCode: 'GM9998' }],
			partners: [helpPartner()]
		});
		await ctx.db
			.updateTable('region')
			.set({ settings: JSON.stringify({ retention: retentionSettings }) })
			.where('id', '=', id)
			.execute();
		return { id, gemeente: `${id}-stad`, partner: `${id}:help` };
	}

	async function version(id: string) {
		const row = await ctx.db
			.selectFrom('report')
			.select('version')
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		return row.version;
	}

	async function to(a: Actor, id: string, status: string, now: Date, reason?: string) {
		const r = await casework.transition(
			ctx.db,
			a,
			{ id, version: await version(id), to: status, reason },
			now
		);
		if (!r.ok) throw new Error(`setup ${status}: ${r.error}`);
	}

	it('lists each status change with its reason and the partner it was passed to, and the date the report goes', async () => {
		const r = await region({ closedMonths: 6 });
		const coordinator = await actor(ctx.db, 'coordinator', [], r.id);
		const start = new Date('2026-12-01T09:00:00Z');
		const id = await report(
			ctx.db,
			{ gemeente: r.gemeente, consent: '3', contact_wanted: 'yes', contact: 'a@b.test' },
			{ now: start, regionId: r.id }
		);
		await to(coordinator, id, 'acknowledged', new Date(start.getTime() + DAY));
		const referred = await referrals.refer(
			ctx.db,
			coordinator,
			{
				id,
				version: await version(id),
				partnerIds: [r.partner],
				channel: 'email',
				referredOn: '2026-12-03'
			},
			new Date(start.getTime() + 2 * DAY)
		);
		if (!referred.ok) throw new Error(`setup: ${referred.error}`);
		// Closed late on 31 December, Dutch time: already 1 January 2027 in the Netherlands.
		const closedAt = new Date('2026-12-31T23:30:00Z');
		await to(coordinator, id, 'closed', closedAt, 'resolved');

		const entries = history.forReporter(await reports.timeline(ctx.db, id));
		expect(entries.map((e) => ({ ...e, at: undefined }))).toEqual([
			{ kind: 'created', at: undefined },
			{ kind: 'status', at: undefined, status: 'acknowledged', reason: null },
			{ kind: 'referred', at: undefined, partner: 'Help', on: '2026-12-03' },
			{ kind: 'status', at: undefined, status: 'closed', reason: 'resolved' }
		]);
		// Nothing from staff's side leaks into it: no names, ids or notes.
		expect(JSON.stringify(entries)).not.toMatch(/Test User|@|[0-9a-f]{8}-[0-9a-f]{4}-/);

		const policy = await retention.policy(ctx.db, r.id);
		const closed = (await reports.read(ctx.db, id))!.closedAt!;
		expect(closed.toISOString()).toBe(closedAt.toISOString());
		const due = retention.deletionDue(closed, policy);
		expect(history.dutchDate(due)).toBe('2027-07-01');

		// The date told is the date it goes: a run just before keeps it, a run then deletes it.
		await retention.run(ctx.db, { now: new Date(due.getTime() - 1), regionId: r.id });
		expect(await reports.read(ctx.db, id)).toBeDefined();
		await retention.run(ctx.db, { now: due, regionId: r.id });
		expect(await reports.read(ctx.db, id)).toBeUndefined();
	});

	it('has no date yet for an open report, and a reopened report loses the date it had', async () => {
		const r = await region({ closedMonths: 18 });
		const coordinator = await actor(ctx.db, 'coordinator', [], r.id);
		const id = await report(ctx.db, { gemeente: r.gemeente }, { regionId: r.id, now: new Date() });
		expect((await reports.read(ctx.db, id))!.closedAt).toBeNull();
		expect((await retention.policy(ctx.db, r.id)).closedMonths).toBe(18);
		await to(coordinator, id, 'closed', new Date(), 'not_actionable');
		expect((await reports.read(ctx.db, id))!.closedAt).not.toBeNull();
		await to(coordinator, id, 'in_progress', new Date());
		expect((await reports.read(ctx.db, id))!.closedAt).toBeNull();
		const entries = history.forReporter(await reports.timeline(ctx.db, id));
		expect(entries.map((e) => (e.kind === 'status' ? [e.status, e.reason] : e.kind))).toEqual([
			'created',
			['closed', 'not_actionable'],
			['in_progress', null]
		]);
	});
});
