import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { STATUSES, type Status } from '../../src/lib/report/catalogue.ts';
import * as casework from '../../src/lib/server/casework/casework.ts';
import type { Actor } from '../../src/lib/server/casework/casework.ts';
import type { Db } from '../../src/lib/server/platform/db/index.ts';
import * as inbox from '../../src/lib/server/casework/inbox.ts';
import * as referrals from '../../src/lib/server/casework/referrals.ts';
import * as regions from '../../src/lib/server/regions/regions.ts';
import * as reports from '../../src/lib/server/meldpunt/reports.ts';
import * as sla from '../../src/lib/server/casework/sla.ts';
import { helpPartner } from '../factories/regions.ts';
import * as factories from '../factories/reports.ts';
import { actor } from '../factories/staff.ts';
import { onBothDatabases } from './databases.ts';
import { rowsAsText } from './dump.ts';

const NLA = 'rivierenland:nla';
const DAY = 86_400_000;

const report = (db: Db, overrides: Record<string, unknown> = {}, now?: Date) =>
	factories.report(db, overrides, { now });

function row(db: Db, id: string) {
	return db
		.selectFrom('report')
		.select(['status', 'version', 'gemeente_id', 'priority', 'assigned_to', 'closed_reason'])
		.select(['duplicate_of', 'acknowledged_at', 'feedback_at', 'closed_at', 'created_at'])
		.select(['ack_due_at', 'feedback_due_at'])
		.where('id', '=', id)
		.executeTakeFirstOrThrow();
}

async function step(db: Db, a: Actor, id: string, to: Status, now?: Date) {
	const { version } = await row(db, id);
	const r = await casework.transition(db, a, { id, version, to, reason: 'resolved' }, now);
	if (!r.ok) throw new Error(`setup ${to}: ${r.error}`);
}

/** The shortest way from 'new' to each status. */
const PATHS: Record<Status, Status[]> = {
	new: [],
	acknowledged: ['acknowledged'],
	in_progress: ['in_progress'],
	waiting: ['in_progress', 'waiting'],
	referred: ['acknowledged', 'referred'],
	closed: ['closed']
};

