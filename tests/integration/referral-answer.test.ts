import { expect, it } from 'vitest';
import ro from '../../messages/ro.json' with { type: 'json' };
import * as casework from '../../src/lib/server/casework/casework.ts';
import type { Actor } from '../../src/lib/server/casework/casework.ts';
import type { Db } from '../../src/lib/server/platform/db/index.ts';
import * as intake from '../../src/lib/server/meldpunt/intake.ts';
import * as referrals from '../../src/lib/server/casework/referrals.ts';
import * as reports from '../../src/lib/server/meldpunt/reports.ts';
import { template } from '../../src/lib/report/texts.ts';
import { rawReport, version } from '../factories/reports.ts';
import { staffUser } from '../factories/staff.ts';
import { onBothDatabases } from './databases.ts';

const REGION = 'rivierenland';
const NLA = 'rivierenland:nla';
const PARTNER_WORDS = 'Inspecteur Jansen komt dinsdag langs bij Flex BV';
let n = 0;

async function handler(db: Db): Promise<Actor> {
	const u = await staffUser(db, { role: 'handler', gemeenten: ['tiel'] });
	return { id: u.id, role: 'handler', regionId: REGION, gemeenten: ['tiel'] };
}

/** A Romanian report at consent level 2, acknowledged and referred to the NLA. */
async function referred(db: Db, h: Actor) {
	const r = await intake.submit(db, rawReport({ consent: '2' }), [], {
		regionId: REGION,
		locale: 'ro',
		channel: 'web',
		client: `answer-${++n}`
	});
	if (!r.ok) throw new Error('setup');
	const id = r.reportId;
	const ack = await casework.transition(db, h, {
		id,
		version: await version(db, id),
		to: 'acknowledged',
		reason: 'resolved'
	});
	if (!ack.ok) throw new Error(ack.error);
	const ref = await referrals.refer(db, h, {
		id,
		version: await version(db, id),
		partnerIds: [NLA],
		channel: 'email'
	});
	if (!ref.ok) throw new Error(ref.error);
	return { id, referralId: ref.referralIds[0] };
}

onBothDatabases('referral answers', (ctx) => {
	it('“taken up” reaches the reporter in Romanian with the partner’s name, never its words, once', async () => {
		const h = await handler(ctx.db);
		const { id, referralId } = await referred(ctx.db, h);
		const answer = async () =>
			referrals.updateOutcome(ctx.db, h, {
				id,
				version: await version(ctx.db, id),
				referralId,
				reference: 'NLA-7',
				outcome: PARTNER_WORDS,
				answer: 'taken_up'
			});
		expect(await answer()).toEqual({ ok: true });
		// The same answer again (a second click after a reload): nothing new for the reporter.
		expect(await answer()).toEqual({ ok: true });

		const thread = await reports.messages(ctx.db, id);
		const told = thread.filter((m) => m.template === 'partner_taken_up');
		expect(told).toHaveLength(1);
		expect(told[0]).toMatchObject({ author: 'system' });
		const text = template(ro, told[0].template!, told[0].params, 'ro');
		expect(text).toBe(`${told[0].params.partner} a preluat sesizarea ta.`);
		expect(text).toContain('Arbeidsinspectie');
		expect(JSON.stringify(thread)).not.toContain('Inspecteur Jansen');

		const [ref] = await referrals.list(ctx.db, h, id);
		expect(ref).toMatchObject({ answer: 'taken_up', outcome: PARTNER_WORDS });
		const row = await ctx.db
			.selectFrom('referral')
			.select(['acknowledged_at', 'answered_at'])
			.where('id', '=', referralId)
			.executeTakeFirstOrThrow();
		expect(row.acknowledged_at).not.toBeNull();
		expect(row.answered_at).not.toBeNull();
		const audit = await ctx.db
			.selectFrom('audit_log')
			.select('detail')
			.where('action', '=', 'referral.update')
			.where('object_id', '=', id)
			.execute();
		expect(audit.some((a) => (a.detail as { answer?: string }).answer === 'taken_up')).toBe(true);
	});

	it('“closed” tells the reporter the partner has finished; “not ours” and “need info” stay internal', async () => {
		const h = await handler(ctx.db);
		const { id, referralId } = await referred(ctx.db, h);
		const post = async (answer: string) =>
			referrals.updateOutcome(ctx.db, h, {
				id,
				version: await version(ctx.db, id),
				referralId,
				reference: '',
				outcome: '',
				answer
			});
		expect(await post('need_info')).toEqual({ ok: true });
		expect(await post('not_ours')).toEqual({ ok: true });
		let templates = (await reports.messages(ctx.db, id)).map((m) => m.template);
		expect(templates).not.toContain('partner_taken_up');
		expect(templates).not.toContain('partner_finished');
		expect(await post('closed')).toEqual({ ok: true });
		expect(await post('action_taken')).toEqual({ ok: true });
		templates = (await reports.messages(ctx.db, id)).map((m) => m.template);
		expect(templates.filter((t) => t === 'partner_finished')).toHaveLength(1);
		expect(await post('maybe')).toEqual({ ok: false, error: 'answer' });
	});

	it('a stale form (double submit with the old version) changes nothing', async () => {
		const h = await handler(ctx.db);
		const { id, referralId } = await referred(ctx.db, h);
		const v = await version(ctx.db, id);
		const input = { id, version: v, referralId, reference: '', outcome: '', answer: 'taken_up' };
		expect(await referrals.updateOutcome(ctx.db, h, input)).toEqual({ ok: true });
		expect(await referrals.updateOutcome(ctx.db, h, input)).toEqual({ ok: false, error: 'stale' });
		const told = (await reports.messages(ctx.db, id)).filter(
			(m) => m.template === 'partner_taken_up'
		);
		expect(told).toHaveLength(1);
	});
});