onBothDatabases('casework', (ctx) => {
	const OK = { ok: true };
	const no = (error: string) => ({ ok: false, error });
	const get = (id: string) => row(ctx.db, id);
	const messages = (id: string) => reports.messages(ctx.db, id);
	const reportAt = async (status: Status, a: Actor) => {
		const id = await report(ctx.db);
		for (const s of PATHS[status]) await step(ctx.db, a, id, s);
		return id;
	};
	let nla: string;
	const ELSEWHERE = 'elders:help';

	beforeAll(async () => {
		const p = await ctx.db.selectFrom('partner').select('name').where('id', '=', NLA).execute();
		nla = p[0].name;
		await regions.upsert(ctx.db, {
			slug: 'elders',
			name: 'Elders',
			gemeenten: [],
			partners: [helpPartner()]
		});
	});

	it('allows exactly the transitions of the state machine and refuses every other one unchanged', async () => {
		const h = await actor(ctx.db);
		for (const from of STATUSES) {
			const stuck = await reportAt(from, h);
			for (const to of [...STATUSES, 'bogus']) {
				const allowed = (casework.TRANSITIONS[from] as readonly string[]).includes(to);
				const id = allowed ? await reportAt(from, h) : stuck;
				const [before, sent] = [await get(id), (await messages(id)).length];
				const input = { id, version: before.version, to, reason: 'resolved' };
				const r = await casework.transition(ctx.db, h, input);
				expect(r, `${from} → ${to}`).toEqual(allowed ? OK : no('transition'));
				expect(await get(id)).toEqual(
					allowed ? { ...(await get(id)), status: to, version: before.version + 1 } : before
				);
				expect((await messages(id)).length).toBe(sent + Number(allowed));
			}
		}
	});

	it('needs a reason to close, and reopening clears the closing', async () => {
		const h = await actor(ctx.db);
		const id = await report(ctx.db);
		for (const reason of [undefined, '', 'bored']) {
			const r = await casework.transition(ctx.db, h, { id, version: 1, to: 'closed', reason });
			expect(r).toEqual(no('closed_reason'));
		}
		expect(await get(id)).toMatchObject({ status: 'new', version: 1, closed_at: null });
		const at = new Date('2026-04-01T12:00:00Z');
		const close = { id, version: 1, to: 'closed', reason: 'not_actionable' };
		expect(await casework.transition(ctx.db, h, close, at)).toEqual(OK);
		const closed = { status: 'closed', closed_reason: 'not_actionable', closed_at: at };
		expect(await get(id)).toMatchObject(closed);
		expect(await casework.transition(ctx.db, h, { id, version: 2, to: 'in_progress' })).toEqual(OK);
		const reopened = { status: 'in_progress', closed_reason: null, closed_at: null, version: 3 };
		expect(await get(id)).toMatchObject(reopened);
	});

	it('closes as a duplicate only of another report the user can see', async () => {
		const h = await actor(ctx.db);
		const [id, other] = [await report(ctx.db), await report(ctx.db)];
		const hidden = await report(ctx.db, { gemeente: 'buren' });
		const close = { id, version: 1, to: 'closed', reason: 'duplicate' };
		for (const duplicateOf of [undefined, id, hidden, randomUUID(), 'not-a-uuid']) {
			const r = await casework.transition(ctx.db, h, { ...close, duplicateOf });
			expect(r).toEqual(no('duplicate_of'));
		}
		expect(await get(id)).toMatchObject({ status: 'new', version: 1, duplicate_of: null });
		expect(await casework.transition(ctx.db, h, { ...close, duplicateOf: other })).toEqual(OK);
		expect(await get(id)).toMatchObject({ closed_reason: 'duplicate', duplicate_of: other });
		expect((await messages(id)).at(-1)?.template).toBe('closed_duplicate');
	});

	it('refuses a change from a stale form and changes nothing', async () => {
		const h = await actor(ctx.db);
		const id = await report(ctx.db);
		await step(ctx.db, h, id, 'in_progress');
		const before = await get(id);
		const old = { id, version: 1 };
		const results = [
			await casework.transition(ctx.db, h, { ...old, to: 'waiting' }),
			await casework.setPriority(ctx.db, h, { ...old, priority: 'high' }),
			await casework.assign(ctx.db, h, { ...old, assignee: h.id }),
			await casework.addNote(ctx.db, h, { ...old, text: 'note' }),
			await casework.reply(ctx.db, h, { ...old, template: 'more_info' }),
			await casework.move(ctx.db, h, { ...old, gemeente: null }),
			await referrals.refer(ctx.db, h, { ...old, partnerIds: [NLA], channel: 'email' })
		];
		expect(results).toEqual(results.map(() => no('stale')));
		expect(await get(id)).toEqual(before);
		expect(await casework.notes(ctx.db, h, id)).toEqual([]);
		expect(await messages(id)).toHaveLength(1);
	});

	it('lets exactly one of two concurrent changes with the same version through', async () => {
		const h = await actor(ctx.db);
		const id = await report(ctx.db);
		const results = await Promise.all(
			['acknowledged', 'in_progress'].map((to) =>
				casework.transition(ctx.db, h, { id, version: 1, to })
			)
		);
		expect(results.filter((r) => r.ok)).toEqual([OK]);
		expect(results.filter((r) => !r.ok)).toEqual([no('stale')]);
		expect((await get(id)).version).toBe(2);
		expect(await messages(id)).toHaveLength(1);
	});

	it('tells the reporter about every status change and audits it without any report text', async () => {
		const canary = 'CANARY-ZEBRA-QUOKKA';
		const h = await actor(ctx.db);
		const content = { text: `${canary} text`, subject_name: `${canary} name`, address: canary };
		const id = await report(ctx.db, content);
		const t = (i: number) => new Date(Date.UTC(2026, 3, 1, 8 + i));
		const steps: [Status, string, Record<string, string>][] = [
			['acknowledged', 'acknowledged', {}],
			['in_progress', 'status', { status: 'in_progress' }],
			['waiting', 'status', { status: 'waiting' }],
			['referred', 'status', { status: 'referred' }],
			['closed', 'closed_resolved', {}],
			['in_progress', 'status', { status: 'in_progress' }]
		];
		for (const [i, [to, template, params]] of steps.entries()) {
			await step(ctx.db, h, id, to, t(i + 1));
			const thread = await messages(id);
			expect(thread).toHaveLength(i + 1);
			expect(thread.at(-1)).toMatchObject({ author: 'system', template, params, text: null });
			const feedback_at = i < 3 ? null : t(4);
			expect(await get(id)).toMatchObject({ status: to, acknowledged_at: t(1), feedback_at });
		}
		const closedAtOnce = await report(ctx.db);
		await step(ctx.db, h, closedAtOnce, 'closed', t(9));
		expect(await get(closedAtOnce)).toMatchObject({ acknowledged_at: t(9), feedback_at: t(9) });

		await casework.addNote(ctx.db, h, { id, version: 7, text: `${canary} note` });
		await casework.reply(ctx.db, h, { id, version: 8, text: `${canary} reply` });
		const audit = await ctx.db
			.selectFrom('audit_log')
			.select(['actor_id', 'object_type'])
			.where('object_id', '=', id)
			.where('action', '=', 'report.status')
			.execute();
		expect(audit).toEqual(steps.map(() => ({ actor_id: h.id, object_type: 'report' })));
		const all = await sql<{ row: string }>`select t::text as row from audit_log t`.execute(ctx.db);
		const text = all.rows.map((r) => r.row).join('\n');
		expect(text).toContain(id);
		expect(text).not.toContain(canary);
	});

	it('hides reports outside a handler’s gemeenten from every casework function', async () => {
		const h = await actor(ctx.db);
		const coordinator = await actor(ctx.db, 'coordinator');
		for (const gemeente of ['buren', 'unknown']) {
			const id = await report(ctx.db, { gemeente, consent: '3' });
			await step(ctx.db, coordinator, id, 'acknowledged');
			await casework.addNote(ctx.db, coordinator, { id, version: 2, text: 'internal' });
			const referral = { partnerIds: [NLA], channel: 'email' };
			const referred = await referrals.refer(ctx.db, coordinator, { id, version: 3, ...referral });
			if (!referred.ok) throw new Error(`setup: ${referred.error}`);
			const before = await get(id);
			const at = { id, version: before.version };
			const outcome = { referralId: referred.referralIds[0], reference: 'X', outcome: 'Y' };
			const calls = [
				casework.transition(ctx.db, h, { ...at, to: 'in_progress' }),
				casework.setPriority(ctx.db, h, { ...at, priority: 'high' }),
				casework.assign(ctx.db, h, { ...at, assignee: h.id }),
				casework.addNote(ctx.db, h, { ...at, text: 'peek' }),
				casework.reply(ctx.db, h, { ...at, template: 'more_info' }),
				casework.move(ctx.db, h, { ...at, gemeente: null }),
				referrals.refer(ctx.db, h, { ...at, ...referral }),
				referrals.updateOutcome(ctx.db, h, { ...at, ...outcome })
			];
			for (const r of calls) expect(await r, gemeente).toEqual(no('not_found'));
			expect(await get(id)).toEqual(before);
			expect(await casework.visible(ctx.db, h, id)).toBe(false);
			expect(await casework.notes(ctx.db, h, id)).toEqual([]);
			expect(await referrals.list(ctx.db, h, id)).toEqual([]);
			expect(await casework.assignees(ctx.db, h, id)).toEqual([]);
			expect(await casework.visible(ctx.db, coordinator, id)).toBe(true);
			expect(await casework.notes(ctx.db, coordinator, id)).toHaveLength(1);
			expect(await referrals.list(ctx.db, coordinator, id)).toHaveLength(1);
		}
	});

	it('shows editors and panel members no reports at all', async () => {
		const id = await report(ctx.db);
		const coordinator = await actor(ctx.db, 'coordinator');
		expect((await inbox.list(ctx.db, coordinator, { sort: 'newest' })).total).toBeGreaterThan(0);
		for (const role of ['editor', 'panel'] as const) {
			const a = await actor(ctx.db, role, ['tiel']);
			expect(await casework.visible(ctx.db, a, id)).toBe(false);
			expect(await inbox.list(ctx.db, a, { sort: 'newest' })).toMatchObject({
				items: [],
				total: 0
			});
			const r = await casework.transition(ctx.db, a, { id, version: 1, to: 'acknowledged' });
			expect(r).toEqual(no('not_found'));
		}
	});

	it('lists a report as overdue until acknowledged, unless its feedback is overdue too', async () => {
		const coordinator = await actor(ctx.db, 'coordinator');
		const a = await report(ctx.db, { gemeente: 'culemborg' }, new Date('2025-01-06T10:00:00Z'));
		const b = await report(ctx.db, { gemeente: 'culemborg' }, new Date('2025-01-07T10:00:00Z'));
		const f = {
			sort: 'oldest',
			gemeente: 'culemborg',
			from: '2025-01-01',
			to: '2025-01-31'
		} as const;
		const overdue = async (now: Date) =>
			(await inbox.list(ctx.db, coordinator, { ...f, overdue: true }, now)).items.map((i) => i.id);
		expect(await overdue(new Date('2025-01-13T09:00:00Z'))).toEqual([]);
		const jan20 = new Date('2025-01-20T10:00:00Z');
		expect(await overdue(jan20)).toEqual([a, b]);
		await step(ctx.db, coordinator, a, 'acknowledged', jan20);
		expect(await overdue(jan20)).toEqual([b]);
		const may = new Date('2025-05-01T10:00:00Z');
		await step(ctx.db, coordinator, b, 'acknowledged', may);
		expect(await overdue(may)).toEqual([a, b]);
		await step(ctx.db, coordinator, a, 'referred', may);
		expect(await overdue(may)).toEqual([b]);
		const all = await inbox.list(ctx.db, coordinator, f, may);
		expect(all.items.map((i) => [i.id, i.overdue])).toEqual([
			[a, false],
			[b, true]
		]);
	});

	it('keeps internal notes from the reporter and encrypted at rest', async () => {
		const canary = 'CANARY-NOTE-WALRUS';
		const h = await actor(ctx.db);
		const id = await report(ctx.db);
		const note = `${canary}: the agency owner is also the landlord`;
		expect(await casework.addNote(ctx.db, h, { id, version: 1, text: note })).toEqual(OK);
		expect((await casework.notes(ctx.db, h, id)).map((x) => x.text)).toEqual([note]);
		expect(await messages(id)).toEqual([]);
		const dump = await rowsAsText(ctx.db);
		expect(dump).toMatch(/-- report_note\n.+/);
		expect(dump).not.toContain(canary);
		for (const [text, error] of [
			[' \n ', 'empty'],
			['x'.repeat(10_001), 'too_long']
		]) {
			expect(await casework.addNote(ctx.db, h, { id, version: 2, text })).toEqual(no(error));
		}
		expect(await casework.notes(ctx.db, h, id)).toHaveLength(1);
	});

	it('sends standard and free-text replies, each in its own language', async () => {
		const h = await actor(ctx.db);
		// Consent level 1: the only level at which "advice" (we may not pass it on) is true.
		const id = await report(ctx.db, { consent: '1' });
		const reply = async (input: Record<string, string>) =>
			casework.reply(ctx.db, h, { id, version: (await get(id)).version, ...input });
		expect(await reply({ template: 'more_info' })).toEqual(OK);
		expect(await get(id)).toMatchObject({ status: 'acknowledged', version: 2 });
		expect((await get(id)).acknowledged_at).not.toBeNull();
		expect(await reply({ text: 'Could you send a photo?', language: 'en' })).toEqual(OK);
		expect(await reply({ text: 'Wij bellen u morgen.' })).toEqual(OK);
		expect(await reply({ template: 'advice' })).toEqual(no('partner'));
		expect(await reply({ template: 'advice', partner: ELSEWHERE })).toEqual(no('partner'));
		expect(await reply({ template: 'advice', partner: NLA })).toEqual(OK);
		expect(await reply({ text: ' \n ' })).toEqual(no('empty'));
		expect(await reply({ text: 'x'.repeat(10_001) })).toEqual(no('too_long'));
		expect(await reply({ template: 'bogus' })).toEqual(no('template'));
		const thread = await messages(id);
		expect(thread.map((m) => [m.author, m.template, m.language, m.text, m.params])).toEqual([
			['staff', 'more_info', null, null, {}],
			['staff', null, 'en', 'Could you send a photo?', {}],
			['staff', null, 'nl', 'Wij bellen u morgen.', {}],
			['staff', 'advice', null, null, { partner: nla }]
		]);
		expect(await reply({ text: 'x'.repeat(10_000) })).toEqual(OK);
	});

	it('refers only as far as the reporter consented', async () => {
		const h = await actor(ctx.db);
		const acknowledged = async (consent: string, text?: string) => {
			const contact = `${consent}@example.test`;
			const id = await report(ctx.db, { consent, contact_wanted: 'yes', contact, text });
			await step(ctx.db, h, id, 'acknowledged');
			return id;
		};
		const refer = (id: string, extra: Partial<referrals.ReferInput> = {}) =>
			referrals.refer(ctx.db, h, { id, version: 2, partnerIds: [NLA], channel: 'email', ...extra });
		const one = await acknowledged('1');
		const two = await acknowledged('2', 'Jan Kowalski from Flex BV took my passport.');
		const before = [await get(one), await get(two)];
		expect(await refer(one)).toEqual(no('consent'));
		expect(await refer(two, { includeContact: true })).toEqual(no('consent'));
		expect([await get(one), await get(two)]).toEqual(before);
		const q = ctx.db.selectFrom('referral').select('id').where('report_id', 'in', [one, two]);
		expect(await q.execute()).toEqual([]);

		const redacted = 'Someone from an agency took my passport.';
		expect(await refer(two, { redactedText: redacted })).toMatchObject(OK);
		const [pkg] = (await referrals.list(ctx.db, h, two)).map((r) => r.package);
		expect(pkg).toMatchObject({ consentLevel: 2, contact: null, text: redacted, gemeente: 'Tiel' });
		expect(JSON.stringify(pkg)).not.toContain('Kowalski');

		const three = await acknowledged('3');
		expect(await refer(three, { includeContact: true })).toMatchObject(OK);
		const [pkg3] = (await referrals.list(ctx.db, h, three)).map((r) => r.package);
		expect(pkg3).toMatchObject({ consentLevel: 3, contact: '3@example.test', text: null });
	});

	it('refers an acknowledged report, tells the reporter and records the outcome', async () => {
		const h = await actor(ctx.db);
		const id = await report(ctx.db, { consent: '2' });
		const refer = async (extra: Partial<referrals.ReferInput> = {}) =>
			referrals.refer(ctx.db, h, {
				id,
				version: (await get(id)).version,
				partnerIds: [NLA],
				channel: 'phone',
				...extra
			});
		expect(await refer()).toEqual(no('transition'));
		await step(ctx.db, h, id, 'acknowledged');
		expect(await refer({ partnerIds: [ELSEWHERE] })).toEqual(no('partner'));
		expect(await refer({ partnerIds: [NLA, ELSEWHERE] })).toEqual(no('partner'));
		expect(await refer({ partnerIds: [] })).toEqual(no('partner'));
		expect(await refer({ channel: 'pigeon' })).toEqual(no('channel'));
		expect(await ctx.db.selectFrom('referral').where('report_id', '=', id).execute()).toEqual([]);
		const referred = await refer({ referredOn: '2026-04-02', reference: 'NLA-1' });
		if (!referred.ok) throw new Error(referred.error);
		expect(await get(id)).toMatchObject({ status: 'referred', version: 3 });
		expect((await get(id)).feedback_at).not.toBeNull();
		const told = {
			author: 'system',
			template: 'referred',
			params: { partner: nla, date: '2026-04-02' }
		};
		expect((await messages(id)).at(-1)).toMatchObject(told);
		expect(await referrals.list(ctx.db, h, id)).toMatchObject([{ reference: 'NLA-1' }]);
		const update = { id, version: 3, reference: 'NLA-2', outcome: 'Inspection planned' };
		const other = await referrals.updateOutcome(ctx.db, h, { ...update, referralId: randomUUID() });
		expect(other).toEqual(no('not_found'));
		const referralId = referred.referralIds[0];
		expect(await referrals.updateOutcome(ctx.db, h, { ...update, referralId })).toEqual(OK);
		expect(await referrals.list(ctx.db, h, id)).toMatchObject([
			{
				...{ partner: nla, channel: 'phone', reference: 'NLA-2', outcome: 'Inspection planned' },
				...{ referredOn: '2026-04-02', package: { partner: nla, referredOn: '2026-04-02' } }
			}
		]);
	});

	it('lets a handler hand a report to the regional queue, and only a coordinator move it on', async () => {
		const h = await actor(ctx.db);
		const buren = await actor(ctx.db, 'handler', ['buren']);
		const coordinator = await actor(ctx.db, 'coordinator');
		const id = await report(ctx.db);
		const assign = (assignee: string) => casework.assign(ctx.db, h, { id, version: 1, assignee });
		expect(await assign(buren.id)).toEqual(no('assignee'));
		expect(await assign(h.id)).toEqual(OK);
		const move = (a: Actor, version: number, gemeente: string | null) =>
			casework.move(ctx.db, a, { id, version, gemeente });
		expect(await move(h, 2, 'buren')).toEqual(no('forbidden'));
		expect(await get(id)).toMatchObject({ gemeente_id: 'tiel', assigned_to: h.id, version: 2 });
		expect(await move(h, 2, null)).toEqual(OK);
		expect(await get(id)).toMatchObject({ gemeente_id: null, assigned_to: null });
		expect(await casework.visible(ctx.db, h, id)).toBe(false);
		expect(await move(coordinator, 3, 'nowhere')).toEqual(no('gemeente'));
		expect(await move(coordinator, 3, 'buren')).toEqual(OK);
		expect((await get(id)).gemeente_id).toBe('buren');
		expect(await casework.visible(ctx.db, buren, id)).toBe(true);
		expect(await casework.visible(ctx.db, h, id)).toBe(false);
	});

	it('gives urgent reports one working day and others a week to be acknowledged, and three months for feedback', () => {
		const friday = new Date('2026-03-06T16:00:00Z');
		expect(sla.dueDates(friday, sla.DEFAULT, true)).toEqual({
			ack: new Date('2026-03-09T16:00:00Z'),
			feedback: new Date('2026-06-06T16:00:00Z')
		});
		expect(sla.dueDates(friday, sla.DEFAULT, false).ack).toEqual(new Date('2026-03-13T16:00:00Z'));
		const thursday = new Date('2026-03-05T16:00:00Z');
		expect(sla.dueDates(thursday, sla.DEFAULT, true).ack).toEqual(friday);
	});

	it('fixes the due dates on a report when it arrives', async () => {
		const normal = await get(await report(ctx.db));
		const urgent = await get(await report(ctx.db, { situations: ['threatened'] }));
		expect(normal.priority).toBe('normal');
		expect(normal.ack_due_at!.getTime() - normal.created_at.getTime()).toBe(7 * DAY);
		const threeMonths = new Date(normal.created_at);
		threeMonths.setUTCMonth(threeMonths.getUTCMonth() + 3);
		expect(normal.feedback_due_at).toEqual(threeMonths);
		expect(urgent.priority).toBe('urgent');
		const urgentAck = urgent.ack_due_at!;
		expect(urgentAck).toEqual(sla.addWorkingDays(urgent.created_at, 1));
		expect([1, 2, 3, 4, 5]).toContain(urgentAck.getUTCDay());
		expect(urgentAck.getTime() - urgent.created_at.getTime()).toBeLessThanOrEqual(3 * DAY);
		const fri = await report(ctx.db, { situations: ['threatened'] }, new Date('2026-03-06T16:00Z'));
		expect((await get(fri)).ack_due_at).toEqual(new Date('2026-03-09T16:00:00Z'));
	});
});

onBothDatabases('meldpunt inbox', (ctx) => {
	const day = (i: number) => new Date(Date.UTC(2026, 2, 2 + i, 10));
	const date = (i: number) => day(i).toISOString().slice(0, 10);
	let h: Actor;
	let coordinator: Actor;
	const tiel: string[] = [];
	let buren: string;
	let unknown: string;

	beforeAll(async () => {
		h = await actor(ctx.db);
		coordinator = await actor(ctx.db, 'coordinator');
		// 0, 3, 6 urgent; 1, 4, 7 housing; 2, 5 plain work.
		const housing = { group: 'housing', situations: ['overcrowded'] };
		const kinds = [{ situations: ['threatened'] }, housing, {}];
		for (let i = 0; i < 8; i++) tiel.push(await report(ctx.db, kinds[i % 3], day(i)));
		// An hour after the tiel report of the same day, so every sort order is strict.
		const later = (i: number) => new Date(day(i).getTime() + 3_600_000);
		buren = await report(ctx.db, { gemeente: 'buren' }, later(1));
		unknown = await report(ctx.db, { gemeente: 'unknown' }, later(2));
		const paths: [number, Status[]][] = [
			[1, ['acknowledged']],
			[2, ['acknowledged']],
			[3, ['in_progress']],
			[4, ['in_progress', 'waiting']],
			[5, ['closed']]
		];
		for (const [i, path] of paths) for (const s of path) await step(ctx.db, h, tiel[i], s);
		for (const i of [2, 6]) {
			const { version } = await row(ctx.db, tiel[i]);
			await casework.assign(ctx.db, h, { id: tiel[i], version, assignee: h.id });
		}
		await casework.setPriority(ctx.db, h, { id: tiel[7], version: 1, priority: 'high' });
	});

	const ids = async (a: Actor, f: Partial<inbox.Filters>) =>
		(await inbox.list(ctx.db, a, { sort: 'oldest', ...f })).items.map((i) => i.id);
	const pick = (...is: number[]) => is.map((i) => tiel[i]);

	it('shows a handler only the reports of their own gemeenten', async () => {
		expect(await ids(h, {})).toEqual(tiel);
		const all = [tiel[0], tiel[1], buren, tiel[2], unknown, ...pick(3, 4, 5, 6, 7)];
		expect(await ids(coordinator, {})).toEqual(all);
	});

	it('filters by status, group, priority, urgency, assignment, gemeente and date', async () => {
		expect(await ids(h, { status: 'acknowledged' })).toEqual(pick(1, 2));
		expect(await ids(h, { group: 'housing' })).toEqual(pick(1, 4, 7));
		expect(await ids(h, { priority: 'high' })).toEqual(pick(7));
		expect(await ids(h, { priority: 'urgent' })).toEqual(pick(0, 3, 6));
		expect(await ids(h, { urgent: true })).toEqual(pick(0, 3, 6));
		expect(await ids(h, { assigned: 'me' })).toEqual(pick(2, 6));
		expect(await ids(h, { assigned: 'none' })).toEqual(pick(0, 1, 3, 4, 5, 7));
		expect(await ids(coordinator, { gemeente: 'unknown' })).toEqual([unknown]);
		expect(await ids(h, { gemeente: 'unknown' })).toEqual([]);
		expect(await ids(coordinator, { gemeente: 'buren' })).toEqual([buren]);
		expect(await ids(h, { gemeente: 'buren' })).toEqual([]);
		expect(await ids(h, { from: date(2), to: date(3) })).toEqual(pick(2, 3));
		const days2and3 = [tiel[2], unknown, tiel[3]];
		expect(await ids(coordinator, { from: date(2), to: date(3) })).toEqual(days2and3);
		expect(await ids(h, { from: date(6) })).toEqual(pick(6, 7));
		expect(await ids(h, { to: date(0) })).toEqual(pick(0));
	});

	it('pages by keyset, giving every report exactly once in order for every sort', async () => {
		const due = await Promise.all(
			tiel.map(async (id) => ({ id, due: (await row(ctx.db, id)).ack_due_at! }))
		);
		const expected = {
			newest: [...tiel].reverse(),
			oldest: tiel,
			due: due
				.sort((a, b) => a.due.getTime() - b.due.getTime() || a.id.localeCompare(b.id))
				.map((d) => d.id)
		};
		expect(expected.due).not.toEqual(expected.oldest);
		for (const sort of inbox.SORTS) {
			const pages: string[][] = [];
			let cursor: string | undefined;
			do {
				const page = await inbox.list(ctx.db, h, { sort, cursor }, new Date(), 3);
				pages.push(page.items.map((i) => i.id));
				cursor = page.next ?? undefined;
			} while (cursor && pages.length < 10);
			const sizes = pages.map((p) => p.length);
			expect(sizes, sort).toEqual([3, 3, 2]);
			expect(pages.flat(), sort).toEqual(expected[sort]);
		}
	});

	it('counts reports per status, ignoring the status filter but not the others', async () => {
		const counts = { new: 3, acknowledged: 2, in_progress: 1, waiting: 1, closed: 1 };
		expect(await inbox.list(ctx.db, h, { sort: 'newest' })).toMatchObject({ counts, total: 8 });
		const filtered = await inbox.list(ctx.db, h, { sort: 'newest', status: 'closed' });
		expect(filtered).toMatchObject({ counts, total: 8, items: [{ id: tiel[5] }] });
		const housing = await inbox.list(ctx.db, h, { sort: 'newest', group: 'housing' });
		expect(housing.counts).toEqual({ new: 1, acknowledged: 1, waiting: 1 });
		expect((await inbox.list(ctx.db, coordinator, { sort: 'newest' })).counts.new).toBe(5);
	});
});
